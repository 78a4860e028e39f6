// The history view in Debian's Chromium (headless, via playwright-core): dashboard, a case, a
// long and a Japanese case, search and trends at laptop and phone widths. Screenshots go to
// tests/artifacts/screenshots/ for a human to look at; key content and the CSP are asserted.
// Data: `caselog demo` when the CLI has it, plus our own awkward cases (history-view.data.mjs).
// Run: CASELOG_CLI_BIN=build/native-host/caselog node --test tests/e2e/history-view.mjs
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { sampleCases } from './history-view.data.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cli = process.env.CASELOG_CLI_BIN || path.join(root, 'build/native-host/caselog');
const shots = path.join(root, 'tests/artifacts/screenshots');
const NOW = '2026-11-25T12:00:00Z';
const VIEWPORTS = { laptop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };

let dir, env, server, baseUrl, browser;
const problems = []; // console errors and CSP violations seen in any page

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function run(args, input) {
  const r = spawnSync(cli, args, { env, input, encoding: 'utf8' });
  assert.equal(r.status, 0, `caselog ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function hasCommand(name) {
  return spawnSync(cli, [name, '--help'], { env, encoding: 'utf8' }).status === 0;
}

// Starts `caselog demo` (or `serve`) in the background and resolves with the printed URL.
function startView(command, port) {
  const args = ['--db', path.join(dir, 'caselog.db'), '--now', NOW, command, ...(command === 'serve' ? ['--port', String(port)] : [])];
  server = spawn(cli, args, { env: { ...env, CASELOG_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL from caselog ${command}: ${out}`)), 60000);
    server.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    server.stderr.on('data', (d) => (out += d));
    server.on('exit', (code) => reject(new Error(`caselog ${command} exited ${code}: ${out}`)));
  });
}

async function openPage(viewport, url) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: 'light' });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
  await page.goto(url);
  return { context, page };
}

async function shoot(page, name) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  await page.screenshot({ path: path.join(shots, `${name}-top.png`) }); // what the first screen shows
}

// No element may stick out of the viewport sideways (long subjects, 20 KB replies, phone width).
async function assertNoHorizontalOverflow(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${what}: page is ${overflow}px wider than the window`);
}

describe('history view in Chromium', { timeout: 240000 }, () => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caselog-view-'));
    env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data') };
    delete env.CASELOG_DB;
    const jsonl = path.join(dir, 'samples.jsonl');
    fs.writeFileSync(jsonl, sampleCases(NOW).map((c) => JSON.stringify(c)).join('\n') + '\n');
    const port = await freePort();
    if (hasCommand('demo')) {
      const url = await startView('demo', port);
      run(['--db', path.join(dir, 'caselog.db'), '--now', NOW, 'import', jsonl]);
      baseUrl = url;
    } else {
      run(['--db', path.join(dir, 'caselog.db'), '--now', NOW, 'import', jsonl]);
      baseUrl = await startView('serve', port);
    }
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  });

  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`dashboard at ${name} width`, async () => {
      const { context, page } = await openPage(viewport, baseUrl);
      assert.doesNotMatch(page.url(), /token=/, 'the token is dropped from the address bar');
      await page.getByRole('heading', { name: 'Priority queue' }).waitFor();
      assert.ok((await page.locator('ol.queue .label').count()) > 5, 'the queue shows labelled cases');
      assert.match(await page.locator('ol.queue .label').first().innerText(), /^P[1-4]$/);
      assert.ok((await page.locator('.stat').count()) >= 4, 'headline counts');
      await shoot(page, `dashboard-${name}`);
      await assertNoHorizontalOverflow(page, 'dashboard');
      // Keyboard: j focuses the first item, / focuses search.
      await page.keyboard.press('j');
      assert.equal(await page.evaluate(() => document.activeElement.closest('[data-item]') !== null), true);
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement.name), 'q');
      await context.close();
    });

    test(`case pages at ${name} width`, async () => {
      const { context, page } = await openPage(viewport, baseUrl);
      await page.goto(new URL('/cases/17000000001', baseUrl).href);
      assert.ok((await page.locator('.msg.seller').count()) >= 1);
      assert.ok((await page.locator('.msg.amazon').count()) >= 1);
      const title = await page.locator('.msg time').first().getAttribute('title');
      assert.match(title, /Z \(UTC\)$/, 'UTC instant on hover');
      // Case 1 is the short FBA shipment: its shipment, order and amount are found and linked.
      const idents = await page.locator('ul.idents a.ident').allInnerTexts();
      for (const id of ['FBA15XYZ0001', '113-1234567-1230001', 'USD 143.88'])
        assert.ok(idents.includes(id), `identifier ${id} is listed (found: ${idents.join(', ')})`);
      assert.ok((await page.locator('.msg a.ident').count()) > 0, 'identifiers in the messages are links');
      await shoot(page, `case-${name}`);
      await assertNoHorizontalOverflow(page, 'case page');
      for (const [id, label] of [['17999000001', 'long-subject'], ['17999000002', 'long-reply'], ['17999000003', 'japanese'], ['17999000004', 'hostile']]) {
        await page.goto(new URL(`/cases/${id}`, baseUrl).href);
        await page.locator('h1').waitFor();
        await shoot(page, `case-${label}-${name}`);
        await assertNoHorizontalOverflow(page, `case ${label}`);
      }
      assert.equal(await page.locator('svg[onload], img[onerror]').count(), 0, 'hostile markup stays text');
      assert.match(await page.locator('h1').innerText(), /<script>alert\(1\)<\/script>/);
      await context.close();
    });

    test(`search and trends at ${name} width`, async () => {
      const { context, page } = await openPage(viewport, baseUrl);
      await page.goto(new URL('/search?q=reimbursed', baseUrl).href);
      assert.ok((await page.locator('ul.hits mark').count()) > 0, 'matches are highlighted');
      await shoot(page, `search-${name}`);
      await assertNoHorizontalOverflow(page, 'search');
      // As-you-type search swaps the results in.
      const box = page.locator('main input[name=q]');
      await box.fill('');
      await box.pressSequentially('carrier', { delay: 20 });
      await page.waitForFunction(() => /carrier/i.test(document.querySelector('#results mark')?.textContent || ''));
      await page.goto(new URL('/trends', baseUrl).href);
      assert.ok((await page.locator('svg.chart').count()) >= 3, 'charts are drawn');
      await shoot(page, `trends-${name}`);
      await assertNoHorizontalOverflow(page, 'trends');
      await context.close();
    });
  }

  test('dark mode and the cases list', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.goto(new URL('/cases?sort=updated', baseUrl).href);
    assert.ok((await page.locator('tbody tr').count()) >= 20);
    await shoot(page, 'cases-dark-laptop');
    await context.close();
  });

  test('no console errors or CSP violations on any page', () => {
    assert.deepEqual(problems, []);
  });
});
