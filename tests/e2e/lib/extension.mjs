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
  const box = page.getByLabel(/auto.?capture|capture automatically/i).first();
  await box.waitFor({ timeout: 5000 });
  if ((await box.isChecked()) !== on) await box.click();
  await page.waitForTimeout(300);
  await page.close();
}

export async function popupSearch(page, query) {
  const input = page.getByRole('searchbox').or(page.locator('input[type="search"]')).first();
  await input.waitFor({ timeout: 5000 });
  await input.fill(query);
}

// The captures waiting in chrome.storage.local (the outbox), as an array.
export async function outbox(browser) {
  const all = await browser.worker.evaluate(() => chrome.storage.local.get(null));
  const entries = [];
  for (const [key, value] of Object.entries(all)) {
    if (!/outbox/i.test(key)) continue;
    if (Array.isArray(value)) entries.push(...value);
    else if (value && typeof value === 'object') entries.push(...Object.values(value));
    else entries.push(value);
  }
  return entries;
}

// A URL of the history view with its token: the per-install token file the host writes beside
// the config, or else the view URL the host gave the extension in its hello answer.
export async function historyViewUrl(browser, sandbox, port, route) {
  const dir = path.join(sandbox.env.XDG_CONFIG_HOME, 'caselog');
  const tokenFile = fs.existsSync(dir) && fs.readdirSync(dir).find((f) => /token/i.test(f));
  if (tokenFile) {
    const token = fs.readFileSync(path.join(dir, tokenFile), 'utf8').trim();
    return `http://127.0.0.1:${port}${route}?token=${encodeURIComponent(token)}`;
  }
  const stored = await browser.worker.evaluate(() => chrome.storage.local.get(null));
  const view = JSON.stringify(stored).match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/);
  if (!view) throw new Error('no history-view token: neither a token file nor a view URL in the extension');
  const u = new URL(view[0]);
  return `${u.origin}${route}?token=${u.searchParams.get('token')}`;
}
