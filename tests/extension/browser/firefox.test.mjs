// Firefox variant in Debian's firefox-esr (skipped when it is not installed): web-ext runs
// the add-on headless; its background module must start and talk to the native host found
// through ~/.mozilla/native-messaging-hosts (allowed_extensions = the gecko add-on ID).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../../extension/tools/build.mjs';
import { EXTENSION } from '../helpers.mjs';

const FIREFOX = process.env.CASELOG_FIREFOX ?? '/usr/bin/firefox-esr';
const ids = JSON.parse(readFileSync(path.join(EXTENSION, 'ids.json'), 'utf8'));

function readLog(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

test('the Firefox variant starts its background module and says hello to the host', { skip: !existsSync(FIREFOX) && `no ${FIREFOX}` }, async () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'caselog-firefox-'));
  const home = path.join(tmp, 'home');
  const hostLog = path.join(tmp, 'host.log');
  mkdirSync(path.join(home, '.mozilla/native-messaging-hosts'), { recursive: true });
  const wrapper = path.join(tmp, 'fake-host.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${path.join(import.meta.dirname, 'fake-host.mjs')}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  writeFileSync(path.join(home, `.mozilla/native-messaging-hosts/${ids.host}.json`), JSON.stringify({
    name: ids.host, description: 'CaseLog host (Firefox test)', path: wrapper, type: 'stdio', allowed_extensions: [ids.gecko],
  }));
  const dist = build(path.join(tmp, 'dist')).firefox;
  const webExt = path.join(EXTENSION, 'node_modules/.bin/web-ext');
  const child = spawn(webExt, ['run', '--source-dir', dist, `--firefox=${FIREFOX}`, '--no-reload', '--no-input'], {
    env: { ...process.env, HOME: home, MOZ_HEADLESS: '1', FAKE_HOST_LOG: hostLog }, detached: true, stdio: 'ignore',
  });
  try {
    const end = Date.now() + 90000;
    while (Date.now() < end && !readLog(hostLog).some((m) => m.type === 'due')) {
      await new Promise((r) => setTimeout(r, 500));
    }
    const types = readLog(hostLog).map((m) => m.type);
    assert.deepStrictEqual(types.slice(0, 2), ['hello', 'due'], `host saw: ${types.join(', ') || 'nothing'}`);
    assert.equal(readLog(hostLog)[0].extension, '0.1.0');
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM'); // web-ext and the Firefox it started
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 1000));
    rmSync(tmp, { recursive: true, force: true });
  }
});
