// Messages from content scripts, the popup and the options page, dispatched through a
// table keyed by `type`. Every handler returns a plain object; errors become
// {ok: false, error: {code, message}} so the sender always gets an answer.
import { caseUrl, viewUrl } from '../lib/view-url.js';
import { isHostMissing } from '../lib/protocol.js';

export function makeHandlers(ctx) {
  const { client, capture, outbox, reminders, settings, openTab } = ctx;

  async function openView(path, params) {
    const url = viewUrl(client.hello?.view, path, params);
    if (!url) throw Object.assign(new Error('the history view is not available (is the host running?)'), { code: 'no_view' });
    await openTab(url);
    return { url };
  }

  return {
    capture: ({ snapshot }) => capture.capture(snapshot),

    status: async () => {
      if (!client.connected) {
        client.retryNow();
        await client.settled();
      }
      return {
        ...client.snapshot(),
        hostMissing: client.state === 'down' && isHostMissing(client.lastError),
        queued: (await outbox.entries()).length,
        failed: (await outbox.failed()).map((f) => ({ key: f.key, error: f.error, queuedAt: f.queuedAt, caseId: f.request.case?.caseId ?? null })),
        due: reminders.due,
      };
    },

    due: () => reminders.refresh(),

    search: ({ query, limit = 10 }) => {
      const text = String(query ?? '').trim();
      if (!text) return { hits: [], next: null };
      return client.request({ type: 'search', query: text, author: 'amazon', limit: Math.min(Number(limit) || 10, 50) });
    },

    'open-view': ({ path = '/', params = {} }) => openView(path, params),

    'open-case': ({ caseId }) => {
      const url = caseUrl(client.hello?.view, caseId);
      if (!url) return openView('/');
      return openTab(url).then(() => ({ url }));
    },

    'settings-get': () => settings.get(),

    'settings-set': ({ settings: input }) => settings.save(input, client),

    retry: async () => {
      client.retryNow();
      return { delivered: await capture.flush() };
    },

    'failed-retry': async ({ key }) => {
      const entry = await outbox.requeue(key);
      return entry ? capture.deliver(entry) : { state: 'failed', reason: 'no such failed capture' };
    },

    'failed-discard': async ({ key }) => {
      await outbox.discardFailed(key);
      return { discarded: key };
    },
  };
}

/** Runs the handler for `message.type`; never throws. */
export async function dispatch(handlers, message, sender) {
  const handler = message && Object.hasOwn(handlers, message.type) ? handlers[message.type] : null;
  if (!handler) return { ok: false, error: { code: 'unknown_message', message: `no handler for ${message?.type}` } };
  try {
    return { ok: true, result: await handler(message, sender) };
  } catch (error) {
    return { ok: false, error: { code: error.code ?? 'internal', message: error.message } };
  }
}
