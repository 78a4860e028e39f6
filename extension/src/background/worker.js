// Background worker: wires the native client, the outbox, reminders, menus and the
// message table to the browser. All logic lives in the imported modules.
import { ext } from '../lib/api.js';
import { caseUrl } from '../lib/view-url.js';
import { matchPatterns } from '../parser/marketplaces.js';
import { NativeClient } from './native-client.js';
import { Outbox } from './outbox.js';
import { CaptureService } from './capture.js';
import { Reminders, caseIdOfNotification } from './reminders.js';
import { Settings, settingsRequest } from './settings.js';
import { makeHandlers, dispatch } from './handlers.js';
import { MENU_ID, MENU_TITLE, snapshotForSelection } from './menus.js';

const TICK = 'caselog-tick';
const log = (...args) => console.log('[caselog]', ...args);

const client = new NativeClient({
  connect: (name) => ext.runtime.connectNative(name),
  reasonOf: (port) => port?.error?.message ?? ext.runtime.lastError?.message,
  extensionVersion: ext.runtime.getManifest().version,
});
const outbox = new Outbox(ext.storage.local);
const settings = new Settings(ext.storage.local);
const capture = new CaptureService({ client, outbox, onChange: () => showQueued() });
const reminders = new Reminders({
  client,
  action: ext.action,
  notifications: ext.notifications,
  settings: () => settings.get(),
  iconUrl: ext.runtime.getURL('icons/icon-128.png'),
});
const openTab = (url) => ext.tabs.create({ url });
const handlers = makeHandlers({ client, capture, outbox, reminders, settings, openTab });

async function showQueued() {
  const queued = (await outbox.entries()).length;
  await ext.action.setTitle({ title: queued ? `CaseLog · ${queued} capture(s) queued` : 'CaseLog' });
}

client.on('state', (s) => log('host', s.state, s.lastError ?? '', s.hello?.host ?? ''));
client.on('connected', async () => {
  const delivered = await capture.flush();
  if (delivered) log('delivered', delivered, 'queued capture(s)');
  reminders.refresh().catch((e) => log('due failed:', e.message));
  client.request(settingsRequest(await settings.get())).catch(() => {}); // older hosts answer unknown_type
});
client.on('push', (message) => {
  if (message.type === 'reminder') reminders.onPush(message).catch((e) => log('reminder failed:', e.message));
});

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id) return false;
  dispatch(handlers, message, sender).then(sendResponse);
  return true;
});

async function notify(title, message) {
  await ext.notifications.create(`caselog-info|${Date.now()}`, {
    type: 'basic', iconUrl: ext.runtime.getURL('icons/icon-128.png'), title, message,
  });
}

async function selectionText(info, tab) {
  try {
    const answer = await ext.tabs.sendMessage(tab.id, { type: 'caselog-selection' });
    if (answer?.text) return answer;
  } catch {
    // no content script on this page: use the browser's flattened selection text
  }
  return { text: info.selectionText, title: tab.title };
}

async function onMenuClick(info, tab) {
  if (info.menuItemId !== MENU_ID || !tab) return null;
  const { text, title } = await selectionText(info, tab);
  const made = snapshotForSelection({ text, url: info.pageUrl ?? tab.url, pageTitle: title });
  if (made.error) {
    await notify('CaseLog: selection not saved', made.error);
    return { state: 'failed', reason: made.error };
  }
  const result = await capture.capture(made.snapshot);
  const words = { saved: 'Saved to CaseLog', queued: 'Queued: saved when the host is back', failed: `Failed — ${result.reason}` };
  await notify(`CaseLog · case ${made.snapshot.case.caseId}`, words[result.state]);
  return result;
}
ext.contextMenus.onClicked.addListener((info, tab) => {
  onMenuClick(info, tab).catch((e) => log('selection capture failed:', e.message));
});

ext.notifications.onClicked.addListener(async (id) => {
  const caseId = caseIdOfNotification(id);
  const url = caseId && caseUrl(client.hello?.view, caseId);
  if (url) await openTab(url);
  await ext.notifications.clear(id);
});

ext.alarms.onAlarm.addListener(async (alarm) => {
  if (alarm.name !== TICK) return;
  client.retryNow();
  if (client.connected) {
    await capture.flush();
    reminders.refresh().catch(() => {});
  }
});

function setUp() {
  Promise.resolve(ext.contextMenus.removeAll()).then(() => {
    ext.contextMenus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['selection'], documentUrlPatterns: matchPatterns() });
  });
  ext.alarms.create(TICK, { periodInMinutes: 1 });
}

ext.runtime.onInstalled.addListener(setUp);
ext.runtime.onStartup.addListener(() => {
  setUp();
  client.retryNow(); // the outbox is flushed on `connected`: captures queued before a restart go out now
});

client.start();
showQueued().catch(() => {});

// For tests and the end-to-end suite: `sw.evaluate(() => self.caselog.…)` in Playwright.
globalThis.caselog = { client, outbox, capture, reminders, settings, handlers, onMenuClick, dispatch: (m) => dispatch(handlers, m, {}) };
