// Capture: snapshot → protocol request → outbox → host. Every capture is written to
// the outbox first; the outbox entry goes away only on the host's `ack`.
import { isRetryable } from '../lib/protocol.js';

const PAGES = new Set(['view-case', 'case-list', 'selection']);

/** Why a snapshot cannot be sent at all (nothing would be stored), or null. */
export function invalidSnapshot(snapshot) {
  if (!snapshot || typeof snapshot !== 'object') return 'no snapshot';
  if (!PAGES.has(snapshot.page)) return `unknown page kind ${JSON.stringify(snapshot.page)}`;
  if (snapshot.page === 'case-list') {
    return Array.isArray(snapshot.cases) && snapshot.cases.length > 0 ? null : 'no cases found in the list';
  }
  if (!snapshot.case?.caseId) return 'no case ID found on the page';
  if (snapshot.page === 'selection' && !snapshot.case.messages?.[0]?.body?.trim()) return 'the selection is empty';
  return null;
}

/** The protocol request for a snapshot, as DESIGN.md's `capture` / `capture_list`. */
export function toRequest(snapshot, capturedAt) {
  const source = { url: snapshot.url ?? null, capturedAt, page: snapshot.page, parser: snapshot.parser ?? null };
  if (snapshot.missing) source.missing = snapshot.missing;
  if (snapshot.summary) source.summary = snapshot.summary;
  if (snapshot.thread) source.thread = snapshot.thread;
  if (snapshot.page === 'case-list') return { type: 'capture_list', source, cases: snapshot.cases };
  return { type: 'capture', source, case: snapshot.case };
}

/** The selection snapshot for the context menu: the selected text as one Amazon reply. */
export function selectionSnapshot({ text, url, caseId }) {
  let marketplace = null;
  try {
    marketplace = new URL(url).hostname;
  } catch {
    marketplace = null;
  }
  return {
    page: 'selection',
    parser: 'selection@1',
    url,
    case: { caseId, marketplace, messages: [{ author: 'amazon', sender: 'Amazon', sentAt: null, body: String(text ?? '').trim() }] },
  };
}

// Two requests that would store the same thing (a page reloaded while the host is away).
function sameContent(a, b) {
  return a.type === b.type && a.source.url === b.source.url &&
    JSON.stringify(a.case ?? a.cases) === JSON.stringify(b.case ?? b.cases);
}

export function resultFromAck(request, ack) {
  if (request.type === 'capture_list') {
    return { state: 'saved', list: true, cases: ack.cases ?? 0, created: ack.created ?? 0, updated: ack.updated ?? 0 };
  }
  return { state: 'saved', caseId: ack.caseId, created: Boolean(ack.created), newMessages: ack.newMessages ?? 0,
    priority: ack.priority ?? null };
}

export class CaptureService {
  constructor({ client, outbox, now = () => new Date(), onChange = () => {} }) {
    this.client = client;
    this.outbox = outbox;
    this.now = now;
    this.onChange = onChange;
    this.inFlight = new Set();
    this.flushing = null;
  }

  /** Stores the snapshot in the outbox (unless the same content is already queued), then tries to deliver it. */
  async capture(snapshot) {
    const invalid = invalidSnapshot(snapshot);
    if (invalid) return { state: 'failed', reason: invalid };
    const request = toRequest(snapshot, this.now().toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const queued = (await this.outbox.entries()).find((e) => sameContent(e.request, request));
    const entry = queued ?? (await this.outbox.put(request));
    this.onChange();
    return this.deliver(entry);
  }

  async deliver(entry) {
    if (!this.client.connected || this.inFlight.has(entry.key)) {
      return { state: 'queued', reason: this.client.lastError ?? 'the host is not connected' };
    }
    this.inFlight.add(entry.key);
    try {
      const ack = await this.client.request(entry.request);
      await this.outbox.remove(entry.key);
      return resultFromAck(entry.request, ack);
    } catch (error) {
      const detail = { code: error.code ?? 'internal', message: error.message };
      if (!isRetryable(detail.code)) {
        await this.outbox.fail(entry, detail);
        return { state: 'failed', reason: detail.message, code: detail.code };
      }
      await this.outbox.noteAttempt(entry, detail.message);
      return { state: 'queued', reason: detail.message, code: detail.code };
    } finally {
      this.inFlight.delete(entry.key);
      this.onChange();
    }
  }

  /** Sends every queued capture, oldest first (on connect, on browser start, on an alarm). */
  flush() {
    if (!this.flushing) {
      this.flushing = this.flushAll().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  async flushAll() {
    let delivered = 0;
    for (const entry of await this.outbox.entries()) {
      if (!this.client.connected) break;
      const result = await this.deliver(entry);
      if (result.state === 'saved') delivered += 1;
    }
    return delivered;
  }
}
