// How the end-to-end test reaches into the extension's surfaces (the EXTENSION owner's UI), kept
// in one file: the in-page button, the options page, the popup, the outbox, the history-view link.
import fs from 'node:fs';
import path from 'node:path';

const BUTTON_NAME = /Save to CaseLog|Saved|Queued|Failed/;

// The popup's or the options page's URL, from the loaded extension's manifest.
export function pageUrl(browser, kind) {
  const m = JSON.parse(fs.readFileSync(path.join(browser.extensionDir, 'manifest.json'), 'utf8'));
  const page = kind === 'popup' ? m.action?.default_popup : (m.options_ui?.page ?? m.options_page);
  if (!page) throw new Error(`the extension's manifest names no ${kind} page`);
  return `chrome-extension://${browser.extensionId}/${page}`;
}

// The "Save to CaseLog" button beside the case title (an open shadow root: role locators pierce it).
export function saveButton(page) {
  return page.getByRole('button', { name: BUTTON_NAME }).first();
}

export async function buttonText(page) {
  return (await saveButton(page).textContent())?.trim() ?? '';
}

// Turns auto-capture on or off the way a seller does: the checkbox on the options page.
export async function setAutoCapture(browser, on) {
  const page = await browser.context.newPage();
  await page.goto(pageUrl(browser, 'options'));
  const box = page.getByLabel(/automatically when I open it/i);
  await box.waitFor({ timeout: 5000 });
  if ((await box.isChecked()) !== on) await box.click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/^Saved/).waitFor({ timeout: 5000 });
  await page.close();
}

export async function popupSearch(page, query) {
  const input = page.getByRole('searchbox').or(page.locator('input[type="search"]')).first();
  await input.waitFor({ timeout: 5000 });
  await input.fill(query);
}

// The captures waiting in chrome.storage.local: one "outbox:…" key per capture, written before
// sending and removed on the host's ack ("failed:…" keys hold captures the host refused).
export async function storedCaptures(browser, prefix = 'outbox:') {
  const all = await browser.worker.evaluate(() => chrome.storage.local.get(null));
  return Object.entries(all)
    .filter(([key]) => key.startsWith(prefix))
    .map(([, entry]) => entry);
}

export const outbox = (browser) => storedCaptures(browser, 'outbox:');
export const refused = (browser) => storedCaptures(browser, 'failed:');

// A URL of the history view with its token, from the view URL the host sent in its hello answer
// (the worker exposes its client as self.caselog for tests).
export async function historyViewUrl(browser, route) {
  const view = await browser.worker.evaluate(() => self.caselog?.client?.hello?.view ?? null);
  if (!view) throw new Error('the host sent no history-view URL in its hello answer');
  const u = new URL(view);
  u.pathname = route;
  return u.toString();
}
