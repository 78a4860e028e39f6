// Timestamps in every zone style Seller Central prints, and HTML → plain text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate } from '../../extension/src/parser/dates.js';
import { htmlToText } from '../../extension/src/parser/text.js';
import { loadDocument } from './helpers.mjs';

const CASES = [
  ['Nov 20, 2026 at 2:05:00 PM GMT-8', '2026-11-20T22:05:00Z'],
  ['Nov 21, 2026 1:12 AM PST', '2026-11-21T09:12:00Z'],
  ['Jul 4, 2026 11:59 PM PDT', '2026-07-05T06:59:00Z'],
  ['20.11.2026 14:05 MEZ', '2026-11-20T13:05:00Z'],
  ['20. Juli 2026, 14:05:30 MESZ', '2026-07-20T12:05:30Z'],
  ['2026/11/20 14:05 JST', '2026-11-20T05:05:00Z'],
  ['2026年11月20日 午後2:05 JST', '2026-11-20T05:05:00Z'],
  ['20 nov. 2026 à 14:05 UTC+1', '2026-11-20T13:05:00Z'],
  ['1 févr. 2026 08:00 CET', '2026-02-01T07:00:00Z'],
  ['20 de noviembre de 2026 14:05 CET', '2026-11-20T13:05:00Z'],
  ['20 giu 2026 08:30 CEST', '2026-06-20T06:30:00Z'],
  ['20 Nov 2026 09:00 GMT', '2026-11-20T09:00:00Z'],
  ['20 Jun 2026 09:00 BST', '2026-06-20T08:00:00Z'],
  ['21 Nov 2026 10:00 AEST', '2026-11-21T00:00:00Z'],
  ['21 Nov 2026 10:00 IST', '2026-11-21T04:30:00Z'],
  ['Nov 20, 2026 2:05 PM GMT+05:30', '2026-11-20T08:35:00Z'],
  ['2026-11-20T14:05:00+01:00', '2026-11-20T13:05:00Z'],
  ['Dec 31, 2026 11:30 PM PST', '2027-01-01T07:30:00Z'],
  ['12:00 AM Nov 1, 2026 UTC', '2026-11-01T00:00:00Z'],
  ['Nov 20, 2026', '2026-11-20T00:00:00Z'],
];

for (const [text, iso] of CASES) {
  test(`date "${text}" → ${iso}`, () => assert.equal(parseDate(text)?.iso, iso));
}

test('numeric dates follow the marketplace order', () => {
  assert.equal(parseDate('03/04/2026 10:00 GMT', { order: 'DMY' }).iso, '2026-04-03T10:00:00Z');
  assert.equal(parseDate('03/04/2026 10:00 GMT', { order: 'MDY' }).iso, '2026-03-04T10:00:00Z');
});

test('text that is no date gives null', () => {
  for (const text of ['', 'Thank you', 'ID: 17865432901', '31.02.2026', 'Status: Open', null, 42]) {
    assert.equal(parseDate(text), null, String(text));
  }
});

test('a time without a zone is read as UTC and says so', () => {
  assert.deepStrictEqual(parseDate('Nov 20, 2026 2:05 PM'), { iso: '2026-11-20T14:05:00Z', hasTime: true, hasZone: false });
});

function text(html) {
  return htmlToText(loadDocument(`<div id="x">${html}</div>`).getElementById('x'));
}

test('<br> and blocks become line breaks, paragraphs blank lines', () => {
  assert.equal(text('a<br>b<br><br>c'), 'a\nb\n\nc');
  assert.equal(text('<div>a</div><div>b</div>'), 'a\nb');
  assert.equal(text('<div>a</div><div><br></div><div>b</div>'), 'a\n\nb');
  assert.equal(text('<p>a</p><p>b</p>'), 'a\n\nb');
  assert.equal(text('<ul><li>one</li><li>two</li></ul>'), 'one\ntwo');
  assert.equal(text('a<br></div>'), 'a');
});

test('scripts, styles, images and frames are dropped; entities decoded; spaces collapsed', () => {
  assert.equal(text('x<script>alert(1)</script><style>p{}</style><img src=x onerror="alert(1)"><iframe src="e"></iframe>y'), 'xy');
  assert.equal(text('&lt;b&gt; &amp; &quot;q&quot; &eacute;&nbsp;&nbsp;z   w'), '<b> & "q" é z w');
});

test('table rows become lines with cells separated by spaces', () => {
  assert.equal(text('<table><tr><td>SKU</td><td>10</td></tr><tr><td>X</td><td>2</td></tr></table>'), 'SKU 10\nX 2');
});
