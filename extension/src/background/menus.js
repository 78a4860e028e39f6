// Context menu: "Save selection to CaseLog as Amazon reply", for pages the parser cannot read.
import { caseIdFrom, caseIdFromUrl } from '../parser/fields.js';
import { selectionSnapshot } from './capture.js';

export const MENU_ID = 'caselog-save-selection';
export const MENU_TITLE = 'Save selection to CaseLog as Amazon reply';

/** The selection snapshot, or {error} when no case ID can be found. */
export function snapshotForSelection({ text, url, pageTitle }) {
  const caseId = caseIdFromUrl(url) ?? caseIdFrom(pageTitle) ?? caseIdFrom(text);
  if (!caseId) return { error: 'no case ID in the address, the page title or the selection' };
  if (!String(text ?? '').trim()) return { error: 'the selection is empty' };
  return { snapshot: selectionSnapshot({ text, url, caseId }) };
}
