// Native messaging protocol version 1 (docs/PROTOCOL.md; DESIGN.md until it exists).
export const HOST_NAME = 'dev.caselog.host';
export const PROTOCOL_VERSION = 1;

// Error codes the host answers with, and what each means for a queued capture.
// `retry: true` keeps the capture in the outbox; false moves it to the failed list
// (kept, shown with its reason, never silently dropped).
export const ERROR_CODES = {
  bad_json: { retry: false, text: 'the host could not read the message' },
  bad_request: { retry: false, text: 'the host refused the capture as malformed' },
  too_large: { retry: false, text: 'the capture is larger than the host accepts' },
  unknown_type: { retry: false, text: 'the host does not know this request (update the host)' },
  not_found: { retry: false, text: 'the host has no such case' },
  storage: { retry: true, text: 'the host could not write its database' },
  internal: { retry: true, text: 'the host hit an internal error' },
};

// Errors raised on this side of the port (not sent by the host).
export const LOCAL_CODES = {
  disconnected: { retry: true, text: 'the host went away before answering' },
  not_connected: { retry: true, text: 'the host is not running' },
  timeout: { retry: true, text: 'the host did not answer in time' },
};

export class HostError extends Error {
  constructor(code, message) {
    super(message || describeError(code));
    this.name = 'HostError';
    this.code = code;
  }
}

export function describeError(code) {
  return (ERROR_CODES[code] ?? LOCAL_CODES[code])?.text ?? `error ${code}`;
}

export function isRetryable(code) {
  return (ERROR_CODES[code] ?? LOCAL_CODES[code])?.retry ?? true;
}

// Chromium and Firefox words for "no host manifest is installed".
export function isHostMissing(reason) {
  return /not found|no such native application|not registered/i.test(String(reason ?? ''));
}
