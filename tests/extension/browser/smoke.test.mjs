// Browser smoke test in Debian's Chromium (never a downloaded browser): loads the built
// extension, finds its service worker, opens a fixture case page while the host is
// missing (capture queued in the outbox), installs the host manifest, and checks the
// queued capture is delivered; screenshots of the popup and the page go to
// tests/artifacts/screenshots/. Uses the real caselog-host when CASELOG_HOST_BIN names
// one, else tests/extension/browser/fake-host.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../../extension/tools/build.mjs';
import { EXTENSION, FIXTURES, ROOT } from '../helpers.mjs';

const { chromium } = createRequire(path.join(EXTENSION, 'package.json'))('playwright-core');
const ids = JSON.parse(readFileSync(path.join(EXTENSION, 'ids.json'), 'utf8'));
const BROWSER = process.env.CASELOG_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'tests/artifacts/screenshots');
const CASE_URL = 'http://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=17865432901&ref=sc_cd_lobby_vc';
const realHost = process.env.CASELOG_HOST_BIN && existsSync(process.env.CASELOG_HOST_BIN) ? process.env.CASELOG_HOST_BIN : null;

const PAGES = {
  '/cu/case-dashboard/view-case': 'katal-us-listing.html',
  '/cu/case-lobby': 'list-katal-us.html',
};

let tmp;
let server;
let context;
let worker;

function serveFixtures() {
  return new Promise((resolve) => {
    const s = createServer((req, res) => {
      const file = PAGES[new URL(req.url, 'http://x').pathname];
      if (!file) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(path.join(FIXTURES, file)));
    });
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

// A port nothing listens on now, for the real host's history view.
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function hostCommand() {
  if (realHost) return realHost;
  const wrapper = path.join(tmp, 'fake-host.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${path.join(import.meta.dirname, 'fake-host.mjs')}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

function installHostManifest(profile) {
  const dir = path.join(profile, 'NativeMessagingHosts');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${ids.host}.json`), JSON.stringify({
    name: ids.host, description: 'CaseLog host (smoke test)', path: hostCommand(), type: 'stdio',
    allowed_origins: [`chrome-extension://${ids.chromium}/`],
  }));
}

async function until(what, fn, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const inWorker = (fn, arg) => worker.evaluate(fn, arg);

before(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'caselog-smoke-'));
  mkdirSync(SHOTS, { recursive: true });
  const ext = build(path.join(tmp, 'dist')).chromium;
  server = await serveFixtures();
  const profile = path.join(tmp, 'profile');
  mkdirSync(path.join(tmp, 'home'), { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--no-sandbox', '--disable-gpu',
      `--host-resolver-rules=MAP sellercentral.amazon.com 127.0.0.1:${server.address().port}`],
    env: { ...process.env, HOME: path.join(tmp, 'home'), CASELOG_DB: path.join(tmp, 'caselog.db'),
      CASELOG_PORT: String(await freePort()), FAKE_HOST_LOG: path.join(tmp, 'host.log') },
    viewport: { width: 380, height: 640 },
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15000 }));
});

after(async () => {
  await context?.close();
  server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the extension loads with its fixed ID and its service worker runs', async () => {
  assert.equal(new URL(worker.url()).host, ids.chromium);
  assert.equal(await inWorker(() => typeof self.caselog.client.start), 'function');
});

