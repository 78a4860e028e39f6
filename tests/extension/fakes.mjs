// Test doubles for the browser side: a native port, a storage area, manual timers.
// Used only inside unit tests; the extension itself runs against the real APIs.

class Event {
  constructor() {
    this.listeners = [];
  }
  addListener(fn) {
    this.listeners.push(fn);
  }
  fire(...args) {
    for (const fn of this.listeners) fn(...args);
  }
}

export class FakePort {
  constructor() {
    this.sent = [];
    this.onMessage = new Event();
    this.onDisconnect = new Event();
    this.closed = false;
    this.error = undefined;
  }
  postMessage(message) {
    if (this.closed) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(structuredClone(message));
    this.afterPost?.(message);
  }
  disconnect() {
    this.closed = true;
  }
  /** The host answers. */
  reply(message) {
    this.onMessage.fire(structuredClone(message));
  }
  /** The host goes away (Chromium fires onDisconnect with a reason). */
  drop(reason = 'Native host has exited.') {
    this.closed = true;
    this.error = { message: reason };
    this.onDisconnect.fire(this);
  }
  last(type) {
    return [...this.sent].reverse().find((m) => m.type === type);
  }
}

/** A connect() that hands out ports; `host` decides what each port answers. */
export function fakeConnector({ missing = false, host = null } = {}) {
  const connector = {
    ports: [],
    missing,
    host,
    connect: () => {
      const port = new FakePort();
      connector.ports.push(port);
      if (connector.missing) {
        queueMicrotask(() => port.drop('Specified native messaging host not found.'));
      } else if (connector.host) {
        port.afterPost = (m) => queueMicrotask(() => connector.host(m, port));
      }
      return port;
    },
    reasonOf: (port) => port.error?.message,
    get port() {
      return connector.ports[connector.ports.length - 1];
    },
  };
  return connector;
}

/** A host that says hello and acks every capture (counting new messages per case). */
export function simpleHost(log = []) {
  const seen = new Map();
  return (m, port) => {
    log.push(m);
    if (m.type === 'hello') port.reply({ type: 'hello', id: m.id, protocol: 1, host: '0.1.0', db: '/tmp/caselog.db', view: 'http://127.0.0.1:8731/?token=t0k' });
    else if (m.type === 'capture') {
      const before = seen.get(m.case.caseId) ?? 0;
      const count = m.case.messages?.length ?? 0;
      seen.set(m.case.caseId, Math.max(before, count));
      port.reply({ type: 'ack', id: m.id, caseId: m.case.caseId, created: before === 0, newMessages: Math.max(0, count - before), priority: { score: 12, label: 'P2', reasons: [] }, reminders: [] });
    } else if (m.type === 'due') port.reply({ type: 'due', id: m.id, reminders: [] });
    else port.reply({ type: 'error', id: m.id, code: 'unknown_type', message: `unknown type ${m.type}` });
  };
}

export class FakeStorage {
  constructor() {
    this.data = new Map();
    this.writes = 0;
  }
  async get(keys) {
    const pick = keys === null || keys === undefined ? [...this.data.keys()] : [].concat(keys);
    return Object.fromEntries(pick.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items) {
    this.writes += 1;
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys) {
    for (const k of [].concat(keys)) this.data.delete(k);
  }
  keys(prefix = '') {
    return [...this.data.keys()].filter((k) => k.startsWith(prefix));
  }
}

/** setTimeout/clearTimeout under the test's control. */
export class ManualTimers {
  constructor() {
    this.now = 0;
    this.queue = [];
    this.nextId = 1;
    this.setTimeout = (fn, ms) => {
      const id = this.nextId++;
      this.queue.push({ id, at: this.now + ms, fn, ms });
      return id;
    };
    this.clearTimeout = (id) => {
      this.queue = this.queue.filter((t) => t.id !== id);
    };
  }
  /** Delays of the timers now pending, in ms. */
  pending() {
    return this.queue.map((t) => t.ms);
  }
  advance(ms) {
    const until = this.now + ms;
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > until) break;
      this.queue.shift();
      this.now = next.at;
      next.fn();
    }
    this.now = until;
  }
}

export const settle = () => new Promise((resolve) => setImmediate(resolve));
