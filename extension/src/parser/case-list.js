// Case list ("case lobby") parser: a table whose header cells carry visible
// labels (Created, Case ID, Status, Primary email, Short description, View).
// Works for <table>, ARIA grids and Katal table elements alike.
import { parseDate } from './dates.js';
import { fieldForLabel } from './labels.js';
import { caseIdFrom, caseIdFromUrl } from './fields.js';
import { inlineText } from './text.js';

const ROWS = 'tr, [role="row"], kat-table-row';
const CELLS = ':scope > td, :scope > th, :scope > [role="cell"], :scope > [role="gridcell"], :scope > [role="columnheader"], :scope > kat-table-cell';
const LIST_FIELDS = ['caseId', 'subject', 'status', 'createdAt', 'updatedAt'];

function cellsOf(row) {
  return [...row.querySelectorAll(CELLS)];
}

// Column index → field, from the first row with at least two known labels.
function findHeader(rows) {
  for (const [index, row] of rows.entries()) {
    const columns = cellsOf(row).map((cell) => fieldForLabel(inlineText(cell)));
    if (columns.filter(Boolean).length >= 2) return { index, columns };
  }
  return null;
}

function linkedCaseId(row) {
  for (const a of row.querySelectorAll('a[href]')) {
    const id = caseIdFromUrl(new URL(a.getAttribute('href'), 'https://x.invalid/').href);
    if (id) return id;
  }
  return null;
}

function readRow(row, columns, hints) {
  const raw = {};
  cellsOf(row).forEach((cell, i) => {
    if (columns[i] && raw[columns[i]] === undefined) raw[columns[i]] = inlineText(cell);
  });
  return {
    caseId: caseIdFrom(raw.caseId) ?? linkedCaseId(row),
    subject: raw.subject || null,
    status: raw.status || null,
    createdAt: parseDate(raw.created ?? '', hints)?.iso ?? null,
    updatedAt: parseDate(raw.updated ?? '', hints)?.iso ?? null,
  };
}

export function hasCaseTable(doc) {
  return findHeader([...doc.querySelectorAll(ROWS)]) !== null;
}

/** @returns {{cases: object[], missing: string[]}} */
export function parseCaseList(doc, { hints }) {
  const rows = [...doc.querySelectorAll(ROWS)];
  const header = findHeader(rows);
  if (!header) return { cases: [], missing: ['table'] };
  const cases = rows
    .slice(header.index + 1)
    .filter((row) => !row.closest('thead') && cellsOf(row).length >= 2)
    .map((row) => readRow(row, header.columns, hints))
    .filter((c) => c.caseId);
  const missing = LIST_FIELDS.filter((field) => cases.length > 0 && cases.every((c) => !c[field]));
  if (cases.length === 0) missing.push('cases');
  return { cases, missing };
}

export { LIST_FIELDS };
