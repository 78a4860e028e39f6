// Outbox and capture delivery: written before sending, removed only on ack, retried
// on reconnect and after a restart, refused captures kept in the failed list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NativeClient } from '../../extension/src/background/native-client.js';
import { Outbox } from '../../extension/src/background/outbox.js';
import { CaptureService, toRequest, invalidSnapshot } from '../../extension/src/background/capture.js';
import { snapshotForSelection } from '../../extension/src/background/menus.js';
import { fakeConnector, simpleHost, FakeStorage, ManualTimers, settle } from './fakes.mjs';
import { FIXTURES } from './helpers.mjs';

const snapshot = JSON.parse(readFileSync(path.join(FIXTURES, 'katal-us-listing.json'), 'utf8'));
const listSnapshot = JSON.parse(readFileSync(path.join(FIXTURES, 'list-legacy-de.json'), 'utf8'));
const NOW = () => new Date('2026-11-26T10:00:00Z');

function setUp({ missing = false, storage = new FakeStorage(), host } = {}) {
  const log = [];
  const connector = fakeConnector({ missing, host: host ?? simpleHost(log) });
  const timers = new ManualTimers();
  const client = new NativeClient({ connect: connector.connect, reasonOf: connector.reasonOf, extensionVersion: '0.1.0', timers });
  const outbox = new Outbox(storage);
  const capture = new CaptureService({ client, outbox, now: NOW });
  client.on('connected', () => capture.flush());
  return { connector, timers, client, outbox, capture, storage, log };
}

test('toRequest builds the protocol capture exactly from the snapshot', () => {
  const request = toRequest(snapshot, '2026-11-26T10:00:00Z');
  assert.deepStrictEqual(request, {
    type: 'capture',
    source: { url: snapshot.url, capturedAt: '2026-11-26T10:00:00Z', page: 'view-case', parser: 'view-case/katal@1', missing: [], summary: 'parsed 6 of 6 fields' },
    case: snapshot.case,
  });
  const list = toRequest(listSnapshot, 'T');
  assert.equal(list.type, 'capture_list');
  assert.equal(list.cases.length, 3);
});

test('a capture is in storage before it is posted to the host, and gone after the ack', async () => {
  const { connector, client, capture, storage } = setUp();
  client.start();
  await settle();
  let storedAtPost = null;
  const post = connector.port.afterPost;
  connector.port.afterPost = (m) => {
    if (m.type === 'capture') storedAtPost = storage.keys('outbox:').length;
    post(m);
  };
  const result = await capture.capture(snapshot);
  assert.equal(storedAtPost, 1, 'the outbox entry existed when the request went out');
  assert.equal(result.state, 'saved');
  assert.equal(result.newMessages, 4);
  assert.equal(result.created, true);
  assert.deepStrictEqual(storage.keys('outbox:'), []);
});

test('while the host is missing a capture is queued, and delivered once it connects', async () => {
  const { connector, client, capture, storage, timers, log } = setUp({ missing: true });
  client.start();
  await settle();
  const result = await capture.capture(snapshot);
  assert.equal(result.state, 'queued');
  assert.match(result.reason, /not found/);
  assert.equal(storage.keys('outbox:').length, 1);
  connector.missing = false;
  timers.advance(1000);
  await settle();
  await capture.flushing;
  await settle();
  assert.equal(client.state, 'connected');
  assert.deepStrictEqual(storage.keys('outbox:'), []);
  assert.equal(log.filter((m) => m.type === 'capture').length, 1, 'sent exactly once');
});

test('queued captures survive a browser restart and go out, oldest first, after it', async () => {
  const storage = new FakeStorage();
  const before = setUp({ missing: true, storage });
  before.client.start();
  await settle();
  await before.capture.capture(snapshot);
  await before.capture.capture(listSnapshot);
  before.client.stop();
  // a new worker on the same storage (the browser was restarted)
  const after = setUp({ storage });
  assert.equal((await after.outbox.entries()).length, 2);
  after.client.start();
  await settle();
  await after.capture.flushing;
  await settle();
  assert.deepStrictEqual(after.log.filter((m) => m.type !== 'hello' && m.type !== 'due').map((m) => m.type), ['capture', 'capture_list']);
  assert.deepStrictEqual(storage.keys('outbox:'), []);
});

test('a host that dies mid-request leaves the capture queued for the next connection', async () => {
  const { connector, client, capture, storage } = setUp();
  client.start();
  await settle();
  connector.port.afterPost = (m) => m.type === 'capture' && queueMicrotask(() => connector.port.drop('Native host has exited.'));
  const result = await capture.capture(snapshot);
  assert.equal(result.state, 'queued');
  const [entry] = await new Outbox(storage).entries();
  assert.equal(entry.attempts, 1);
  assert.match(entry.lastError, /exited/);
});

