// The WebExtension API object: Firefox's promise-based `browser`, else Chromium's `chrome`
// (whose MV3 APIs return promises when no callback is given).
export const ext = globalThis.browser ?? globalThis.chrome;
