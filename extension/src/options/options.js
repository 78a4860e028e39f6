// Options page: reads and saves settings through the background (which also tells the host).
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const THRESHOLDS = ['expectedReplyBusinessDays', 'needsSellerAfterHours', 'reopenWindowDays', 'deadlineWarnDays'];

async function ask(message) {
  const answer = await api.runtime.sendMessage(message);
  if (!answer?.ok) throw new Error(answer?.error?.message ?? 'no answer from the background worker');
  return answer.result;
}

function show(text, kind = 'ok') {
  $('result').textContent = text;
  $('result').dataset.kind = kind;
}

async function load() {
  const s = await ask({ type: 'settings-get' });
  $('autoCapture').checked = s.autoCapture;
  $('notifications').checked = s.notifications;
  for (const key of THRESHOLDS) $(key).value = s.thresholds[key];
}

$('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const settings = {
    autoCapture: $('autoCapture').checked,
    notifications: $('notifications').checked,
    thresholds: Object.fromEntries(THRESHOLDS.map((k) => [k, Number($(k).value)])),
  };
  try {
    const saved = await ask({ type: 'settings-set', settings });
    show(saved.host === 'applied' ? 'Saved; the host applies the new thresholds.' : saved.note ?? 'Saved.');
  } catch (error) {
    show(error.message, 'error');
  }
});

load().catch((e) => show(e.message, 'error'));
