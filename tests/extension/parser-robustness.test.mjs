// The parser degrades to a partial capture (or a clear UnrecognisedPage), never a crash,
// when parts of a page are missing; and it stays fast on long threads with big replies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePage, UnrecognisedPage } from '../../extension/src/parser/index.js';
import { FIXTURES, fixturePairs, loadDocument, canonicalUrl } from './helpers.mjs';

// Small deterministic PRNG (mulberry32) so a failure reproduces.
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('every fixture with random parts removed parses partially or is refused cleanly', () => {
  let partial = 0;
  let refused = 0;
  for (const pair of fixturePairs()) {
    const html = readFileSync(pair.html, 'utf8');
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = random(seed * 7919 + pair.name.length);
      const doc = loadDocument(html);
      const url = canonicalUrl(doc);
      for (const el of [...doc.body.querySelectorAll('*')]) if (rnd() < 0.2) el.remove();
      try {
        const snap = parsePage(doc, url);
        assert.ok(Array.isArray(snap.missing), `${pair.name}#${seed}: no missing list`);
        assert.match(snap.summary, /^parsed \d+ of \d+ fields$/);
        partial += 1;
      } catch (error) {
        assert.ok(error instanceof UnrecognisedPage, `${pair.name}#${seed}: ${error.stack}`);
        refused += 1;
      }
    }
  }
  assert.ok(partial > 0 && refused >= 0);
});

test('a page with every field removed but the thread still gives the thread', () => {
  const doc = loadDocument(readFileSync(path.join(FIXTURES, 'katal-de-fba.html'), 'utf8'));
  doc.querySelector('section.css-9fe').remove();
  const snap = parsePage(doc, canonicalUrl(doc));
  assert.equal(snap.case.caseId, '18234567890', 'case ID from the URL');
  assert.equal(snap.case.messages.length, 2);
  assert.deepStrictEqual(snap.missing, ['subject', 'status', 'category', 'createdAt']);
  assert.equal(snap.summary, 'parsed 2 of 6 fields');
});

function longThread(messages, bodyBytes) {
  const filler = 'The investigation of shipment FBA15XYZ9876 found the units in the fulfilment centre. ';
  const body = filler.repeat(Math.ceil(bodyBytes / filler.length)).slice(0, bodyBytes);
  const boxes = Array.from({ length: messages }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = String(i % 24).padStart(2, '0');
    return `<kat-box><div><span data-testid="sender-label">${i % 2 ? 'Amazon' : 'You'}</span>
      <span>2026-10-${day} ${hour}:00 PST</span></div><div><p>${i}: ${body}</p><p>Regards</p></div></kat-box>`;
  });
  return `<html><body><div class="view-case"><h2><span data-test-tag="case-title">Long</span></h2>
    <div>ID: 17865432901 Status: Open Created: Oct 1, 2026</div>${boxes.join('\n')}</div></body></html>`;
}

test('a 100-message thread of 20 KB replies (2 MB) parses in under five seconds (catches quadratic slowdowns)', () => {
  const html = longThread(100, 20000);
  const doc = loadDocument(html);
  const start = performance.now();
  const snap = parsePage(doc, 'https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=17865432901');
  const ms = performance.now() - start;
  console.log(`# parse: ${(html.length / 1e6).toFixed(1)} MB page, ${snap.case.messages.length} messages in ${ms.toFixed(0)} ms`);
  assert.equal(snap.case.messages.length, 100);
  assert.ok(snap.case.messages.every((m) => m.body.length > 20000));
  assert.ok(ms < 5000, `took ${ms} ms`);
});
