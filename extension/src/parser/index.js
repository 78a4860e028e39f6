// Page parser entry point: Document + URL in → snapshot out. Pure: no chrome.*, no network.
// A snapshot is what the extension sends to the host (with the capture time added):
//   {"page": "view-case", "parser": …, "url": …, "case": {…}, "missing": […], "summary": "parsed N of M fields"}
//   {"page": "case-list", "parser": …, "url": …, "cases": […], "missing": […], "summary": …}
import { parseCasePage, katalMessageBoxes, legacyMessageBoxes } from './case-page.js';
import { parseCaseList, hasCaseTable, LIST_FIELDS } from './case-list.js';
import { isSellerCentralHost } from './marketplaces.js';

export const PARSER_VERSION = 1;
const CASE_FIELDS = ['caseId', 'subject', 'status', 'category', 'createdAt', 'messages'];

export class UnrecognisedPage extends Error {
  constructor(message) {
    super(message);
    this.name = 'UnrecognisedPage';
  }
}

function pathKind(pathname) {
  const p = pathname.toLowerCase();
  if (p.includes('/case-dashboard/view-case')) return 'view-case';
  if (p.includes('/cu/case-lobby') || p.includes('/case-dashboard/lobby')) return 'case-list';
  return null;
}

/** Which page and which UI this is, or null when the parser cannot read it. */
export function detectPage(doc, url) {
  const kind = pathKind(new URL(url).pathname);
  const katal = doc.querySelector('[data-test-tag="case-title"]') || katalMessageBoxes(doc).length > 0;
  const legacy = legacyMessageBoxes(doc).length > 0;
  if (kind !== 'case-list' && katal) return { page: 'view-case', ui: 'katal' };
  if (kind !== 'case-list' && legacy) return { page: 'view-case', ui: 'legacy' };
  if (kind !== 'view-case' && hasCaseTable(doc)) return { page: 'case-list', ui: 'table' };
  return null;
}

// US pages write numeric dates month first; every other marketplace day first.
function dateHints(url) {
  const host = new URL(url).hostname;
  return { order: /\.com$/.test(host) || host.endsWith('.com.') ? 'MDY' : 'DMY' };
}

function summary(fields, missing) {
  const absent = fields.filter((f) => missing.includes(f)).length;
  return `parsed ${fields.length - absent} of ${fields.length} fields`;
}

/**
 * Parses a Seller Central (or Brand Registry) case page or case list.
 * @param {Document} doc
 * @param {string} url  the page's URL (gives the marketplace, the case ID fallback and the page kind)
 * @throws {UnrecognisedPage}
 */
export function parsePage(doc, url) {
  let parsedUrl;
  try {
    parsedUrl = new URL(url);
  } catch {
    throw new UnrecognisedPage(`not a URL: ${url}`);
  }
  const detected = detectPage(doc, parsedUrl.href);
  if (!detected) {
    const where = isSellerCentralHost(parsedUrl.hostname) ? '' : ' (not a Seller Central or Brand Registry address)';
    throw new UnrecognisedPage(`no case page or case list found at ${parsedUrl.href}${where}`);
  }
  const hints = dateHints(parsedUrl.href);
  const parser = `${detected.page}/${detected.ui}@${PARSER_VERSION}`;
  if (detected.page === 'case-list') {
    const { cases, missing } = parseCaseList(doc, { hints });
    return { page: 'case-list', parser, url: parsedUrl.href, cases, missing, summary: summary(LIST_FIELDS, missing) };
  }
  const result = parseCasePage(doc, { url: parsedUrl.href, ui: detected.ui, hints });
  const snapshot = { page: 'view-case', parser, url: parsedUrl.href, case: result.case, missing: result.missing };
  if (result.thread) snapshot.thread = result.thread;
  snapshot.summary = summary(CASE_FIELDS, result.missing);
  return snapshot;
}
