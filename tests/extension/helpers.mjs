// Shared test helpers: jsdom from the extension's node_modules, fixture loading.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const EXTENSION = path.join(ROOT, 'extension');
export const FIXTURES = path.join(here, 'fixtures');

const requireFromExtension = createRequire(path.join(EXTENSION, 'package.json'));
export const { JSDOM } = requireFromExtension('jsdom');

export function loadDocument(html) {
  return new JSDOM(html).window.document;
}

/** Every fixture page that has an expected snapshot beside it. */
export function fixturePairs() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ name: f.replace(/\.html$/, ''), html: path.join(FIXTURES, f), json: path.join(FIXTURES, f.replace(/\.html$/, '.json')) }))
    .filter((p) => {
      try {
        readFileSync(p.json);
        return true;
      } catch {
        return false;
      }
    });
}

export function canonicalUrl(doc) {
  return doc.querySelector('link[rel="canonical"]').getAttribute('href');
}
