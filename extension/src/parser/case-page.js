// Case page parsers: the current Katal UI and the legacy AUI page.
// Both find the thread's message elements, read each message, and read the
// case fields from visible labels outside the thread.
import { parseDate, looksLikeDate } from './dates.js';
import { authorOf, stripRecipientPrefix } from './labels.js';
import { caseIdFrom, caseIdFromUrl, labeledFields } from './fields.js';
import { htmlToText, inlineText } from './text.js';

const DATE_HOOKS = '[data-testid*="date" i], [data-test-tag*="date" i], [data-testid*="time" i], time[datetime]';
const BODY_HOOKS = '[data-testid*="body" i], [data-test-tag*="body" i], [data-testid*="message-content" i], [data-testid*="message-text" i]';

// The leaf element in `box` whose text reads as a timestamp.
function findDateElement(box, preferred) {
  for (const el of box.querySelectorAll(preferred)) {
    if (el.getAttribute('datetime') || looksLikeDate(inlineText(el))) return el;
  }
  for (const el of box.querySelectorAll('span, div, time, p, td')) {
    if (el.children.length === 0 && el.textContent.length <= 80 && looksLikeDate(inlineText(el))) return el;
  }
  return null;
}

function bodyWithout(box, parts) {
  return htmlToText(box, new Set(parts));
}

function dateOf(el, hints) {
  if (!el) return null;
  const attr = el.getAttribute('datetime');
  return parseDate(attr || inlineText(el), hints);
}

function makeMessage({ sender, recipient, dateEl, body, hints }) {
  const { author, sure } = authorOf(sender, recipient);
  const parsed = dateOf(dateEl, hints);
  const message = { author, sender: sender || null, sentAt: parsed?.iso ?? null, body };
  if (recipient) message.recipient = stripRecipientPrefix(recipient);
  const missing = [];
  if (!message.sentAt) missing.push('sentAt');
  if (!sure) missing.push('author');
  if (!body) missing.push('body');
  return { message, missing };
}

function katalMessage(box, hints) {
  const senderEl = box.querySelector('[data-testid="sender-label"]');
  const recipientEl = box.querySelector('[data-testid="reciever"], [data-testid="receiver"], [data-testid="recipient"]');
  const dateEl = findDateElement(box, DATE_HOOKS);
  const bodyEl = box.querySelector(BODY_HOOKS);
  const body = bodyEl ? htmlToText(bodyEl) : bodyWithout(box, [senderEl, recipientEl, dateEl].filter(Boolean));
  return makeMessage({ sender: inlineText(senderEl), recipient: inlineText(recipientEl), dateEl, body, hints });
}

function legacyMessage(box, hints) {
  const container = box.querySelector('.a-expander-extend-container, [data-a-expander-name]');
  const bodyEl = container?.querySelector('.a-expander-content') ?? container;
  const dateEl = findDateElement(box, 'span.a-color-secondary:not(:empty)');
  const senderEl = [...box.querySelectorAll('strong, b, .a-text-bold, h3, h4, h5')]
    .find((el) => !bodyEl?.contains(el) && inlineText(el));
  const body = bodyEl ? htmlToText(bodyEl) : bodyWithout(box, [senderEl, dateEl].filter(Boolean));
  return makeMessage({ sender: inlineText(senderEl), recipient: '', dateEl, body, hints });
}

export function katalMessageBoxes(doc) {
  const root = doc.querySelector('div.view-case') ?? doc.body;
  return [...root.querySelectorAll('kat-box, [data-testid="message"]')].filter(
    (box) => box.querySelector('[data-testid="sender-label"]') && !box.parentElement.closest('kat-box'),
  );
}

export function legacyMessageBoxes(doc) {
  const boxes = [...doc.querySelectorAll('.a-box')].filter((box) =>
    box.querySelector('.a-expander-extend-container, [data-a-expander-name]'));
  return boxes.filter((box) => !boxes.some((other) => other !== box && box.contains(other)));
}

// Oldest first: a thread shown newest first is reversed (judged by its first and last dates).
function oldestFirst(items) {
  const dated = items.filter((m) => m.message.sentAt);
  if (dated.length >= 2 && dated[0].message.sentAt > dated[dated.length - 1].message.sentAt) {
    return [...items].reverse();
  }
  return items;
}

// Which page of a paged thread this is: from kat-pagination's attributes or a "Page 2 of 3" text.
function threadPaging(doc) {
  const pager = doc.querySelector('kat-pagination, [data-testid*="pagination" i], .a-pagination');
  if (!pager) return null;
  const total = Number(pager.getAttribute('total-items'));
  const per = Number(pager.getAttribute('items-per-page'));
  const current = Number(pager.getAttribute('page'));
  if (total > 0 && per > 0 && current > 0) return { page: current, pages: Math.ceil(total / per) };
  const m = /(\d+)\s*(?:of|von|de|sur|di|\/|中)\s*(\d+)/i.exec(inlineText(pager));
  return m ? { page: Number(m[1]), pages: Number(m[2]) } : null;
}

// A created date shown without a time is kept as midnight UTC of that date: every
// page of a paged thread then reports the same value, so the host sees no change.
function createdAt(raw, hints) {
  return parseDate(raw ?? '', hints)?.iso ?? null;
}

/**
 * Reads a case page. `ui` is 'katal' or 'legacy'.
 * @returns {{case: object, missing: string[], thread: object|null}}
 */
export function parseCasePage(doc, { url, ui, hints }) {
  const boxes = ui === 'katal' ? katalMessageBoxes(doc) : legacyMessageBoxes(doc);
  const read = boxes.map((box) => (ui === 'katal' ? katalMessage(box, hints) : legacyMessage(box, hints)));
  const ordered = oldestFirst(read);
  const messages = ordered.map((m) => m.message);
  const fields = labeledFields(doc.body, boxes);
  const title = inlineText(doc.querySelector('[data-test-tag="case-title"], [data-testid="case-title"]'));
  const item = {
    caseId: caseIdFrom(fields.caseId) ?? caseIdFromUrl(url),
    marketplace: new URL(url).hostname,
    subject: title || fields.subject || null,
    status: fields.status ?? null,
    category: fields.category ?? null,
    createdAt: createdAt(fields.created, hints),
    messages,
  };
  const missing = ['caseId', 'subject', 'status', 'category', 'createdAt'].filter((k) => !item[k]);
  if (messages.length === 0) missing.push('messages');
  ordered.forEach((m, i) => m.missing.forEach((f) => missing.push(`messages[${i}].${f}`)));
  return { case: item, missing, thread: threadPaging(doc) };
}