test('a capture the host refuses for good moves to the failed list with the reason; retry puts it back', async () => {
  let refuse = true;
  const host = (m, port) => {
    if (m.type === 'hello') port.reply({ type: 'hello', id: m.id, protocol: 1, host: '0.1.0', db: 'd', view: null });
    else if (refuse) port.reply({ type: 'error', id: m.id, code: 'bad_request', message: 'field `case.caseId` is required (a string)' });
    else port.reply({ type: 'ack', id: m.id, caseId: '1', created: true, newMessages: 1 });
  };
  const { client, capture, outbox } = setUp({ host });
  client.start();
  await settle();
  const result = await capture.capture(snapshot);
  assert.deepStrictEqual([result.state, result.code], ['failed', 'bad_request']);
  assert.match(result.reason, /caseId/);
  const failed = await outbox.failed();
  assert.equal(failed.length, 1);
  assert.equal(failed[0].error.code, 'bad_request');
  assert.equal((await outbox.entries()).length, 0);
  refuse = false;
  const entry = await outbox.requeue(failed[0].key);
  assert.equal((await capture.deliver(entry)).state, 'saved');
  assert.equal((await outbox.failed()).length, 0);
});

test('storage errors from the host keep the capture queued (retryable)', async () => {
  const host = (m, port) => {
    if (m.type === 'hello') port.reply({ type: 'hello', id: m.id, protocol: 1, host: '0.1.0', db: 'd', view: null });
    else port.reply({ type: 'error', id: m.id, code: 'storage', message: 'database is locked' });
  };
  const { client, capture, outbox } = setUp({ host });
  client.start();
  await settle();
  const result = await capture.capture(snapshot);
  assert.equal(result.state, 'queued');
  assert.equal((await outbox.entries()).length, 1);
});

test('a snapshot without a case ID or cases is refused before anything is stored', async () => {
  const { capture, storage } = setUp();
  assert.equal(invalidSnapshot({ page: 'view-case', case: { messages: [] } }), 'no case ID found on the page');
  assert.equal(invalidSnapshot({ page: 'case-list', cases: [] }), 'no cases found in the list');
  assert.equal(invalidSnapshot({ page: 'other' }), 'unknown page kind "other"');
  assert.equal(invalidSnapshot(null), 'no snapshot');
  const result = await capture.capture({ page: 'view-case', case: {} });
  assert.equal(result.state, 'failed');
  assert.equal(storage.writes, 0);
});

test('capturing the same page twice while connected sends it twice; the host reports 0 new the second time', async () => {
  const { client, capture } = setUp();
  client.start();
  await settle();
  assert.equal((await capture.capture(snapshot)).newMessages, 4);
  const again = await capture.capture(snapshot);
  assert.deepStrictEqual([again.state, again.newMessages, again.created], ['saved', 0, false]);
});

test('selection capture: case ID from the URL, the title or the text; the text is one Amazon reply', () => {
  const made = snapshotForSelection({
    text: '  Hello,\nwe reinstated ASIN B08XYZ1234.  ',
    url: 'https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=17865432901',
    pageTitle: 'Case Log',
  });
  assert.deepStrictEqual(made.snapshot, {
    page: 'selection',
    parser: 'selection@1',
    url: 'https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=17865432901',
    case: { caseId: '17865432901', marketplace: 'sellercentral.amazon.com',
      messages: [{ author: 'amazon', sender: 'Amazon', sentAt: null, body: 'Hello,\nwe reinstated ASIN B08XYZ1234.' }] },
  });
  assert.equal(snapshotForSelection({ text: 'Re: case 18234567890 reply', url: 'https://sellercentral.amazon.de/x', pageTitle: '' }).snapshot.case.caseId, '18234567890');
  assert.match(snapshotForSelection({ text: 'no id here', url: 'https://sellercentral.amazon.de/x', pageTitle: 'Home' }).error, /no case ID/);
  assert.match(snapshotForSelection({ text: '   ', url: 'https://x.example/?caseID=12345678901' }).error, /empty/);
});

test('the same page captured again while the host is away is queued once; another page of the thread is kept', async () => {
  const { client, capture, outbox } = setUp({ missing: true });
  client.start();
  await settle();
  await capture.capture(snapshot);
  await capture.capture(structuredClone(snapshot));
  assert.equal((await outbox.entries()).length, 1);
  const page2 = JSON.parse(readFileSync(path.join(FIXTURES, 'katal-us-long-page2.json'), 'utf8'));
  const page1 = JSON.parse(readFileSync(path.join(FIXTURES, 'katal-us-long-page1.json'), 'utf8'));
  await capture.capture(page1);
  await capture.capture(page2);
  assert.equal((await outbox.entries()).length, 3);
});
