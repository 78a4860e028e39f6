// Content scripts cannot be modules: load the real one (and the parser it imports) as modules.
(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  const { main } = await import(api.runtime.getURL('content/main.js'));
  main();
})().catch((error) => console.warn('[caselog] content script failed to start:', error));
