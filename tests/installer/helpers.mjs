// Shared pieces of the installer tests: a throw-away HOME, the installer run inside it, the browser
// table and the extension IDs read from the same files install.sh reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const installer = path.join(root, 'installer/install.sh');
export const ids = JSON.parse(fs.readFileSync(path.join(root, 'extension/ids.json'), 'utf8'));

// Rows of installer/browsers.tsv as objects; "~" left as written.
export function tableRows() {
  return fs
    .readFileSync(path.join(root, 'installer/browsers.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [browser, family, osName, scope, location] = line.split('\t');
      return { browser, family, os: osName, scope, location };
    });
}

// A sandbox: temp HOME, a bin folder with two small executables standing in for the built
// binaries (the installer only copies them), and a runner for install.sh inside it.
export function sandbox() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caselog-installer-'));
  const home = path.join(dir, 'home');
  const bin = path.join(dir, 'built');
  const sysroot = path.join(dir, 'sysroot');
  fs.mkdirSync(home);
  fs.mkdirSync(bin);
  for (const name of ['caselog', 'caselog-host']) {
    fs.writeFileSync(path.join(bin, name), `#!/bin/sh\necho ${name}\n`, { mode: 0o755 });
  }
  const env = { PATH: process.env.PATH, HOME: home, LANG: 'C' };
  const run = (...args) => {
    const r = spawnSync('bash', [installer, ...args], { env, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const install = (...args) => {
    const r = run('--no-deps', '--no-build', '--bin-dir', bin, ...args);
    if (r.code !== 0) throw new Error(`install failed (${r.code}): ${r.err}`);
    return r;
  };
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  return { dir, home, bin, sysroot, env, run, install, cleanup };
}

// Where a row's manifest lands inside a sandbox.
export function manifestPath(box, row) {
  let folder = row.location.replace(/^~\//, `${box.home}/`);
  if (row.scope === 'system') folder = box.sysroot + folder;
  return path.join(folder, `${ids.host}.json`);
}

// Every file and symlink under dir, relative, sorted.
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

// Every folder under dir (relative, sorted): uninstall must not leave empty ones behind either.
export function listDirs(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = path.join(d, e.name);
      out.push(path.relative(dir, p));
      walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

// Status lines as { label: state } for the browser rows.
export function parseStatus(text) {
  const states = {};
  for (const line of text.split('\n').slice(1)) {
    const [label, , state] = line.trim().split(/\s+/);
    if (label && state && label !== 'binary' && !label.startsWith('database')) states[label] = state;
  }
  return states;
}
