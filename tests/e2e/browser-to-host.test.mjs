// End to end in Debian's Chromium: installer → extension → native host → SQLite → CLI and history
// view. Steps run in order and share one sandbox; each names what it needs from the steps before.
// Run: node --test tests/e2e/browser-to-host.test.mjs   (CASELOG_BUILD: folder with the built binaries)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addMessage, makeCase, renderCasePage } from './lib/case-page.mjs';
import * as h from './lib/harness.mjs';
import * as ext from './lib/extension.mjs';

const NOW = '2026-12-01T12:00:00Z'; // four weeks after the cases' last messages: reminders are due
const A = '18800000001'; // auto-captured, then revisited with one more message
const B = '18800000002'; // captured by clicking the in-page button
const C = '18800000003'; // captured while the host is not registered
const D = '18800000004'; // captured while another writer holds the database's write lock
const cases = new Map([A, B, C, D].map((id) => [id, makeCase(id)]));

let sandbox, seller, browser, extensionDir, viewPort;
const done = new Set();
const needs = (...steps) => {
  for (const s of steps) assert.ok(done.has(s), `needs the "${s}" step, which did not pass`);
};

async function openBrowser() {
  browser = await h.launchBrowser(sandbox, extensionDir, seller.port);
}

async function closeBrowser() {
  await browser?.context.close();
  browser = null;
}

// A queued capture of a fixture case arrives (on reconnect or the extension's one-minute retry),
// whole, and leaves nothing queued or refused.
async function deliveredFromTheOutbox(caseId) {
  await h.poll(`case ${caseId} delivered from the outbox`, () => h.storedMessages(sandbox, caseId)?.length === 3, {
    timeout: 120000,
    interval: 500,
  });
  await h.poll('an empty outbox', async () => (await ext.outbox(browser)).length === 0);
  assert.deepEqual(await ext.refused(browser), []);
}

