// Message table, reminders, settings, error codes, history-view links, safe snippet
// rendering, the in-page button's words and the popup's rendering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeHandlers, dispatch } from '../../extension/src/background/handlers.js';
import { Reminders, badgeText, notificationId, caseIdOfNotification } from '../../extension/src/background/reminders.js';
import { Settings, normalizeSettings, settingsRequest, DEFAULT_SETTINGS } from '../../extension/src/background/settings.js';
import { ERROR_CODES, HostError, isRetryable, isHostMissing } from '../../extension/src/lib/protocol.js';
import { viewUrl, caseUrl } from '../../extension/src/lib/view-url.js';
import { snippetParts, renderSnippet } from '../../extension/src/lib/snippet.js';
import { buttonLabel, buttonTooltip } from '../../extension/src/content/save-button.js';
import { connectionView, renderHits, captureResultText } from '../../extension/src/popup/render.js';
import { FakeStorage } from './fakes.mjs';
import { ROOT, loadDocument } from './helpers.mjs';

const VIEW = 'http://127.0.0.1:8731/?token=s3cr3t';

function fakeClient(overrides = {}) {
  return { connected: true, state: 'connected', hello: { view: VIEW }, lastError: null, requests: [],
    snapshot() { return { state: this.state, hello: this.hello, lastError: this.lastError }; },
    retryNow() {},
    async request(m) { this.requests.push(m); return overrides.answer ? overrides.answer(m) : { type: 'ok' }; },
    ...overrides };
}

test('the message table answers every known type and refuses unknown ones without throwing', async () => {
  const opened = [];
  const client = fakeClient({ answer: (m) => ({ type: 'results', hits: [{ caseId: '1', snippet: m.query }], next: null }) });
  const handlers = makeHandlers({ client, capture: {}, outbox: {}, reminders: { due: [] }, settings: {}, openTab: async (u) => opened.push(u) });
  const unknown = await dispatch(handlers, { type: 'drop-database' }, {});
  assert.deepStrictEqual(unknown, { ok: false, error: { code: 'unknown_message', message: 'no handler for drop-database' } });
  assert.equal((await dispatch(handlers, { type: 'toString' }, {})).ok, false, 'no prototype keys as handlers');
  const search = await dispatch(handlers, { type: 'search', query: ' B08XYZ1234 ', limit: 500 }, {});
  assert.equal(search.ok, true);
  assert.deepStrictEqual(client.requests[0], { type: 'search', query: 'B08XYZ1234', author: 'amazon', limit: 50 });
  assert.deepStrictEqual((await dispatch(handlers, { type: 'search', query: '  ' }, {})).result, { hits: [], next: null });
  await dispatch(handlers, { type: 'open-case', caseId: '17865432901' }, {});
  assert.deepStrictEqual(opened, ['http://127.0.0.1:8731/cases/17865432901?token=s3cr3t']);
});

test('a handler that fails answers {ok:false} with its code', async () => {
  const client = fakeClient({ hello: null, request: async () => { throw new HostError('not_connected'); } });
  const handlers = makeHandlers({ client, capture: {}, outbox: {}, reminders: {}, settings: {}, openTab: async () => {} });
  const answer = await dispatch(handlers, { type: 'search', query: 'x' }, {});
  assert.deepStrictEqual(answer, { ok: false, error: { code: 'not_connected', message: 'the host is not running' } });
  const view = await dispatch(handlers, { type: 'open-view' }, {});
  assert.equal(view.error.code, 'no_view');
});

test('history-view links keep the token and escape the case ID', () => {
  assert.equal(viewUrl(VIEW, '/'), 'http://127.0.0.1:8731/?token=s3cr3t');
  assert.equal(viewUrl(VIEW, '/search', { q: 'a&b' }), 'http://127.0.0.1:8731/search?token=s3cr3t&q=a%26b');
  assert.equal(caseUrl(VIEW, '12/../x'), 'http://127.0.0.1:8731/cases/12%2F..%2Fx?token=s3cr3t');
  assert.equal(viewUrl(null, '/'), null);
});

