// Install → status → break → repair → uninstall (→ purge) against a temporary HOME.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ids, listDirs, listFiles, manifestPath, parseStatus, sandbox, tableRows } from './helpers.mjs';

const userRows = tableRows().filter((r) => r.os === 'linux' && r.scope === 'user');

function withBox(fn) {
  return () => {
    const box = sandbox();
    try {
      fn(box);
    } finally {
      box.cleanup();
    }
  };
}

function writeDb(box) {
  const db = path.join(box.home, '.local/share/caselog/caselog.db');
  fs.mkdirSync(path.dirname(db), { recursive: true });
  fs.writeFileSync(db, 'the seller\'s cases');
  return db;
}

test('status: nothing installed → every browser "missing", exit 3', withBox((box) => {
  const r = box.run('--status');
  assert.equal(r.code, 3);
  const states = parseStatus(r.out);
  assert.deepEqual(Object.keys(states).sort(), userRows.map((r) => r.browser).sort());
  for (const state of Object.values(states)) assert.equal(state, 'missing');
}));

test('status: installed → every browser "ok", exit 0', withBox((box) => {
  box.install();
  const r = box.run('--status');
  assert.equal(r.code, 0, r.out);
  for (const state of Object.values(parseStatus(r.out))) assert.equal(state, 'ok');
  assert.match(r.out, /binary +user +ok +.*\/\.local\/bin\/caselog-host/);
}));

test('status: host binary deleted → every browser "broken", exit 1', withBox((box) => {
  box.install();
  fs.rmSync(path.join(box.home, '.local/bin/caselog-host'));
  const r = box.run('--status');
  assert.equal(r.code, 1);
  for (const state of Object.values(parseStatus(r.out))) assert.equal(state, 'broken');
  assert.match(r.out, /does not exist/);
}));

test('status: host not executable or wrong extension ID → that row "broken"', withBox((box) => {
  box.install();
  const chrome = manifestPath(box, userRows.find((r) => r.browser === 'chrome'));
  fs.writeFileSync(chrome, fs.readFileSync(chrome, 'utf8').replace(ids.chromium, 'a'.repeat(32)));
  let states = parseStatus(box.run('--status').out);
  assert.equal(states.chrome, 'broken');
  assert.equal(states.chromium, 'ok');
  fs.chmodSync(path.join(box.home, '.local/bin/caselog-host'), 0o644);
  const r = box.run('--status');
  assert.equal(r.code, 1);
  assert.match(r.out, /not executable/);
}));

test('re-running repairs a deleted manifest and a broken one', withBox((box) => {
  box.install();
  const rows = Object.fromEntries(userRows.map((r) => [r.browser, manifestPath(box, r)]));
  fs.rmSync(rows.firefox);
  fs.writeFileSync(rows.edge, '{"name": "something else"}');
  assert.equal(box.run('--status').code, 1);
  box.install();
  const r = box.run('--status');
  assert.equal(r.code, 0, r.out);
  assert.deepEqual(JSON.parse(fs.readFileSync(rows.firefox, 'utf8')).allowed_extensions, [ids.gecko]);
}));

test('re-running with another prefix moves the host path in every manifest', withBox((box) => {
  box.install();
  const moved = path.join(box.dir, 'opt with space');
  box.install('--prefix', moved);
  for (const row of userRows) {
    const m = JSON.parse(fs.readFileSync(manifestPath(box, row), 'utf8'));
    assert.equal(m.path, path.join(moved, 'bin/caselog-host'));
  }
  assert.equal(box.run('--status', '--prefix', moved).code, 0);
}));

test('uninstall leaves nothing behind but keeps the database', withBox((box) => {
  const db = writeDb(box);
  const filesBefore = listFiles(box.home);
  const dirsBefore = listDirs(box.home);
  const profile = path.join(box.home, 'profile');
  box.install();
  box.install('--browser-dir', profile);
  assert.ok(listFiles(box.home).length > filesBefore.length + userRows.length);
  const r = box.run('--uninstall');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /kept your database/);
  assert.deepEqual(listFiles(box.home), filesBefore);
  assert.deepEqual(listDirs(box.home), dirsBefore);
  assert.equal(fs.readFileSync(db, 'utf8'), 'the seller\'s cases');
  assert.equal(box.run('--status').code, 3);
}));

test('uninstall --browser-dir unregisters that profile only', withBox((box) => {
  const profile = path.join(box.dir, 'profile');
  box.install();
  box.install('--browser-dir', profile);
  box.run('--uninstall', '--browser-dir', profile);
  assert.deepEqual(listFiles(profile), []);
  assert.equal(box.run('--status').code, 0);
  assert.ok(fs.existsSync(path.join(box.home, '.local/bin/caselog-host')));
}));

test('uninstall --purge deletes the database and the config too', withBox((box) => {
  box.install();
  writeDb(box);
  fs.mkdirSync(path.join(box.home, '.config/caselog'), { recursive: true });
  fs.writeFileSync(path.join(box.home, '.config/caselog/config.json'), '{}');
  const r = box.run('--uninstall', '--purge');
  assert.equal(r.code, 0, r.err);
  assert.ok(!fs.existsSync(path.join(box.home, '.local/share/caselog')));
  assert.ok(!fs.existsSync(path.join(box.home, '.config/caselog')));
}));

test('bad input gets a clear error and changes nothing', withBox((box) => {
  const cases = [
    [['--frobnicate'], 2, /unknown option '--frobnicate'/],
    [['--no-deps', '--no-build'], 1, /--no-build needs --bin-dir/],
    [['--no-deps', '--no-build', '--bin-dir', box.dir], 1, /no executable caselog in/],
    [['--purge'], 1, /--purge only goes with --uninstall/],
    [['--prefix'], 1, /--prefix needs a value/],
    [['--os', 'beos'], 1, /--os must be linux or macos/],
  ];
  for (const [args, code, message] of cases) {
    const r = box.run(...args);
    assert.equal(r.code, code, args.join(' '));
    assert.match(r.err, message);
  }
  assert.deepEqual(listFiles(box.home), []);
}));

test('the closing message says how to load the extension and run the demo', withBox((box) => {
  const r = box.install();
  assert.match(r.out, /chrome:\/\/extensions/);
  assert.match(r.out, /Load unpacked/);
  assert.match(r.out, /about:debugging/);
  assert.match(r.out, /caselog demo/);
}));
