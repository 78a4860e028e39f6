// One persistent native port to caselog-host: hello handshake, request ids with a
// pending table and timeouts (cleared on disconnect), pushes for messages without an
// id, reconnect with exponential backoff. No chrome.* here: the port factory, the
// timers and the disconnect reason are injected, so tests drive it with a fake port.
import { HOST_NAME, PROTOCOL_VERSION, HostError } from '../lib/protocol.js';

const DEFAULTS = {
  requestTimeoutMs: 15000,
  helloTimeoutMs: 5000,
  backoffInitialMs: 1000,
  backoffMaxMs: 60000,
};

export class NativeClient {
  /**
   * @param {object} deps
   * @param {(name: string) => object} deps.connect  returns a Port (postMessage, disconnect, onMessage, onDisconnect)
   * @param {(port: object) => string|undefined} [deps.reasonOf]  why a port closed
   * @param {string} deps.extensionVersion
   * @param {{setTimeout: Function, clearTimeout: Function}} [deps.timers]
   */
  constructor({ connect, reasonOf = () => undefined, extensionVersion, timers = globalThis, options = {} }) {
    this.connectPort = connect;
    this.reasonOf = reasonOf;
    this.extensionVersion = extensionVersion;
    this.timers = timers;
    this.options = { ...DEFAULTS, ...options };
    this.port = null;
    this.state = 'idle'; // idle | connecting | connected | down
    this.hello = null;
    this.lastError = null;
    this.attempts = 0;
    this.nextRetryAt = null;
    this.pending = new Map();
    this.listeners = { state: [], push: [], connected: [] };
    this.retryTimer = null;
    this.counter = 0;
    this.session = Math.random().toString(36).slice(2, 8);
  }

  on(event, fn) {
    this.listeners[event].push(fn);
  }

  emit(event, value) {
    for (const fn of this.listeners[event]) fn(value);
  }

  get connected() {
    return this.state === 'connected';
  }

  setState(state) {
    this.state = state;
    this.emit('state', this.snapshot());
  }

  snapshot() {
    return { state: this.state, hello: this.hello, lastError: this.lastError, nextRetryAt: this.nextRetryAt,
      attempts: this.attempts };
  }

  /** Opens the port (if not open) and says hello. */
  start() {
    if (this.port) return;
    this.cancelRetry();
    let port;
    try {
      port = this.connectPort(HOST_NAME);
    } catch (e) {
      this.handleClosed(null, e.message);
      return;
    }
    this.port = port;
    port.onMessage.addListener((message) => this.handleMessage(message));
    port.onDisconnect.addListener(() => this.handleClosed(port, this.reasonOf(port)));
    this.setState('connecting');
    const hello = { type: 'hello', protocol: PROTOCOL_VERSION, extension: this.extensionVersion };
    this.send(hello, this.options.helloTimeoutMs).then(
      (answer) => this.handleHello(port, answer),
      (error) => {
        if (this.port !== port) return;
        this.lastError = error.message;
        port.disconnect();
        this.handleClosed(port, error.message);
      },
    );
  }

  handleHello(port, answer) {
    if (this.port !== port) return;
    if (answer.protocol !== PROTOCOL_VERSION) {
      port.disconnect();
      this.handleClosed(port, `the host speaks protocol ${answer.protocol}, this extension ${PROTOCOL_VERSION}: update both to the same CaseLog version`);
      return;
    }
    this.hello = { protocol: answer.protocol, host: answer.host, db: answer.db, view: answer.view ?? null };
    this.attempts = 0;
    this.lastError = null;
    this.nextRetryAt = null;
    this.setState('connected');
    this.emit('connected', this.hello);
  }

  /** Sends a request once connected; rejects with HostError('not_connected') otherwise. */
  request(message, timeoutMs = this.options.requestTimeoutMs) {
    if (!this.connected) return Promise.reject(new HostError('not_connected', this.lastError ?? undefined));
    return this.send(message, timeoutMs);
  }

  send(message, timeoutMs) {
    const id = `${this.session}-${++this.counter}`;
    return new Promise((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.pending.delete(id);
        reject(new HostError('timeout', `no answer to ${message.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer, type: message.type });
      try {
        this.port.postMessage({ ...message, id });
      } catch (e) {
        this.settle(id, null, new HostError('disconnected', e.message));
      }
    });
  }

  settle(id, answer, error) {
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.pending.delete(id);
    this.timers.clearTimeout(entry.timer);
    if (error) entry.reject(error);
    else entry.resolve(answer);
    return true;
  }

  handleMessage(message) {
    if (!message || typeof message !== 'object') return;
    const error = message.type === 'error' ? new HostError(message.code, message.message) : null;
    if (message.id !== undefined && message.id !== null) {
      this.settle(String(message.id), message, error); // a late answer after its timeout is dropped
      return;
    }
    if (error) {
      // An error with id null answers a frame the host could not read (too_large). The host
      // answers in order, so it belongs to the oldest pending request.
      const oldest = this.pending.keys().next();
      if (!oldest.done) this.settle(oldest.value, null, error);
      return;
    }
    this.emit('push', message);
  }

  handleClosed(port, reason) {
    if (port && this.port !== port) return;
    this.port = null;
    this.hello = null;
    this.lastError = reason || this.lastError || 'the host closed the connection';
    for (const id of [...this.pending.keys()]) {
      this.settle(id, null, new HostError('disconnected', this.lastError));
    }
    this.scheduleRetry();
    this.setState('down');
  }

  /** Delay before the next reconnect: initial × 2^(attempts−1), capped. */
  backoffDelay(attempts) {
    const { backoffInitialMs, backoffMaxMs } = this.options;
    return Math.min(backoffMaxMs, backoffInitialMs * 2 ** Math.max(0, attempts - 1));
  }

  scheduleRetry() {
    this.cancelRetry();
    this.attempts += 1;
    const delay = this.backoffDelay(this.attempts);
    this.nextRetryAt = Date.now() + delay;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, delay);
  }

  cancelRetry() {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Resolves once the state is no longer "connecting" (or after `ms`), with the snapshot. */
  settled(ms = 1500) {
    return new Promise((resolve) => {
      if (this.state !== 'connecting') return resolve(this.snapshot());
      const done = () => {
        this.timers.clearTimeout(timer);
        this.listeners.state = this.listeners.state.filter((fn) => fn !== onState);
        resolve(this.snapshot());
      };
      const onState = (s) => s.state !== 'connecting' && done();
      const timer = this.timers.setTimeout(done, ms);
      this.on('state', onState);
    });
  }

  /** Reconnects now (popup opened, browser started, alarm fired) instead of waiting out the backoff. */
  retryNow() {
    if (this.port) return;
    this.start();
  }

  stop() {
    this.cancelRetry();
    const port = this.port;
    this.port = null;
    if (port) port.disconnect();
    for (const id of [...this.pending.keys()]) this.settle(id, null, new HostError('disconnected', 'stopped'));
    this.setState('idle');
  }
}
