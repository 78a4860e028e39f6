// Every fixture page parses to exactly its expected snapshot; plus targeted parser behaviour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, fixturePairs, loadDocument, canonicalUrl } from './helpers.mjs';
import { parsePage, detectPage, UnrecognisedPage } from '../../extension/src/parser/index.js';

const pairs = fixturePairs();

test('there are at least 12 fixture pages with expected snapshots', () => {
  assert.ok(pairs.length >= 12, `only ${pairs.length} fixtures`);
});

for (const pair of pairs) {
  test(`fixture ${pair.name} parses to its expected snapshot`, () => {
    const doc = loadDocument(readFileSync(pair.html, 'utf8'));
    const expected = JSON.parse(readFileSync(pair.json, 'utf8'));
    assert.deepStrictEqual(parsePage(doc, canonicalUrl(doc)), expected);
  });
}

function parseFixture(name) {
  const doc = loadDocument(readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8'));
  return parsePage(doc, canonicalUrl(doc));
}

test('fixtures cover current and legacy UI, lists, Brand Registry and six languages', () => {
  const snaps = pairs.map((p) => parseFixture(p.name));
  const parsers = new Set(snaps.map((s) => s.parser));
  assert.ok(parsers.has('view-case/katal@1') && parsers.has('view-case/legacy@1') && parsers.has('case-list/table@1'));
  const hosts = new Set(snaps.map((s) => new URL(s.url).hostname));
  for (const h of ['sellercentral.amazon.com', 'sellercentral.amazon.de', 'sellercentral.amazon.co.jp',
    'sellercentral.amazon.fr', 'sellercentral.amazon.it', 'sellercentral.amazon.es', 'brandregistry.amazon.com']) {
    assert.ok(hosts.has(h), `no fixture for ${h}`);
  }
});

test('a newest-first thread becomes oldest first', () => {
  const html = readFileSync(path.join(FIXTURES, 'katal-us-listing.html'), 'utf8');
  assert.ok(html.indexOf('Nov 23, 2026') < html.indexOf('Nov 20, 2026 6:05'), 'fixture must be newest first');
  const times = parseFixture('katal-us-listing').case.messages.map((m) => m.sentAt);
  assert.deepStrictEqual(times, [...times].sort());
});

test('a paged thread gives one snapshot per page that together hold the whole thread, oldest first', () => {
  const first = parseFixture('katal-us-long-page1');
  const second = parseFixture('katal-us-long-page2');
  assert.deepStrictEqual(first.thread, { page: 1, pages: 2 });
  assert.deepStrictEqual(second.thread, { page: 2, pages: 2 });
  assert.equal(first.case.caseId, second.case.caseId);
  assert.equal(first.case.createdAt, second.case.createdAt, 'createdAt must not change between pages');
  const merged = [...second.case.messages, ...first.case.messages].map((m) => m.sentAt);
  assert.equal(merged.length, 15);
  assert.deepStrictEqual(merged, [...merged].sort());
});

test('hostile content in a reply never reaches the snapshot as markup or script', () => {
  const snap = parseFixture('katal-fr-hostile');
  const body = snap.case.messages[1].body;
  for (const bad of ['document.cookie', 'evil.example', "alert('caselog')", 'onerror', 'display:none', 'javascript:']) {
    assert.ok(!body.includes(bad), `body contains ${bad}`);
  }
  assert.match(body, /<script>alert\(2\)<\/script>/, 'escaped text the page showed is kept as text');
});

test('fields the parser could not find are listed, and the summary counts them', () => {
  const snap = parseFixture('katal-fr-hostile');
  assert.deepStrictEqual(snap.missing, ['category', 'messages[2].sentAt']);
  assert.equal(snap.summary, 'parsed 5 of 6 fields');
  assert.equal(snap.case.category, null);
});

test('a page that is no case page is refused with UnrecognisedPage', () => {
  const doc = loadDocument(readFileSync(path.join(FIXTURES, 'unknown-home.html'), 'utf8'));
  assert.equal(detectPage(doc, 'https://sellercentral.amazon.com/home'), null);
  assert.throws(() => parsePage(doc, 'https://sellercentral.amazon.com/home'), UnrecognisedPage);
  assert.throws(() => parsePage(doc, 'not a url'), UnrecognisedPage);
});

test('the case ID falls back to the URL when the page shows none', () => {
  const doc = loadDocument(`<div class="view-case"><h2><span data-test-tag="case-title">T</span></h2>
    <kat-box><span data-testid="sender-label">Amazon</span><span>Nov 2, 2026 1:00 PM PST</span><div>Hi</div></kat-box></div>`);
  const snap = parsePage(doc, 'https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=12345678901');
  assert.equal(snap.case.caseId, '12345678901');
  assert.deepStrictEqual(snap.missing, ['status', 'category', 'createdAt']);
  assert.equal(snap.summary, 'parsed 3 of 6 fields');
});

test('a restyled page (new generated class names) parses the same', () => {
  const html = readFileSync(path.join(FIXTURES, 'katal-us-listing.html'), 'utf8');
  const restyled = html.replace(/class="[^"]*"/g, (m, i) => `class="x${i}"`);
  const doc = loadDocument(restyled);
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'katal-us-listing.json'), 'utf8'));
  assert.deepStrictEqual(parsePage(doc, canonicalUrl(doc)), expected);
});
