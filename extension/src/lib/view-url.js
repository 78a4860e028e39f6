// Links into the history view. `base` is the host's `hello.view` (a URL with the
// per-install token); the token query is kept on every link.
export function viewUrl(base, path = '/', params = {}) {
  if (!base) return null;
  const url = new URL(base);
  url.pathname = path;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.href;
}

export function caseUrl(base, caseId) {
  return viewUrl(base, `/cases/${encodeURIComponent(caseId)}`);
}
