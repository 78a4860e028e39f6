// Seller Central timestamps → UTC ISO 8601.
// Pages print dates in the seller's language with a zone abbreviation
// ("Nov 21, 2026 1:12 AM PST", "20.11.2026 14:05 MEZ", "2026/11/20 14:05 JST")
// or a GMT offset ("Nov 20, 2026 at 2:05:00 PM GMT-8"). Pure functions, no I/O.

// Offsets in minutes east of UTC. IST is India's (amazon.in), AST Arabia's (amazon.sa).
export const ZONES = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, IST: 330, WEST: 60,
  CET: 60, CEST: 120, MEZ: 60, MESZ: 120, EET: 120, EEST: 180, TRT: 180,
  PST: -480, PDT: -420, MST: -420, MDT: -360, CST: -360, CDT: -300, EST: -300, EDT: -240,
  AKST: -540, AKDT: -480, HST: -600, BRT: -180, ART: -180,
  JST: 540, KST: 540, SGT: 480, HKT: 480, AWST: 480, ACST: 570, ACDT: 630,
  AEST: 600, AEDT: 660, NZST: 720, NZDT: 780, GST: 240, AST: 180, SAST: 120, EAT: 180,
};

const MONTH_NAMES = [
  ['jan', 'januar', 'janvier', 'janv', 'gennaio', 'gen', 'enero', 'ene', 'january', 'jänner', 'jän', 'januari', 'stycznia', 'sty'],
  ['feb', 'februar', 'février', 'févr', 'fevr', 'febbraio', 'febrero', 'february', 'februari', 'lutego', 'lut'],
  ['mar', 'märz', 'mär', 'mrz', 'mars', 'marzo', 'march', 'maart', 'mrt', 'marca'],
  ['apr', 'april', 'avril', 'avr', 'aprile', 'abril', 'abr', 'kwietnia', 'kwi'],
  ['may', 'mai', 'maggio', 'mag', 'mayo', 'mei', 'maja', 'maj'],
  ['jun', 'juni', 'juin', 'giugno', 'giu', 'junio', 'june', 'czerwca', 'cze'],
  ['jul', 'juli', 'juillet', 'juil', 'luglio', 'lug', 'julio', 'july', 'lipca', 'lip'],
  ['aug', 'august', 'août', 'aout', 'agosto', 'ago', 'augustus', 'sierpnia', 'sie'],
  ['sep', 'sept', 'september', 'septembre', 'settembre', 'set', 'septiembre', 'sep', 'września', 'wrz'],
  ['oct', 'okt', 'oktober', 'octobre', 'ottobre', 'ott', 'octubre', 'october', 'października', 'paź'],
  ['nov', 'november', 'novembre', 'noviembre', 'listopada', 'lis'],
  ['dec', 'dez', 'dezember', 'décembre', 'déc', 'dicembre', 'dic', 'diciembre', 'december', 'grudnia', 'gru'],
];

const MONTHS = new Map();
MONTH_NAMES.forEach((names, index) => names.forEach((n) => MONTHS.set(n, index + 1)));

function monthFromWord(word) {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(w) ?? null;
}

const WORD = '[A-Za-zÀ-ÿäöüÄÖÜéèûôçàìòùáíóúñ]+\\.?';