test('reminder pushes become notifications (when enabled) and the badge counts due reminders', async () => {
  const created = [];
  const badge = [];
  let due = [{ caseId: '1' }, { caseId: '2' }];
  const reminders = new Reminders({
    client: { request: async () => ({ type: 'due', reminders: due }) },
    action: { setBadgeText: async (b) => badge.push(b.text), setBadgeBackgroundColor: async () => {} },
    notifications: { create: async (id, options) => created.push({ id, options }) },
    settings: async () => ({ notifications: true }),
    iconUrl: 'icon.png',
    now: () => 42,
  });
  await reminders.onPush({ type: 'reminder', caseId: '17865432901', subject: 'Listing suppressed', rule: 'amazon_silent', message: 'Amazon silent for 6 business days' });
  assert.equal(created.length, 1);
  assert.equal(caseIdOfNotification(created[0].id), '17865432901');
  assert.equal(created[0].options.message, 'Amazon silent for 6 business days');
  assert.deepStrictEqual(badge, ['2']);
  due = [];
  await reminders.refresh();
  assert.deepStrictEqual(badge, ['2', '']);
  reminders.client = { request: async () => ({ type: 'due', reminders: [{ caseId: '1' }], total: 12 }) };
  await reminders.refresh();
  assert.equal(badge.at(-1), '12', 'the badge counts every due reminder, not only the ones sent');
  assert.equal(badgeText(150), '99+');
  assert.equal(caseIdOfNotification('other'), null);
  assert.equal(notificationId({ caseId: '5', rule: 'r' }, 1), 'caselog-reminder|5|r|1');
});

test('notifications switched off: the badge still updates, no notification', async () => {
  const created = [];
  const reminders = new Reminders({
    client: { request: async () => ({ reminders: [{ caseId: '1' }] }) },
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {} },
    notifications: { create: async (id) => created.push(id) },
    settings: async () => ({ notifications: false }),
  });
  await reminders.onPush({ type: 'reminder', caseId: '1' });
  assert.equal(created.length, 0);
  assert.equal(reminders.due.length, 1);
});

test('settings: defaults, range checks, the config overlay for the host, unknown_type handled', async () => {
  assert.deepStrictEqual(normalizeSettings(), DEFAULT_SETTINGS);
  assert.throws(() => normalizeSettings({ thresholds: { expectedReplyBusinessDays: 0 } }), /from 1 to 60/);
  assert.throws(() => normalizeSettings({ thresholds: { reopenWindowDays: 2.5 } }), /whole number/);
  assert.deepStrictEqual(settingsRequest(DEFAULT_SETTINGS).config.timing, { expectedReplyBusinessDays: 5, reopenWindowDays: 30 });
  const settings = new Settings(new FakeStorage());
  const old = { connected: true, request: async () => { throw new HostError('unknown_type', 'unknown type settings'); } };
  const saved = await settings.save({ autoCapture: false, thresholds: { expectedReplyBusinessDays: 3 } }, old);
  assert.equal(saved.host, 'unsupported');
  assert.equal((await settings.get()).autoCapture, false);
  assert.equal((await settings.get()).thresholds.expectedReplyBusinessDays, 3);
  const offline = await settings.save({}, { connected: false });
  assert.equal(offline.host, 'later');
});

// The error codes the protocol documents: docs/PROTOCOL.md's table, else DESIGN.md's list.
function documentedErrorCodes() {
  const protocol = path.join(ROOT, 'docs/PROTOCOL.md');
  if (existsSync(protocol)) {
    const section = readFileSync(protocol, 'utf8').split(/^## Errors$/m)[1].split(/^## /m)[0];
    return { from: 'docs/PROTOCOL.md', codes: [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]) };
  }
  const design = [path.join(ROOT, '../shared/DESIGN.md'), '/work/shared/DESIGN.md'].find(existsSync);
  const line = readFileSync(design, 'utf8').match(/`code` one of([^.]*)\./s)[1];
  return { from: 'DESIGN.md', codes: [...line.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]) };
}

test("error codes: the extension's table matches the protocol document exactly", () => {
  const { from, codes } = documentedErrorCodes();
  assert.ok(codes.length >= 7, `no error codes found in ${from}`);
  assert.deepStrictEqual(Object.keys(ERROR_CODES).sort(), [...codes].sort(), `differs from ${from}`);
  assert.equal(isRetryable('storage'), true);
  assert.equal(isRetryable('bad_request'), false);
  assert.equal(isRetryable('timeout'), true);
  assert.ok(isHostMissing('Specified native messaging host not found.'));
  assert.ok(isHostMissing('No such native application dev.caselog.host'));
  assert.ok(!isHostMissing('Native host has exited.'));
});

