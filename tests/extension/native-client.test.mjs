// The native port client: handshake, id matching, timeouts, disconnects, backoff, pushes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NativeClient } from '../../extension/src/background/native-client.js';
import { fakeConnector, simpleHost, ManualTimers, settle } from './fakes.mjs';

function makeClient(connector, timers = new ManualTimers(), options = {}) {
  const client = new NativeClient({ connect: connector.connect, reasonOf: connector.reasonOf, extensionVersion: '0.1.0', timers, options });
  return { client, timers };
}

test('hello handshake: the first message says hello with the protocol version, then the client is connected', async () => {
  const connector = fakeConnector({ host: simpleHost() });
  const { client } = makeClient(connector);
  client.start();
  const hello = connector.port.sent[0];
  assert.equal(hello.type, 'hello');
  assert.equal(hello.protocol, 1);
  assert.equal(hello.extension, '0.1.0');
  assert.equal(typeof hello.id, 'string');
  await settle();
  assert.equal(client.state, 'connected');
  assert.deepStrictEqual(client.hello, { protocol: 1, host: '0.1.0', db: '/tmp/caselog.db', view: 'http://127.0.0.1:8731/?token=t0k' });
});

test('answers are matched to requests by id, in whatever order they come', async () => {
  const connector = fakeConnector();
  const { client } = makeClient(connector);
  client.start();
  const port = connector.port;
  port.reply({ type: 'hello', id: port.sent[0].id, protocol: 1, host: '0.1.0', db: 'x', view: null });
  await settle();
  const a = client.request({ type: 'search', query: 'a' });
  const b = client.request({ type: 'search', query: 'b' });
  const [ra, rb] = [port.sent[1], port.sent[2]];
  assert.notEqual(ra.id, rb.id);
  port.reply({ type: 'results', id: rb.id, hits: ['B'] });
  port.reply({ type: 'results', id: ra.id, hits: ['A'] });
  assert.deepStrictEqual((await a).hits, ['A']);
  assert.deepStrictEqual((await b).hits, ['B']);
  assert.equal(client.pending.size, 0);
});

test('an error answer rejects with the host error code', async () => {
  const connector = fakeConnector({ host: simpleHost() });
  const { client } = makeClient(connector);
  client.start();
  await settle();
  await assert.rejects(client.request({ type: 'nonsense' }), (e) => e.name === 'HostError' && e.code === 'unknown_type');
});

test('a request without an answer times out, and a late answer is ignored', async () => {
  const connector = fakeConnector({ host: simpleHost() });
  const { client, timers } = makeClient(connector);
  client.start();
  await settle();
  connector.host = null;
  connector.port.afterPost = null;
  const pending = client.request({ type: 'search', query: 'slow' }, 2000);
  const id = connector.port.last('search').id;
  timers.advance(1999);
  assert.equal(client.pending.size, 1);
  timers.advance(1);
  await assert.rejects(pending, (e) => e.code === 'timeout');
  assert.equal(client.pending.size, 0);
  connector.port.reply({ type: 'results', id, hits: [] }); // late: must not throw or resolve anything
  assert.equal(client.state, 'connected');
});

test('a disconnect rejects every pending request and reconnects with exponential backoff', async () => {
  const connector = fakeConnector({ host: simpleHost() });
  const { client, timers } = makeClient(connector, new ManualTimers(), { backoffInitialMs: 1000, backoffMaxMs: 8000 });
  client.start();
  await settle();
  connector.port.afterPost = null;
  const p1 = client.request({ type: 'due' });
  const p2 = client.request({ type: 'due' });
  connector.missing = true;
  connector.port.drop('Native host has exited.');
  await assert.rejects(p1, (e) => e.code === 'disconnected' && /exited/.test(e.message));
  await assert.rejects(p2, (e) => e.code === 'disconnected');
  assert.equal(client.state, 'down');
  const delays = [];
  for (let i = 0; i < 5; i++) {
    delays.push(Math.max(...timers.pending()));
    timers.advance(delays[i]);
    await settle();
  }
  assert.deepStrictEqual(delays, [1000, 2000, 4000, 8000, 8000]);
  assert.equal(connector.ports.length, 6);
  connector.missing = false;
  timers.advance(8000);
  await settle();
  assert.equal(client.state, 'connected');
  assert.equal(client.attempts, 0, 'backoff resets after a successful hello');
});

test('a missing host is reported with the browser\'s reason and requests fail fast', async () => {
  const connector = fakeConnector({ missing: true });
  const { client } = makeClient(connector);
  client.start();
  await settle();
  assert.equal(client.state, 'down');
  assert.match(client.lastError, /not found/);
  await assert.rejects(client.request({ type: 'due' }), (e) => e.code === 'not_connected');
});

test('a host that never answers hello is dropped and retried', async () => {
  const connector = fakeConnector();
  const { client, timers } = makeClient(connector, new ManualTimers(), { helloTimeoutMs: 500 });
  client.start();
  timers.advance(500);
  await settle();
  assert.equal(client.state, 'down');
  assert.ok(connector.ports[0].closed, 'the silent port is closed');
  assert.match(client.lastError, /no answer to hello/);
});

test('messages without an id are pushes', async () => {
  const connector = fakeConnector({ host: simpleHost() });
  const { client } = makeClient(connector);
  const pushes = [];
  client.on('push', (m) => pushes.push(m));
  client.start();
  await settle();
  connector.port.reply({ type: 'reminder', caseId: '17865432901', rule: 'amazon_silent', message: 'Amazon silent 6 business days' });
  assert.deepStrictEqual(pushes.map((p) => p.type), ['reminder']);
});

test('retryNow reconnects at once instead of waiting out the backoff', async () => {
  const connector = fakeConnector({ missing: true });
  const { client, timers } = makeClient(connector);
  client.start();
  await settle();
  connector.missing = false;
  connector.host = simpleHost();
  client.retryNow();
  await settle();
  assert.equal(client.state, 'connected');
  assert.deepStrictEqual(timers.pending(), [], 'the scheduled retry was cancelled');
});

test('an error with id null (a frame too large to read) fails the oldest pending request', async () => {
  const connector = fakeConnector({ host: simpleHost() });
  const { client } = makeClient(connector);
  client.start();
  await settle();
  connector.port.afterPost = null;
  const big = client.request({ type: 'capture', case: { caseId: '1' } });
  const small = client.request({ type: 'due' });
  connector.port.reply({ type: 'error', id: null, code: 'too_large', message: 'frame of 20000000 bytes is over the 16777216-byte cap' });
  await assert.rejects(big, (e) => e.code === 'too_large');
  assert.equal(client.pending.size, 1);
  connector.port.reply({ type: 'due', id: connector.port.last('due').id, reminders: [] });
  assert.deepStrictEqual((await small).reminders, []);
});

test('a host speaking another protocol version is not used', async () => {
  const connector = fakeConnector({ host: (m, port) => port.reply({ type: 'hello', id: m.id, protocol: 2, host: '9.0.0', db: 'x', view: null }) });
  const { client } = makeClient(connector);
  client.start();
  await settle();
  assert.equal(client.state, 'down');
  assert.match(client.lastError, /protocol 2/);
  assert.ok(connector.ports[0].closed);
});
