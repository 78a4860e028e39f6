#!/usr/bin/env node
// Emits the per-browser variants from the ONE manifest source (src/manifest.json):
//   dist/chromium  — service worker background; `key` kept (fixed extension ID)
//   dist/firefox   — background.scripts (module), gecko add-on ID; no `key`
// Both get content/content.js, the content module and the parser bundled into one classic
// script (content scripts cannot be modules; tools/bundle.mjs). Also checks that the
// manifest's host permissions are exactly the marketplace list the parser knows
// (src/parser/marketplaces.js), so the two can never drift apart.
//   node tools/build.mjs [--out DIR]
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchPatterns } from '../src/parser/marketplaces.js';
import { bundle } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const CONTENT_BUNDLE = 'content/content.js';

export function chromiumManifest(source) {
  const m = structuredClone(source);
  delete m.browser_specific_settings;
  return m;
}

export function firefoxManifest(source) {
  const m = structuredClone(source);
  delete m.key;
  delete m.minimum_chrome_version;
  m.background = { scripts: [source.background.service_worker], type: source.background.type };
  return m;
}

export function checkManifest(manifest) {
  const expected = matchPatterns();
  const actual = manifest.host_permissions;
  if (JSON.stringify([...actual].sort()) !== JSON.stringify([...expected].sort())) {
    throw new Error('manifest host_permissions differ from src/parser/marketplaces.js');
  }
  const files = [manifest.background.service_worker, manifest.action.default_popup, manifest.options_ui.page,
    ...Object.values(manifest.icons)];
  const absent = files.filter((f) => !existsSync(path.join(src, f)));
  if (absent.length) throw new Error(`manifest names missing files: ${absent.join(', ')}`);
  if (JSON.stringify(manifest.content_scripts.flatMap((c) => c.js)) !== JSON.stringify([CONTENT_BUNDLE])) {
    throw new Error(`the content script must be the built ${CONTENT_BUNDLE}`);
  }
}

export function build(outDir = path.join(root, 'dist')) {
  const source = JSON.parse(readFileSync(path.join(src, 'manifest.json'), 'utf8'));
  checkManifest(source);
  const variants = { chromium: chromiumManifest(source), firefox: firefoxManifest(source) };
  const contentScript = bundle(path.join(src, 'content/main.js'), 'main');
  for (const [name, manifest] of Object.entries(variants)) {
    const dir = path.join(outDir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(src, dir, { recursive: true, filter: (f) => path.basename(f) !== 'manifest.json' });
    writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    writeFileSync(path.join(dir, CONTENT_BUNDLE), contentScript);
  }
  return Object.fromEntries(Object.keys(variants).map((n) => [n, path.join(outDir, n)]));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  const dirs = build(i > 0 ? path.resolve(process.argv[i + 1]) : undefined);
  for (const [name, dir] of Object.entries(dirs)) console.log(`${name}: ${dir}`);
}
