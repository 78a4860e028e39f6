// installer/package-extension.sh: store zips built from the extension's own build step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ids, root } from './helpers.mjs';

const buildScript = path.join(root, 'extension/tools/build.mjs');

function manifestInZip(zip) {
  const r = spawnSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('package-extension.sh builds a Web Store zip without "key" and an AMO zip with the gecko ID', {
  skip: fs.existsSync(buildScript) ? false : 'extension/tools/build.mjs not written yet (EXTENSION owner)',
}, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'caselog-packages-'));
  try {
    const r = spawnSync('bash', [path.join(root, 'installer/package-extension.sh'), '-o', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const zips = r.stdout.trim().split('\n');
    assert.equal(zips.length, 2);
    const [chromium, firefox] = zips;
    assert.match(path.basename(chromium), /^caselog-chromium-\d+\.\d+\.\d+\.zip$/);
    assert.match(path.basename(firefox), /^caselog-firefox-\d+\.\d+\.\d+\.zip$/);

    const cm = manifestInZip(chromium);
    assert.equal(cm.manifest_version, 3);
    assert.equal(cm.key, undefined, 'the Chrome Web Store refuses a manifest key');
    assert.ok(cm.permissions.includes('nativeMessaging'));

    const fm = manifestInZip(firefox);
    assert.equal(fm.browser_specific_settings.gecko.id, ids.gecko);
    // The unpacked build keeps the key, so a developer's "Load unpacked" gets the fixed ID.
    const dist = JSON.parse(fs.readFileSync(path.join(root, 'extension/dist/chromium/manifest.json'), 'utf8'));
    assert.equal(dist.key, ids.key);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('package-extension.sh refuses an unknown option', () => {
  const r = spawnSync('bash', [path.join(root, 'installer/package-extension.sh'), '--bogus'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown option '--bogus'/);
});
