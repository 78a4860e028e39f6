#!/usr/bin/env node
// Prints the snapshot the extension would send for a saved page:
//   node extension/tools/parse-page.mjs PAGE.html --url URL
// Exit 0 with JSON on stdout; 1 with a message on stderr for a page it does not
// recognise or cannot read; 2 for a usage error.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { parsePage, UnrecognisedPage } from '../src/parser/index.js';

const USAGE = 'usage: parse-page.mjs PAGE.html [--url URL]  (URL defaults to the page\'s <link rel="canonical">)';

function parseArgs(argv) {
  const args = { file: null, url: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--url') args.url = argv[++i] ?? null;
    else if (argv[i].startsWith('--url=')) args.url = argv[i].slice(6);
    else if (argv[i] === '-h' || argv[i] === '--help') return null;
    else if (!args.file) args.file = argv[i];
    else return null;
  }
  return args.file ? args : null;
}

function fail(code, message) {
  process.stderr.write(`parse-page: ${message}\n`);
  process.exit(code);
}

const args = parseArgs(process.argv.slice(2));
if (!args) fail(2, USAGE);
let html;
try {
  html = readFileSync(args.file, 'utf8');
} catch (e) {
  fail(1, `cannot read ${args.file}: ${e.message}`);
}
const { document } = new JSDOM(html).window;
const url = args.url ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href');
if (!url) fail(2, `no --url given and no canonical link in ${args.file}\n${USAGE}`);
try {
  process.stdout.write(`${JSON.stringify(parsePage(document, url), null, 2)}\n`);
} catch (e) {
  if (e instanceof UnrecognisedPage) fail(1, `unrecognised page: ${e.message}`);
  throw e;
}
