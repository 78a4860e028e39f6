// Popup wiring: asks the background for status, due reminders and search results.
import { renderConnection, renderDue, renderHits, renderQueue, captureResultText } from './render.js';
import { matchPatterns } from '../parser/marketplaces.js';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

async function ask(message) {
  const answer = await api.runtime.sendMessage(message);
  if (!answer?.ok) throw new Error(answer?.error?.message ?? 'no answer from the background worker');
  return answer.result;
}

const openCase = (caseId) => ask({ type: 'open-case', caseId }).then(() => window.close(), showError);

function showError(error) {
  $('capture-result').textContent = error.message;
}

async function refresh() {
  const status = await ask({ type: 'status' });
  renderConnection(document, status);
  renderQueue(document, status, {
    retry: (key) => ask({ type: 'failed-retry', key }).then(refresh, showError),
    discard: (key) => ask({ type: 'failed-discard', key }).then(refresh, showError),
  });
  if (status.state === 'connected') {
    const due = await ask({ type: 'due' }).catch(() => status.due ?? []);
    renderDue(document, due, openCase);
  }
  return status;
}

function onSellerCentral(url) {
  if (!url) return false;
  const hosts = matchPatterns().map((p) => p.replace(/^\*:\/\//, '').replace(/\/\*$/, ''));
  try {
    return hosts.includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

async function setUpCapture() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  const button = $('capture');
  if (!tab || !onSellerCentral(tab.url)) {
    $('capture-result').textContent = 'Open a case or the case log in Seller Central to save it.';
    return;
  }
  button.disabled = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    $('capture-result').textContent = 'Saving…';
    try {
      const result = await api.tabs.sendMessage(tab.id, { type: 'caselog-capture-now' });
      $('capture-result').textContent = captureResultText(result) || 'This page is not a case page CaseLog can read: select the reply text and use the right-click menu.';
      await refresh();
    } catch (error) {
      $('capture-result').textContent = `Failed — reload the page and try again (${error.message})`;
    } finally {
      button.disabled = false;
    }
  });
}

function setUpSearch() {
  let timer = null;
  let latest = 0;
  $('search').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const query = $('search').value.trim();
      const mine = ++latest;
      let answer;
      try {
        answer = { query, ...(await ask({ type: 'search', query, limit: 10 })) };
      } catch (error) {
        answer = { error: error.message };
      }
      if (mine === latest) renderHits(document, query ? answer : { hits: [] }, openCase);
    }, 150);
  });
}

$('open-view').addEventListener('click', () => ask({ type: 'open-view', path: '/' }).then(() => window.close(), showError));
setUpSearch();
setUpCapture().catch(showError);
// While the host is not connected, look again every 2 s (it may be installing or starting).
async function keepRefreshing() {
  const status = await refresh().catch((error) => showError(error));
  if (status?.state !== 'connected') setTimeout(keepRefreshing, 2000);
}
keepRefreshing();
$('search').focus();
