// Content script on case pages and case lists: the in-page Save button, auto-capture
// (an option, on by default; re-captures when the thread changes, e.g. the next page
// of a paged thread), one-click capture for the popup, and the selection for the menu.
import { parsePage, detectPage } from '../parser/index.js';
import { SaveButton } from './save-button.js';

const api = globalThis.browser ?? globalThis.chrome;
const SETTLE_MS = 1200;

function anchorFor(doc) {
  return doc.querySelector('[data-test-tag="case-title"], [data-testid="case-title"]') ?? doc.querySelector('h1, h2');
}

// What makes a re-capture worthwhile: a new message, a status change, another page of the thread.
export function signature(snapshot) {
  if (snapshot.page === 'case-list') return JSON.stringify(snapshot.cases.map((c) => [c.caseId, c.status]));
  const c = snapshot.case;
  return JSON.stringify([c.caseId, c.status, c.messages.length, c.messages.map((m) => m.sentAt), snapshot.thread]);
}

async function autoCaptureOn() {
  const { settings } = await api.storage.local.get('settings');
  return settings?.autoCapture ?? true;
}

export function main() {
  const state = { button: null, lastSignature: null, timer: null };

  async function captureNow() {
    let snapshot;
    try {
      snapshot = parsePage(document, location.href);
    } catch (error) {
      const result = { state: 'failed', reason: error.message };
      state.button?.show(result);
      return result;
    }
    state.button?.show({ state: 'busy' });
    let answer;
    try {
      answer = await api.runtime.sendMessage({ type: 'capture', snapshot });
    } catch (error) {
      answer = { ok: false, error: { message: error.message } };
    }
    const result = answer?.ok
      ? { ...answer.result, summary: snapshot.summary }
      : { state: 'failed', reason: answer?.error?.message ?? 'the extension did not answer' };
    state.lastSignature = signature(snapshot);
    state.button?.show(result);
    return result;
  }

  async function onPageSettled() {
    if (!detectPage(document, location.href)) return;
    if (!state.button) state.button = new SaveButton(document, () => captureNow());
    state.button.attach(anchorFor(document));
    if (!(await autoCaptureOn())) return;
    let snapshot;
    try {
      snapshot = parsePage(document, location.href);
    } catch {
      return;
    }
    if (signature(snapshot) !== state.lastSignature) await captureNow();
  }

  function schedule() {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => onPageSettled().catch((e) => console.warn('[caselog]', e)), SETTLE_MS);
  }

  new MutationObserver(schedule).observe(document.documentElement, { childList: true, subtree: true });
  schedule();

  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (message?.type === 'caselog-capture-now') {
      captureNow().then(sendResponse);
      return true;
    }
    if (message?.type === 'caselog-selection') {
      sendResponse({ text: String(globalThis.getSelection?.() ?? ''), title: document.title });
    }
    return false;
  });
}
