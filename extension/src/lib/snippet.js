// Search snippets mark matches with \x02 … \x03. Render them as text nodes and <mark>
// elements built with the DOM: captured text never goes through innerHTML.
export function snippetParts(snippet) {
  const parts = [];
  const re = /\x02([^\x02\x03]*)\x03/g;
  let last = 0;
  for (const m of String(snippet ?? '').matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), mark: false });
    parts.push({ text: m[1], mark: true });
    last = m.index + m[0].length;
  }
  const rest = String(snippet ?? '').slice(last).replace(/[\x02\x03]/g, '');
  if (rest) parts.push({ text: rest, mark: false });
  return parts;
}

export function renderSnippet(doc, snippet) {
  const fragment = doc.createDocumentFragment();
  for (const part of snippetParts(snippet)) {
    if (part.mark) {
      const mark = doc.createElement('mark');
      mark.textContent = part.text;
      fragment.append(mark);
    } else {
      fragment.append(doc.createTextNode(part.text));
    }
  }
  return fragment;
}
