// The built content script (one classic script bundled from content/main.js and the parser)
// runs in a jsdom page with a fake extension API: it adds the Save button after the case
// title and auto-captures exactly the snapshot parse-page prints; the bundler refuses
// module syntax it does not handle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundle } from '../../extension/tools/bundle.mjs';
import { EXTENSION, FIXTURES, JSDOM } from './helpers.mjs';

const script = bundle(path.join(EXTENSION, 'src/content/main.js'), 'main');

function fakeApi({ autoCapture = true, answer } = {}) {
  const sent = [];
  return {
    sent,
    storage: { local: { get: async () => ({ settings: { autoCapture } }) } },
    runtime: {
      sendMessage: async (message) => {
        sent.push(message);
        return answer ?? { ok: true, result: { state: 'queued', reason: 'Specified native messaging host not found.' } };
      },
      onMessage: { addListener: (fn) => { sent.listener = fn; } },
    },
  };
}

function runOn(fixture, url, api) {
  const dom = new JSDOM(readFileSync(path.join(FIXTURES, fixture), 'utf8'), { url, runScripts: 'outside-only' });
  dom.window.chrome = api;
  dom.window.eval(script);
  return dom.window;
}

const until = async (fn, ms = 5000) => {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

test('on a case page the bundle adds the button after the title and auto-captures the parse-page snapshot', async () => {
  const api = fakeApi();
  const url = 'https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=17865432901&ref=sc_cd_lobby_vc';
  const window = runOn('katal-us-listing.html', url, api);
  await until(() => api.sent.length === 1);
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'katal-us-listing.json'), 'utf8'));
  assert.deepStrictEqual(JSON.parse(JSON.stringify(api.sent[0])), { type: 'capture', snapshot: expected }); // another realm's objects
  const title = window.document.querySelector('[data-test-tag="case-title"]');
  const host = title.nextElementSibling;
  assert.equal(host.getAttribute('data-caselog'), 'save-button');
  await until(() => host.shadowRoot.querySelector('button').textContent === 'Queued');
  assert.match(host.shadowRoot.querySelector('button').title, /not found/);
  window.close();
});

test('with auto-capture off nothing is sent until the button is pressed', async () => {
  const api = fakeApi({ autoCapture: false, answer: { ok: true, result: { state: 'saved', caseId: '18234567890', newMessages: 2 } } });
  const url = 'https://sellercentral.amazon.de/cu/case-dashboard/view-case?ie=UTF8&caseID=18234567890&mons_sel_mkid=A1PA6795UKMFR9';
  const window = runOn('katal-de-fba.html', url, api);
  await until(() => window.document.querySelector('[data-caselog]'));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(api.sent.length, 0);
  const button = window.document.querySelector('[data-caselog]').shadowRoot.querySelector('button');
  button.click();
  await until(() => button.textContent === 'Saved · 2 new');
  assert.equal(api.sent[0].snapshot.case.caseId, '18234567890');
  window.close();
});

test('the popup\'s capture request and the menu\'s selection request are answered', async () => {
  const api = fakeApi({ autoCapture: false, answer: { ok: true, result: { state: 'saved', caseId: '19012345678', newMessages: 0 } } });
  const window = runOn('katal-jp.html', 'https://sellercentral.amazon.co.jp/cu/case-dashboard/view-case?caseID=19012345678', api);
  const result = await new Promise((resolve) => {
    assert.equal(api.sent.listener({ type: 'caselog-capture-now' }, {}, resolve), true);
  });
  assert.deepStrictEqual([result.state, result.summary], ['saved', 'parsed 6 of 6 fields']);
  const selection = await new Promise((resolve) => api.sent.listener({ type: 'caselog-selection' }, {}, resolve));
  assert.equal(selection.title, 'ケースログ | Amazon セラーセントラル');
  window.close();
});

test('the bundler refuses module syntax it does not handle', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'caselog-bundle-'));
  try {
    writeFileSync(path.join(dir, 'a.js'), "export default function main() {}\n");
    assert.throws(() => bundle(path.join(dir, 'a.js'), 'main'), /unsupported module syntax/);
    writeFileSync(path.join(dir, 'b.js'), "import { c } from './c.js';\nexport function main() { return c; }\n");
    writeFileSync(path.join(dir, 'c.js'), "import { main } from './b.js';\nexport const c = 1;\n");
    assert.throws(() => bundle(path.join(dir, 'b.js'), 'main'), /import cycle/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
