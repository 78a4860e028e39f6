// Label → value pairs found by visible labels, never by class names:
//  - an element whose whole text is a label, its value in the next sibling
//    (<dt>/<dd>, <td>/<td>, <span>Status</span><span>Open</span>) or after it in the parent;
//  - inline summaries such as "ID: 17865432901 Status: Answered Created: Nov 20, 2026".
import { allLabels, fieldForLabel } from './labels.js';
import { htmlToText, inlineText } from './text.js';

const LABEL_PATTERN = new RegExp(
  `(?:^|[\\s|·•,;])(${allLabels().map(escapeRegExp).join('|')})\\s*[:：]\\s*`,
  'giu',
);

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function insideAny(element, excluded) {
  return excluded.some((ex) => ex === element || ex.contains(element));
}

function valueAfterLabel(labelEl) {
  let sibling = labelEl.nextElementSibling;
  while (sibling && !inlineText(sibling)) sibling = sibling.nextElementSibling;
  if (sibling && !fieldForLabel(inlineText(sibling))) return inlineText(sibling);
  const parent = labelEl.parentElement;
  if (!parent) return '';
  const whole = inlineText(parent);
  const label = inlineText(labelEl);
  return whole.startsWith(label) ? whole.slice(label.length).replace(/^\s*[:：]?\s*/, '') : '';
}

function pairFields(root, excluded, found) {
  for (const el of root.querySelectorAll('*')) {
    if (el.children.length > 2 || el.textContent.length > 60 || insideAny(el, excluded)) continue;
    const field = fieldForLabel(inlineText(el));
    if (!field || found[field] !== undefined) continue;
    const value = valueAfterLabel(el);
    if (value) found[field] = value;
  }
}

/** Splits "Label: value Label: value" lines into fields. */
export function inlineFields(text, found = {}) {
  for (const line of text.split('\n')) {
    const matches = [...line.matchAll(LABEL_PATTERN)];
    matches.forEach((m, i) => {
      const field = fieldForLabel(m[1]);
      const start = m.index + m[0].length;
      const end = i + 1 < matches.length ? matches[i + 1].index : line.length;
      const value = line.slice(start, end).replace(/^[\s|·•,;]+|[\s|·•,;]+$/g, '');
      if (field && value && found[field] === undefined) found[field] = value;
    });
  }
  return found;
}

/**
 * Every labelled field on the page outside the excluded elements (the message thread).
 * @returns {Record<string, string>} field → raw text
 */
export function labeledFields(root, excluded = []) {
  const found = {};
  pairFields(root, excluded, found);
  return inlineFields(htmlToText(root, new Set(excluded)), found);
}

export function caseIdFrom(text) {
  const m = /(?<!\d)(\d{8,12})(?!\d)/.exec(String(text ?? ''));
  return m ? m[1] : null;
}

export function caseIdFromUrl(url) {
  try {
    const u = new URL(url);
    for (const [key, value] of u.searchParams) {
      if (key.toLowerCase() === 'caseid' && /^\d{6,14}$/.test(value)) return value;
    }
  } catch {
    return null;
  }
  return null;
}
