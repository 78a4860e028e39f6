// DOM → plain text: block elements and <br> become line breaks, scripts and
// styles are dropped, entities are already decoded by the DOM. Never returns markup.

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG',
  'CANVAS', 'IMG', 'VIDEO', 'AUDIO', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'KAT-BUTTON', 'LINK', 'META']);
const PARAGRAPH = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'UL', 'OL', 'HR']);
const BLOCK = new Set(['DIV', 'LI', 'TR', 'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ADDRESS',
  'FIGURE', 'FIGCAPTION', 'MAIN', 'NAV', 'ASIDE', 'DL', 'FORM', 'FIELDSET', 'CENTER', 'KAT-BOX']);

// Line-break markers kept out of band until the end (text nodes never contain them).
const BLOCK_EDGE = '\u0001';
const PARA_EDGE = '\u0002';
const BR = '\u0003';
const MARKERS = /[\u0001-\u0003]/g;

function walk(node, out, pre, exclude) {
  if (node.nodeType === 3) {
    const text = node.nodeValue.replace(MARKERS, '');
    out.push(pre ? text.replace(/\r?\n/g, BR) : text.replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 11) return;
  const tag = node.nodeType === 1 ? node.tagName.toUpperCase() : '';
  if (SKIP.has(tag) || exclude.has(node) || (tag && node.hasAttribute('data-caselog'))) return; // CaseLog's own button too
  if (tag === 'BR') {
    out.push(BR);
    return;
  }
  const mark = PARAGRAPH.has(tag) ? PARA_EDGE : BLOCK.has(tag) ? BLOCK_EDGE : '';
  if (tag === 'TD' || tag === 'TH') out.push(' ');
  out.push(mark);
  const children = node.shadowRoot && !node.firstChild ? node.shadowRoot.childNodes : node.childNodes;
  for (const child of children) walk(child, out, pre || tag === 'PRE', exclude);
  out.push(mark);
}

// Like a browser: a <br> always ends a line (an empty one too); a block edge ends
// the line only when it holds text; a paragraph edge leaves a blank line.
function breaksFor(run) {
  let breaks = 0;
  let content = true;
  for (const ch of run) {
    if (ch === BR || ((ch === BLOCK_EDGE || ch === PARA_EDGE) && content)) {
      breaks += 1;
      content = false;
    }
  }
  if (run.includes(PARA_EDGE)) breaks = Math.max(breaks, 2);
  return '\n'.repeat(breaks);
}

/**
 * Plain text of an element: one line per block, a blank line between paragraphs.
 * Elements in `exclude` (and everything inside them) are left out.
 */
export function htmlToText(element, exclude = new Set()) {
  if (!element) return '';
  const out = [];
  walk(element, out, false, exclude);
  return out
    .join('')
    .replace(/[ \t\u00a0]*[\u0001-\u0003][\s\u0001-\u0003]*/g, breaksFor)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Visible text of an element on one line (labels, titles, cells). */
export function inlineText(element) {
  if (!element) return '';
  return htmlToText(element).replace(/\s+/g, ' ').trim();
}
