// The pieces the browser-to-host test drives: a sandbox (HOME, profile, prefix, database), the
// real installer, a local "sellercentral.amazon.com", Debian's Chromium through Playwright with
// the built extension, and the caselog CLI over the same database.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { casePath, renderCasePage } from './case-page.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ids = JSON.parse(fs.readFileSync(path.join(root, 'extension/ids.json'), 'utf8'));
export const buildDir = process.env.CASELOG_BUILD || path.join(root, 'build/asan');
export const screenshots = path.join(root, 'tests/artifacts/screenshots');
export const chromiumPath = process.env.CASELOG_CHROMIUM || '/usr/bin/chromium';

export function builtBinary(name) {
  for (const p of [path.join(buildDir, 'native-host', name), path.join(buildDir, name)]) {
    if (fs.existsSync(p)) return p;
  }
  return null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function poll(what, fn, { timeout = 15000, interval = 200 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last: ${last}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

// A temp world: HOME, XDG folders, the Chromium profile, the install prefix and the database.
export function makeSandbox(now) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caselog-e2e-'));
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  const s = {
    dir,
    home,
    profile: path.join(dir, 'profile'),
    prefix: path.join(dir, 'prefix'),
    db: path.join(dir, 'data', 'caselog.db'),
    env: {},
  };
  s.env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    CASELOG_DB: s.db,
    CASELOG_NOW: now,
    ASAN_OPTIONS: 'detect_leaks=0',
  };
  return s;
}

export function runInstaller(sandbox, ...args) {
  const r = spawnSync('bash', [path.join(root, 'installer/install.sh'), '--prefix', sandbox.prefix, ...args], {
    env: sandbox.env,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Runs the installed caselog (what the seller runs) against the sandbox database.
export function caselog(sandbox, ...args) {
  const bin = path.join(sandbox.prefix, 'bin/caselog');
  const r = spawnSync(bin, ['--db', sandbox.db, ...args], { env: sandbox.env, encoding: 'utf8', timeout: 30000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function caselogJson(sandbox, ...args) {
  const r = caselog(sandbox, ...args, '--json');
  if (r.code !== 0) throw new Error(`caselog ${args.join(' ')} --json: exit ${r.code}: ${r.err.trim()}`);
  return JSON.parse(r.out);
}

// The messages of a stored case as `caselog show ID --json` reports them (null if not stored).
export function storedMessages(sandbox, caseId) {
  const r = caselog(sandbox, 'show', caseId, '--json');
  if (r.code !== 0) return null;
  const shown = JSON.parse(r.out);
  return shown.messages ?? shown.case?.messages ?? null;
}

// "sellercentral.amazon.com": serves the view-case page of each case in `cases` (a Map by ID).
export async function startSellerCentral(cases) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://sellercentral.amazon.com');
    const kase = url.pathname === '/cu/case-dashboard/view-case' && cases.get(url.searchParams.get('caseID'));
    if (!kase) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderCasePage(kase));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    port,
    url: (caseId) => `http://sellercentral.amazon.com:${port}${casePath(caseId)}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

// Chromium with the unpacked extension, the sandbox's environment (so the host it starts sees
// CASELOG_DB, CASELOG_NOW, CASELOG_PORT) and Seller Central mapped to the local server.
export async function launchBrowser(sandbox, extensionDir, scPort) {
  const context = await chromium.launchPersistentContext(sandbox.profile, {
    executablePath: chromiumPath,
    headless: true,
    env: sandbox.env,
    viewport: { width: 1100, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP sellercentral.amazon.com 127.0.0.1:${scPort}`,
      '--disable-quic',
    ],
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15000 }));
  return { context, worker, extensionDir, extensionId: new URL(worker.url()).host };
}

export function saveScreenshotPath(name) {
  fs.mkdirSync(screenshots, { recursive: true });
  return path.join(screenshots, name);
}