describe('browser to host', { timeout: 300000 }, () => {
  before(async () => {
    sandbox = h.makeSandbox(NOW);
    viewPort = await h.freePort();
    sandbox.env.CASELOG_PORT = String(viewPort);
    seller = await h.startSellerCentral(cases);
  });

  after(async () => {
    await closeBrowser().catch(() => {});
    await seller?.close();
    if (!process.env.CASELOG_E2E_KEEP) fs.rmSync(sandbox.dir, { recursive: true, force: true });
    else console.log(`# sandbox kept in ${sandbox.dir}`);
  });

  test("the fixture case page reads with the extension's own parser", () => {
    const file = path.join(sandbox.dir, 'case.html');
    fs.writeFileSync(file, renderCasePage(cases.get(A)));
    const r = spawnSync('node', [path.join(h.root, 'extension/tools/parse-page.mjs'), file, '--url', seller.url(A)], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const snap = JSON.parse(r.stdout);
    assert.equal(snap.case.caseId, A);
    assert.deepEqual(snap.missing, []);
    assert.equal(snap.case.messages.length, 3);
  });

  test('the installer registers the host for the test profile', () => {
    assert.ok(h.builtBinary('caselog-host'), `no caselog-host in ${h.buildDir} (stage 10 builds it)`);
    const r = h.runInstaller(sandbox, '--no-deps', '--no-build', '--bin-dir', h.buildDir, '--browser-dir', sandbox.profile);
    assert.equal(r.code, 0, r.err);
    const status = h.runInstaller(sandbox, '--status', '--browser-dir', sandbox.profile);
    assert.equal(status.code, 0, status.out);
    assert.match(status.out, /profile +user +ok/);
    extensionDir = path.join(sandbox.prefix, 'lib/caselog/extension/chromium');
    assert.ok(fs.existsSync(path.join(extensionDir, 'manifest.json')), `installer did not build ${extensionDir}`);
    done.add('install');
  });

  test('Chromium loads the extension under its fixed ID', async () => {
    needs('install');
    await openBrowser();
    assert.equal(browser.extensionId, h.ids.chromium);
    done.add('browser');
  });

  test('opening a case page captures it automatically', async () => {
    needs('browser');
    const page = await browser.context.newPage();
    await page.goto(seller.url(A));
    const messages = await h.poll(`case ${A} in the database`, () => {
      const m = h.storedMessages(sandbox, A);
      return m && m.length === 3 && m;
    });
    assert.deepEqual(messages.map((m) => m.author), ['seller', 'amazon', 'seller']);
    const button = ext.saveButton(page);
    await button.waitFor({ timeout: 10000 });
    await page.screenshot({ path: h.saveScreenshotPath('e2e-in-page-button.png'), clip: { x: 0, y: 0, width: 1100, height: 260 } });
    await page.close();
    done.add('auto');
  });

  test('the case shows in `caselog show` and on /cases/<id> of the history view', async () => {
    needs('auto');
    const shown = h.caselog(sandbox, 'show', A);
    assert.equal(shown.code, 0, shown.err);
    assert.ok(shown.out.includes(cases.get(A).subject), shown.out);
    assert.match(shown.out, /tangerine pallet count/);
    const page = await browser.context.newPage();
    const url = await ext.historyViewUrl(browser, `/cases/${A}`);
    assert.equal(new URL(url).port, String(viewPort));
    const res = await page.goto(url);
    assert.equal(res.status(), 200);
    await assert.doesNotReject(page.getByText(cases.get(A).subject).first().waitFor({ timeout: 5000 }));
    await page.screenshot({ path: h.saveScreenshotPath('e2e-history-view-case.png'), fullPage: true });
    await page.close();
  });

  test('visiting again with one more message adds exactly one', async () => {
    needs('auto');
    addMessage(cases.get(A), {
      author: 'amazon',
      date: 'Nov 6, 2026 8:30 AM PST',
      body: 'We reconciled the shipment and reimbursed 40 units of ACME-MUG-12 (reimbursement ID 4455).',
    });
    const page = await browser.context.newPage();
    await page.goto(seller.url(A));
    await h.poll('the fourth message', () => h.storedMessages(sandbox, A)?.length === 4);
    await page.reload(); // the same page again: nothing new
    await new Promise((r) => setTimeout(r, 2000));
    const messages = h.storedMessages(sandbox, A);
    assert.equal(messages.length, 4);
    assert.match(messages[3].body, /reimbursed 40 units/);
    await page.close();
  });

  test('clicking the in-page button captures a case when auto-capture is off', async () => {
    needs('browser');
    await ext.setAutoCapture(browser, false);
    const page = await browser.context.newPage();
    await page.goto(seller.url(B));
    const button = ext.saveButton(page);
    await button.waitFor({ timeout: 10000 });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(h.storedMessages(sandbox, B), null, 'captured although auto-capture is off');
    await button.click();
    await h.poll(`case ${B} in the database`, () => h.storedMessages(sandbox, B)?.length === 3);
    await h.poll('the button to say "Saved"', async () => /Saved/.test(await ext.buttonText(page)));
    await page.close();
    done.add('button');
  });

  test('a reminder pushed by the host raises the badge and a notification', async () => {
    needs('auto');
    const badge = await h.poll('a badge count', async () => {
      const text = await browser.worker.evaluate(() => chrome.action.getBadgeText({}));
      return Number(text) > 0 && text;
    }, { timeout: 30000 });
    assert.ok(Number(badge) >= 1);
    const notes = await browser.worker.evaluate(() => new Promise((r) => chrome.notifications.getAll(r)));
    assert.ok(Object.keys(notes).length >= 1, 'no notification shown');
  });

  test("the popup's quick search finds a phrase from an Amazon reply", async () => {
    needs('auto');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(ext.pageUrl(browser, 'popup'));
    await ext.popupSearch(page, 'tangerine');
    await h.poll('a search hit for case A', async () => (await page.textContent('body')).includes(A) ||
      (await page.textContent('body')).includes(cases.get(A).subject));
    await page.screenshot({ path: h.saveScreenshotPath('e2e-popup-search.png') });
    await page.close();
  });

  test('with the host unregistered a capture waits in the outbox and arrives after the installer runs', async () => {
    needs('install', 'browser');
    await closeBrowser();
    const un = h.runInstaller(sandbox, '--uninstall', '--browser-dir', sandbox.profile);
    assert.equal(un.code, 0, un.err);
    assert.equal(h.runInstaller(sandbox, '--status', '--browser-dir', sandbox.profile).code, 3);
    await openBrowser();
    const page = await browser.context.newPage();
    await page.goto(seller.url(C));
    await ext.saveButton(page).waitFor({ timeout: 10000 });
    await ext.saveButton(page).click();
    const queued = await h.poll('the capture in the outbox', async () => (await ext.outbox(browser)).length > 0 &&
      ext.outbox(browser));
    assert.ok(JSON.stringify(queued).includes(C));
    await h.poll('the button to say "Queued"', async () => /Queued/.test(await ext.buttonText(page)));
    await page.screenshot({ path: h.saveScreenshotPath('e2e-in-page-button-queued.png'), clip: { x: 0, y: 0, width: 1100, height: 260 } });
    assert.equal(h.storedMessages(sandbox, C), null);
    const re = h.runInstaller(sandbox, '--no-deps', '--no-build', '--bin-dir', h.buildDir, '--browser-dir', sandbox.profile);
    assert.equal(re.code, 0, re.err);
    await deliveredFromTheOutbox(C);
    await page.close();
    done.add('outbox');
  });

  test('with the write lock held by another writer a capture waits in the outbox and arrives once it is released', async () => {
    needs('outbox');
    // A sqlite3 shell left in a write transaction, as a seller poking at the file might leave it.
    const shell = spawn('sqlite3', [sandbox.db], { stdio: ['pipe', 'pipe', 'pipe'] });
    let said = '';
    shell.on('error', (e) => { said = `sqlite3 could not start: ${e.message}`; });
    shell.stdout.on('data', (d) => { said += d; });
    shell.stderr.on('data', (d) => { said += d; });
    shell.stdin.write(".bail on\n.timeout 5000\nBEGIN IMMEDIATE; SELECT 'locked';\n");
    try {
      // Its SELECT's line 'locked' says it holds the lock; anything else it says is why not.
      await h.poll('the shell to hold the lock, or say why not', () => /^locked$/m.test(said) || /could not start|Error/.test(said));
      assert.match(said, /^locked$/m, `the sqlite3 shell did not take the lock: ${said}`);
      const page = await browser.context.newPage();
      await page.goto(seller.url(D));
      await ext.saveButton(page).waitFor({ timeout: 10000 });
      await ext.saveButton(page).click();
      // The host waits 5 s for the lock, then answers with a storage error that says why; the
      // extension keeps the capture (storage errors are retried) instead of dropping it.
      const queued = await h.poll('the capture queued with the reason', async () =>
        (await ext.outbox(browser)).find((e) => /locked by another writer/.test(e.lastError ?? '')), { timeout: 30000 });
      assert.ok(JSON.stringify(queued.request).includes(D));
      await h.poll('the button to say "Queued"', async () => /Queued/.test(await ext.buttonText(page)));
      // …and why: the host is there, it could not store the capture (not "host not reachable").
      assert.match(await ext.saveButton(page).getAttribute('title'), /could not store it .*locked by another writer/);
      const shown = h.caselog(sandbox, 'show', D);
      assert.match(shown.err, /no case/, shown.out + shown.err); // not stored meanwhile (and the CLI can read)
      shell.stdin.end('ROLLBACK;\n');
      // The next retry (the extension's one-minute alarm) delivers it.
      await deliveredFromTheOutbox(D);
      await page.close();
    } finally {
      shell.kill();
    }
  });

  test('the audit chain of everything captured verifies', () => {
    needs('auto');
    const r = h.caselog(sandbox, 'verify');
    assert.equal(r.code, 0, r.out + r.err);
  });
});
