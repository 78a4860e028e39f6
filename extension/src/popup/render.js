// Popup rendering: plain DOM building with textContent only — captured text (subjects,
// snippets, reasons) never goes through innerHTML.
import { renderSnippet } from '../lib/snippet.js';
import { isHostMissing } from '../lib/protocol.js';

function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

export function formatWhen(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** The connection line: what the seller sees first. */
export function connectionView(status, now = Date.now()) {
  if (status.state === 'connected') {
    return { state: 'connected', text: `Connected · caselog-host ${status.hello?.host ?? '?'}`, db: status.hello?.db ?? '', hint: false };
  }
  if (status.state === 'down' && (status.hostMissing || isHostMissing(status.lastError))) {
    return { state: 'down', text: 'Host not installed — run installer/install.sh', db: '', hint: true };
  }
  if (status.state === 'down') {
    const wait = status.nextRetryAt ? Math.max(0, Math.round((status.nextRetryAt - now) / 1000)) : null;
    const retry = wait !== null ? ` · retrying in ${wait} s` : '';
    return { state: 'down', text: `Host not reachable${retry}`, db: status.lastError ?? '', hint: false };
  }
  return { state: 'connecting', text: 'Connecting to the CaseLog host…', db: '', hint: false };
}

export function renderConnection(doc, status) {
  const view = connectionView(status);
  const line = doc.getElementById('connection');
  line.dataset.state = view.state;
  line.querySelector('.text').textContent = view.text;
  const db = doc.getElementById('db');
  db.textContent = view.db;
  db.title = view.db;
  doc.getElementById('install-hint').hidden = !view.hint;
  doc.getElementById('open-view').disabled = !status.hello?.view;
}

function emptyItem(doc, text) {
  return el(doc, 'li', 'empty', text);
}

function clickable(li, onOpen) {
  li.tabIndex = 0;
  li.addEventListener('click', onOpen);
  li.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') onOpen();
  });
  return li;
}

export function renderDue(doc, reminders, onOpen) {
  const list = doc.getElementById('due');
  list.replaceChildren();
  doc.getElementById('due-count').textContent = reminders.length ? String(reminders.length) : '';
  if (!reminders.length) list.append(emptyItem(doc, 'Nothing due.'));
  for (const r of reminders) {
    const li = clickable(el(doc, 'li'), () => onOpen(r.caseId));
    const title = el(doc, 'div', 'title', r.subject || `Case ${r.caseId}`);
    title.title = title.textContent;
    li.append(title, el(doc, 'div', 'meta', `${r.message ?? r.rule ?? ''} · ${r.caseId}`));
    list.append(li);
  }
}

export function renderHits(doc, answer, onOpen) {
  const list = doc.getElementById('hits');
  list.replaceChildren();
  if (answer.error) {
    list.append(emptyItem(doc, answer.error));
    return;
  }
  if (answer.query && !answer.hits?.length) list.append(emptyItem(doc, 'No Amazon reply matches.'));
  for (const hit of answer.hits ?? []) {
    const li = clickable(el(doc, 'li'), () => onOpen(hit.caseId));
    const snippet = el(doc, 'div', 'snippet');
    snippet.append(renderSnippet(doc, hit.snippet));
    const title = el(doc, 'div', 'title', hit.subject || `Case ${hit.caseId}`);
    title.title = title.textContent;
    li.append(title, snippet,
      el(doc, 'div', 'meta', `${hit.caseId} · ${formatWhen(hit.sentAt)}`));
    list.append(li);
  }
}

export function renderQueue(doc, status, actions) {
  doc.getElementById('queue').textContent = status.queued
    ? `${status.queued} capture${status.queued === 1 ? '' : 's'} queued — sent when the host is reachable.`
    : '';
  const failed = doc.getElementById('failed');
  failed.replaceChildren();
  for (const f of status.failed ?? []) {
    const li = el(doc, 'li');
    const retry = el(doc, 'button', '', 'Retry');
    retry.type = 'button';
    retry.addEventListener('click', () => actions.retry(f.key));
    const discard = el(doc, 'button', '', 'Discard');
    discard.type = 'button';
    discard.addEventListener('click', () => actions.discard(f.key));
    const span = el(doc, 'span', '', `Case ${f.caseId ?? '?'}: ${f.error?.message ?? 'failed'}`);
    const buttons = el(doc, 'span');
    buttons.append(retry, discard);
    li.append(span, buttons);
    failed.append(li);
  }
}

/** One line for a capture result from the popup button. */
export function captureResultText(result) {
  if (!result) return '';
  if (result.state === 'saved') {
    if (result.list) return `Saved the case list: ${result.cases} cases, ${result.created} new, ${result.updated} updated.`;
    const what = result.created ? 'new case' : `${result.newMessages} new message${result.newMessages === 1 ? '' : 's'}`;
    const pr = result.priority?.label ? ` · ${result.priority.label}` : '';
    return `Saved case ${result.caseId} · ${what}${pr}${result.summary ? ` · ${result.summary}` : ''}`;
  }
  if (result.state === 'queued' && result.code === 'storage') {
    return `Queued: the host could not store it (${result.reason}). It is sent again by itself.`;
  }
  if (result.state === 'queued') return `Queued: the host is not reachable (${result.reason}). It is sent when the host is back.`;
  return `Failed — ${result.reason}`;
}