test('snippets: \\x02…\\x03 marks become <mark>, hostile text stays text', () => {
  assert.deepStrictEqual(snippetParts('a \x02B08XYZ1234\x03 b'), [
    { text: 'a ', mark: false }, { text: 'B08XYZ1234', mark: true }, { text: ' b', mark: false }]);
  const doc = loadDocument('<div id="x"></div>');
  const div = doc.getElementById('x');
  div.append(renderSnippet(doc, '<img src=x onerror="alert(1)"> \x02<b>hit</b>\x03 \x02dangling'));
  assert.equal(div.querySelector('img'), null);
  assert.equal(div.querySelector('b'), null);
  assert.equal(div.querySelector('mark').textContent, '<b>hit</b>');
  assert.equal(div.textContent, '<img src=x onerror="alert(1)"> <b>hit</b> dangling');
});

test('popup search results render subjects and snippets as text', () => {
  const doc = loadDocument('<ul id="hits"></ul>');
  const opened = [];
  renderHits(doc, { query: 'x', hits: [{ caseId: '1', subject: '<script>bad()</script>', snippet: '\x02x\x03<img onerror=1>', sentAt: '2026-11-21T09:12:00Z' }] }, (id) => opened.push(id));
  const li = doc.querySelector('#hits li');
  assert.equal(doc.querySelector('#hits script'), null);
  assert.equal(doc.querySelector('#hits img'), null);
  assert.equal(li.querySelector('.title').textContent, '<script>bad()</script>');
  li.click();
  assert.deepStrictEqual(opened, ['1']);
  renderHits(doc, { query: 'zzz', hits: [] }, () => {});
  assert.equal(doc.querySelector('#hits li').textContent, 'No Amazon reply matches.');
});

test('connection line: connected, host missing (install hint), unreachable with retry time', () => {
  assert.deepStrictEqual(connectionView({ state: 'connected', hello: { host: '0.1.0', db: '/home/s/.local/share/caselog/caselog.db' } }),
    { state: 'connected', text: 'Connected · caselog-host 0.1.0', db: '/home/s/.local/share/caselog/caselog.db', hint: false });
  const missing = connectionView({ state: 'down', lastError: 'Specified native messaging host not found.' });
  assert.equal(missing.hint, true);
  assert.match(missing.text, /installer\/install\.sh/);
  const down = connectionView({ state: 'down', lastError: 'Native host has exited.', nextRetryAt: 9000 }, 5000);
  assert.deepStrictEqual([down.text, down.hint], ['Host not reachable · retrying in 4 s', false]);
});

test('button and popup words for every capture result', () => {
  assert.equal(buttonLabel(null), 'Save to CaseLog');
  assert.equal(buttonLabel({ state: 'saved', newMessages: 2 }), 'Saved · 2 new');
  assert.equal(buttonLabel({ state: 'saved', newMessages: 0 }), 'Saved · up to date');
  assert.equal(buttonLabel({ state: 'saved', created: true, newMessages: 4 }), 'Saved · new case');
  assert.equal(buttonLabel({ state: 'saved', list: true, created: 1 }), 'Saved · 1 new case');
  assert.equal(buttonLabel({ state: 'queued' }), 'Queued');
  assert.equal(buttonLabel({ state: 'failed', reason: 'no case ID found on the page' }), 'Failed — no case ID found on the page');
  assert.equal(captureResultText({ state: 'saved', caseId: '1', newMessages: 1, priority: { label: 'P2' } }), 'Saved case 1 · 1 new message · P2');
  // Queued because the host is away, or because it could not write its database (it is there).
  assert.equal(captureResultText({ state: 'queued', reason: 'the host is not connected' }),
    'Queued: the host is not reachable (the host is not connected). It is sent when the host is back.');
  const full = { state: 'queued', code: 'storage', reason: 'no space left on the disk that holds /d/caselog.db' };
  assert.equal(captureResultText(full),
    'Queued: the host could not store it (no space left on the disk that holds /d/caselog.db). It is sent again by itself.');
  assert.equal(buttonTooltip(full), 'The host could not store it (no space left on the disk that holds /d/caselog.db); sent again by itself.');
  assert.equal(buttonTooltip({ state: 'queued', reason: 'Native host has exited.' }),
    'Host not reachable (Native host has exited.); saved as soon as it is back.');
});
