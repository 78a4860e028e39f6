// One manifest source → per-browser variants; the fixed ID; the parse-page command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumManifest, firefoxManifest, checkManifest, build } from '../../extension/tools/build.mjs';
import { SELLER_CENTRAL_HOSTS } from '../../extension/src/parser/marketplaces.js';
import { EXTENSION, FIXTURES } from './helpers.mjs';

const source = JSON.parse(readFileSync(path.join(EXTENSION, 'src/manifest.json'), 'utf8'));
const ids = JSON.parse(readFileSync(path.join(EXTENSION, 'ids.json'), 'utf8'));

test('the manifest key gives exactly the extension ID in ids.json', () => {
  const digest = createHash('sha256').update(Buffer.from(source.key, 'base64')).digest('hex').slice(0, 32);
  const id = digest.replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
  assert.equal(id, ids.chromium);
  assert.match(ids.chromium, /^[a-p]{32}$/);
  assert.equal(ids.host, 'dev.caselog.host');
  assert.equal(source.browser_specific_settings.gecko.id, ids.gecko);
  assert.ok(!/PRIVATE/.test(readFileSync(path.join(EXTENSION, 'ids.json'), 'utf8')));
});

test('minimal permissions; host permissions are every marketplace and Brand Registry, nothing else', () => {
  assert.deepStrictEqual([...source.permissions].sort(), ['alarms', 'contextMenus', 'nativeMessaging', 'notifications', 'storage']);
  assert.equal(source.host_permissions.length, SELLER_CENTRAL_HOSTS.length);
  assert.ok(source.host_permissions.includes('*://brandregistry.amazon.com/*'));
  assert.ok(source.host_permissions.includes('*://sellercentral-europe.amazon.com/*'));
  assert.ok(source.host_permissions.every((p) => /^\*:\/\/(sellercentral(-europe)?|brandregistry)\.amazon\.[a-z.]+\/\*$/.test(p)));
  checkManifest(source);
  assert.throws(() => checkManifest({ ...source, host_permissions: [...source.host_permissions, '<all_urls>'] }), /differ/);
});

test('chromium variant: service worker and key, no gecko settings', () => {
  const m = chromiumManifest(source);
  assert.deepStrictEqual(m.background, { service_worker: 'background/worker.js', type: 'module' });
  assert.equal(m.key, source.key);
  assert.equal(m.browser_specific_settings, undefined);
});

test('firefox variant: module background script and the gecko ID, no key', () => {
  const m = firefoxManifest(source);
  assert.deepStrictEqual(m.background, { scripts: ['background/worker.js'], type: 'module' });
  assert.equal(m.key, undefined);
  assert.equal(m.browser_specific_settings.gecko.id, 'caselog@caselog.dev');
  assert.equal(m.web_accessible_resources, undefined, 'no extension file is exposed to pages');
});

test('build writes both variants with every file', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'caselog-build-'));
  try {
    const dirs = build(out);
    for (const dir of Object.values(dirs)) {
      for (const f of ['manifest.json', 'background/worker.js', 'popup/popup.html', 'content/content.js', 'parser/index.js', 'icons/icon-128.png']) {
        assert.ok(readFileSync(path.join(dir, f)).length > 0, `${dir}/${f}`);
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

const TOOL = path.join(EXTENSION, 'tools/parse-page.mjs');

test('parse-page prints the expected snapshot for a fixture given --url', () => {
  const url = 'https://sellercentral.amazon.de/cu/case-dashboard/view-case?ie=UTF8&caseID=18234567890&mons_sel_mkid=A1PA6795UKMFR9';
  const out = execFileSync(process.execPath, [TOOL, path.join(FIXTURES, 'katal-de-fba.html'), '--url', url], { encoding: 'utf8' });
  assert.deepStrictEqual(JSON.parse(out), JSON.parse(readFileSync(path.join(FIXTURES, 'katal-de-fba.json'), 'utf8')));
});

test('parse-page exits 1 with a message for a page it does not recognise or cannot read', () => {
  const unknown = spawnSync(process.execPath, [TOOL, path.join(FIXTURES, 'unknown-home.html'), '--url', 'https://sellercentral.amazon.com/home'], { encoding: 'utf8' });
  assert.equal(unknown.status, 1);
  assert.equal(unknown.stdout, '');
  assert.match(unknown.stderr, /unrecognised page/);
  const absent = spawnSync(process.execPath, [TOOL, '/nonexistent/page.html', '--url', 'https://sellercentral.amazon.com/'], { encoding: 'utf8' });
  assert.equal(absent.status, 1);
  assert.match(absent.stderr, /cannot read/);
});

test('parse-page exits 2 on a usage error', () => {
  const none = spawnSync(process.execPath, [TOOL], { encoding: 'utf8' });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /usage/);
  const noUrl = spawnSync(process.execPath, [TOOL, path.join(FIXTURES, 'unknown-home.html')], { encoding: 'utf8' });
  assert.equal(noUrl.status, 2);
});