test('without the host, the popup shows the install hint', async () => {
  await until('the host to be reported missing', () => inWorker(() => self.caselog.client.state === 'down'));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${ids.chromium}/popup/popup.html`);
  await page.locator('#install-hint').waitFor({ state: 'visible' });
  assert.match(await page.locator('#connection').innerText(), /installer\/install\.sh/);
  await page.screenshot({ path: path.join(SHOTS, 'popup-no-host.png'), fullPage: true });
  await page.close();
});

test('a case page opened while the host is missing is auto-captured into the outbox, button says Queued', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto(CASE_URL);
  const button = page.locator('[data-caselog="save-button"] button');
  await until('the button to say Queued', async () => /Queued/.test(await button.innerText().catch(() => '')));
  const queued = await inWorker(() => self.caselog.outbox.entries());
  assert.equal(queued.length, 1);
  assert.equal(queued[0].request.type, 'capture');
  assert.equal(queued[0].request.case.caseId, '17865432901');
  assert.equal(queued[0].request.case.messages.length, 4);
  const placement = await page.evaluate(() => {
    const title = document.querySelector('[data-test-tag="case-title"]');
    const host = document.querySelector('[data-caselog="save-button"]');
    const box = host.getBoundingClientRect();
    const overlaps = [...document.querySelectorAll('a, button, input, kat-button, kat-textarea')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width && r.height && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top);
    return { afterTitle: title.nextElementSibling === host, overlaps: overlaps.length };
  });
  assert.deepStrictEqual(placement, { afterTitle: true, overlaps: 0 });
  await page.screenshot({ path: path.join(SHOTS, 'case-page-queued.png') });
  await page.close();
});

test('once the host is installed, the queued capture is delivered and the outbox empties', async () => {
  installHostManifest(path.join(tmp, 'profile'));
  await inWorker(() => self.caselog.client.retryNow());
  await until('the host to connect', () => inWorker(() => self.caselog.client.state === 'connected'));
  await until('the outbox to empty', async () => (await inWorker(() => self.caselog.outbox.entries())).length === 0);
  const found = await inWorker(() => self.caselog.dispatch({ type: 'search', query: 'reinstated' }));
  assert.equal(found.ok, true, JSON.stringify(found));
  assert.ok(found.result.hits.some((h) => h.caseId === '17865432901'), JSON.stringify(found.result));
  if (!realHost) {
    const log = readFileSync(path.join(tmp, 'host.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(log.filter((m) => m.type === 'capture').length, 1);
  }
});

test('the popup shows the connection, due reminders and search results as text', async () => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${ids.chromium}/popup/popup.html`);
  await page.locator('#connection[data-state="connected"]').waitFor();
  await page.locator('#search').fill('B08XYZ1234');
  await page.locator('#hits li').first().waitFor();
  assert.equal(await page.locator('#hits img, #hits script').count(), 0);
  assert.ok(await page.locator('#hits mark').count() >= 1);
  assert.ok(await page.locator('#install-hint').isHidden());
  await page.screenshot({ path: path.join(SHOTS, 'popup-connected.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(SHOTS, 'popup-connected-dark.png'), fullPage: true });
  await page.close();
});

test('re-opening the case page saves it again with nothing new', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto(CASE_URL);
  const button = page.locator('[data-caselog="save-button"] button');
  await until('the button to say Saved', async () => /Saved/.test(await button.innerText().catch(() => '')));
  assert.match(await button.innerText(), /Saved · up to date/);
  await page.screenshot({ path: path.join(SHOTS, 'case-page-saved.png') });
  // The popup's "Save this page" asks the tab's content script, exactly like this:
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${ids.chromium}/popup/popup.html`);
  const result = await popup.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'http://sellercentral.amazon.com/*' });
    return chrome.tabs.sendMessage(tab.id, { type: 'caselog-capture-now' });
  });
  assert.deepStrictEqual([result.state, result.caseId, result.newMessages, result.summary],
    ['saved', '17865432901', 0, 'parsed 6 of 6 fields']);
  await popup.close();
  await page.close();
});

test('the context menu saves selected text as an Amazon reply of the case in the address', async () => {
  const page = await context.newPage();
  await page.goto(CASE_URL);
  await page.evaluate(() => {
    const body = [...document.querySelectorAll('kat-box div')].find((d) => d.textContent.includes('reinstated'));
    getSelection().selectAllChildren(body);
  });
  const tabId = await inWorker(async () => (await chrome.tabs.query({ url: 'http://sellercentral.amazon.com/*' }))[0].id);
  const result = await inWorker(({ id, url }) => self.caselog.onMenuClick(
    { menuItemId: 'caselog-save-selection', selectionText: 'flattened by the browser', pageUrl: url },
    { id, url, title: 'Case Log | Amazon Seller Central' }), { id: tabId, url: CASE_URL });
  assert.equal(result.state, 'saved', JSON.stringify(result));
  assert.equal(result.caseId, '17865432901');
  if (!realHost) {
    const sent = readFileSync(path.join(tmp, 'host.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).at(-1);
    assert.equal(sent.source.page, 'selection');
    assert.match(sent.case.messages[0].body, /^Hello,\n+Your listing for ASIN B08XYZ1234 has been reinstated/, 'the page\'s own selection, with its line breaks');
  }
  const notes = await inWorker(() => chrome.notifications.getAll());
  assert.ok(Object.keys(notes).some((id) => id.startsWith('caselog-info|')));
  await page.close();
});

test('the case list is auto-captured as capture_list', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 500 });
  await page.goto('http://sellercentral.amazon.com/cu/case-lobby?tab=all_cases');
  const button = page.locator('[data-caselog="save-button"] button');
  await until('the list button to say Saved', async () => /Saved/.test(await button.innerText().catch(() => '')));
  assert.match(await button.innerText(), /Saved · \d+ new cases?/);
  await page.screenshot({ path: path.join(SHOTS, 'case-list-saved.png') });
  await page.close();
});

test('a notification click or popup item opens the case in the history view', { skip: !realHost && 'needs the real host' }, async () => {
  const opened = context.waitForEvent('page');
  const answer = await inWorker(() => self.caselog.dispatch({ type: 'open-case', caseId: '17865432901' }));
  assert.equal(answer.ok, true, JSON.stringify(answer));
  const page = await opened;
  await page.waitForLoadState();
  assert.match(page.url(), /^http:\/\/127\.0\.0\.1:\d+\/cases\/17865432901(\?|$)/); // the view may trade the token for a cookie
  await until('the case to render', async () => (await page.content()).includes('B08XYZ1234'));
  await page.setViewportSize({ width: 1100, height: 800 });
  await page.screenshot({ path: path.join(SHOTS, 'history-view-case.png') });
  await page.close();
});

test('the options page loads the settings', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`chrome-extension://${ids.chromium}/options/options.html`);
  await until('settings to load', async () => (await page.locator('#expectedReplyBusinessDays').inputValue()) === '5');
  assert.equal(await page.locator('#autoCapture').isChecked(), true);
  await page.locator('#reopenWindowDays').fill('21');
  await page.locator('button[type="submit"]').click();
  await until('the save result', async () => /Saved/.test(await page.locator('#result').innerText()));
  await page.screenshot({ path: path.join(SHOTS, 'options.png'), fullPage: true });
  await page.close();
});
