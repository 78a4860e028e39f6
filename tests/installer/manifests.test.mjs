// Every row of installer/browsers.tsv yields a valid manifest where that browser looks for it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ids, manifestPath, root, sandbox, tableRows } from './helpers.mjs';

const browsers = ['chrome', 'chromium', 'edge', 'brave', 'vivaldi', 'firefox'];

function checkManifest(file, row, hostPath) {
  const text = fs.readFileSync(file, 'utf8');
  const m = JSON.parse(text);
  assert.equal(m.name, ids.host);
  assert.equal(m.type, 'stdio');
  assert.ok(path.isAbsolute(m.path), `path ${m.path} is not absolute`);
  assert.equal(m.path, hostPath);
  fs.accessSync(m.path, fs.constants.X_OK);
  if (row.family === 'firefox') {
    assert.deepEqual(m.allowed_extensions, [ids.gecko]);
    assert.equal(m.allowed_origins, undefined);
  } else {
    assert.deepEqual(m.allowed_origins, [`chrome-extension://${ids.chromium}/`]);
    assert.equal(m.allowed_extensions, undefined);
  }
}

describe('the browser table', () => {
  test('install.ps1 takes its registry keys from the table, not from its own copy', () => {
    const ps1 = fs.readFileSync(path.join(root, 'installer/install.ps1'), 'utf8');
    assert.match(ps1, /installer\\browsers\.tsv/);
    assert.match(ps1, /\$_\.Os -eq 'windows'/);
    assert.match(ps1, /extension\\ids\.json/);
    for (const r of tableRows().filter((row) => row.os === 'windows')) {
      const key = r.location.replace(/^HK(CU|LM)\\/, '');
      assert.ok(!ps1.includes(key), `install.ps1 repeats the key ${key}`);
    }
  });

  test('has one row per browser for every OS and scope', () => {
    for (const osName of ['linux', 'macos', 'windows']) {
      for (const scope of ['user', 'system']) {
        const rows = tableRows().filter((r) => r.os === osName && r.scope === scope);
        assert.deepEqual(rows.map((r) => r.browser).sort(), [...browsers].sort(), `${osName}/${scope}`);
        for (const r of rows) assert.equal(r.family, r.browser === 'firefox' ? 'firefox' : 'chromium');
      }
    }
  });

  test('Unix folders are absolute or under ~, Windows rows are NativeMessagingHosts registry keys in the right hive', () => {
    for (const r of tableRows()) {
      if (r.os === 'windows') {
        const hive = r.scope === 'user' ? 'HKCU' : 'HKLM';
        assert.match(r.location, new RegExp(`^${hive}\\\\Software\\\\.+\\\\NativeMessagingHosts$`));
      } else if (r.scope === 'user') {
        assert.match(r.location, /^~\//);
      } else {
        assert.match(r.location, /^\//);
      }
    }
  });

  test('the extension IDs and the host name are written only in extension/ids.json', () => {
    for (const dir of ['installer', 'manifests']) {
      for (const name of fs.readdirSync(path.join(root, dir), { recursive: true })) {
        const file = path.join(root, dir, name);
        if (!fs.statSync(file).isFile()) continue;
        const text = fs.readFileSync(file, 'utf8');
        assert.ok(!text.includes(ids.chromium), `${dir}/${name} hard-codes the Chromium ID`);
        assert.ok(!text.includes(ids.gecko), `${dir}/${name} hard-codes the gecko ID`);
        assert.ok(!text.includes(ids.host), `${dir}/${name} hard-codes the host name`);
      }
    }
  });
});

for (const osName of ['linux', 'macos']) {
  for (const scope of ['user', 'system']) {
    describe(`${osName} ${scope} scope`, () => {
      let box;
      const prefix = () => path.join(box.dir, 'my prefix');
      before(() => {
        box = sandbox();
        const extra = scope === 'system' ? ['--system', '--sysroot', box.sysroot] : [];
        box.install('--os', osName, '--prefix', prefix(), ...extra);
      });
      after(() => box.cleanup());

      for (const row of tableRows().filter((r) => r.os === osName && r.scope === scope)) {
        test(`${row.browser}: valid manifest in ${row.location}`, () => {
          checkManifest(manifestPath(box, row), row, path.join(prefix(), 'bin/caselog-host'));
        });
      }
    });
  }
}

describe('--browser-dir', () => {
  test('registers into the given Chromium profile only', () => {
    const box = sandbox();
    try {
      const profile = path.join(box.dir, 'profile');
      box.install('--browser-dir', profile);
      const file = path.join(profile, 'NativeMessagingHosts', `${ids.host}.json`);
      checkManifest(file, { family: 'chromium' }, path.join(box.home, '.local/bin/caselog-host'));
      for (const row of tableRows().filter((r) => r.os === 'linux' && r.scope === 'user')) {
        assert.ok(!fs.existsSync(manifestPath(box, row)), `${row.browser} registered too`);
      }
    } finally {
      box.cleanup();
    }
  });
});