// Finds the zone and removes it from the text. Returns {offset, rest} or {offset: null}.
function takeZone(text) {
  const gmt = /\b(?:GMT|UTC)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?\b/.exec(text);
  if (gmt) {
    const sign = gmt[1] === '+' ? 1 : -1;
    const minutes = sign * (Number(gmt[2]) * 60 + Number(gmt[3] ?? 0));
    return { offset: minutes, rest: text.replace(gmt[0], ' ') };
  }
  const numeric = /(?:\d{2}:\d{2}(?::\d{2})?)\s*([+-])(\d{2}):?(\d{2})\b/.exec(text);
  if (numeric) {
    const sign = numeric[1] === '+' ? 1 : -1;
    const minutes = sign * (Number(numeric[2]) * 60 + Number(numeric[3]));
    return { offset: minutes, rest: text.replace(`${numeric[1]}${numeric[2]}`, ' ') };
  }
  const abbr = /\b([A-Z]{1,5})\b(?![.:])/g;
  for (const m of text.matchAll(abbr)) {
    if (m[1] in ZONES && !/^(AM|PM)$/.test(m[1])) {
      return { offset: ZONES[m[1]], rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
    }
  }
  return { offset: null, rest: text };
}

// Finds hh:mm[:ss] with an optional AM/PM (or 午前/午後) marker.
function takeTime(text) {
  const m = /(午前|午後)?\s*(\d{1,2})[:時](\d{2})(?:[:分](\d{2}))?\s*(?:秒)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?/i.exec(text);
  if (!m) return { time: null, rest: text };
  let hour = Number(m[2]);
  const marker = (m[5] ?? m[1] ?? '').toLowerCase().replace(/[.\s]/g, '');
  if ((marker === 'pm' || marker === '午後') && hour < 12) hour += 12;
  if ((marker === 'am' || marker === '午前') && hour === 12) hour = 0;
  const time = { hour, minute: Number(m[3]), second: Number(m[4] ?? 0) };
  return { time, rest: text.replace(m[0], ' ') };
}

// Finds the calendar date. `order` says how to read d/m/y numerals: 'MDY' or 'DMY'.
function takeDate(text, order) {
  let m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/.exec(text);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  m = /(\d{1,2})\s*[./]\s*(\d{1,2})\s*[./]\s*(\d{4})/.exec(text);
  if (m) {
    const dotted = m[0].includes('.');
    const mdy = order === 'MDY' && !dotted;
    return { year: +m[3], month: mdy ? +m[1] : +m[2], day: mdy ? +m[2] : +m[1] };
  }
  m = new RegExp(`(${WORD})\\s+(\\d{1,2}),?\\s+(\\d{4})`).exec(text);
  if (m && monthFromWord(m[1])) return { year: +m[3], month: monthFromWord(m[1]), day: +m[2] };
  m = new RegExp(`(\\d{1,2})\\.?\\s*(?:de\\s+)?(${WORD})\\s*(?:de\\s+)?,?\\s*(\\d{4})`).exec(text);
  if (m && monthFromWord(m[2])) return { year: +m[3], month: monthFromWord(m[2]), day: +m[1] };
  return null;
}

// Rejects 31.02.2026 and 25:00 rather than rolling them over.
function valid(d, t) {
  const day = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return day.getUTCMonth() === d.month - 1 && day.getUTCDate() === d.day &&
    (!t || (t.hour < 24 && t.minute < 60 && t.second < 60));
}

/**
 * Parses a Seller Central timestamp.
 * @param {string} text  what the page shows
 * @param {{order?: 'MDY'|'DMY'}} [hints]
 * @returns {{iso: string, hasTime: boolean, hasZone: boolean} | null}
 */
export function parseDate(text, hints = {}) {
  if (typeof text !== 'string' || !text.trim()) return null;
  const iso = /(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?/.exec(text);
  if (iso) {
    const d = new Date(`${iso[1]}T${iso[2]}${iso[3] ?? 'Z'}`);
    if (!Number.isNaN(d.getTime())) return { iso: toIso(d), hasTime: true, hasZone: Boolean(iso[3]) };
  }
  const clean = text.replace(/\s+/g, ' ').replace(/(^|\s)(at|um|à|alle|a las|a la|om|le)(?=\s)/gi, ' ');
  const zone = takeZone(clean);
  const time = takeTime(zone.rest);
  const date = takeDate(time.rest, hints.order ?? 'MDY');
  if (!date || !valid(date, time.time)) return null;
  const t = time.time ?? { hour: 0, minute: 0, second: 0 };
  const offset = time.time ? zone.offset ?? 0 : 0;
  const ms = Date.UTC(date.year, date.month - 1, date.day, t.hour, t.minute, t.second) - offset * 60000;
  return { iso: toIso(new Date(ms)), hasTime: Boolean(time.time), hasZone: zone.offset !== null };
}

export function toIso(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// True when the text looks like a timestamp (used to find the date element in a message).
export function looksLikeDate(text) {
  if (!text || text.length > 80) return false;
  const parsed = parseDate(text);
  return Boolean(parsed && parsed.hasTime);
}
