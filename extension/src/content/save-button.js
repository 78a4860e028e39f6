// The in-page "Save to CaseLog" button: CaseLog's own small control in a shadow
// root, inserted as an inline sibling right after the case title so it never covers
// Amazon's controls, and neither side's styles leak into the other.
const STYLE = `
  :host { all: initial; display: inline-block; vertical-align: middle; margin-left: 10px; }
  button { font: 500 12px/1.2 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1e3a5f;
    background: #eef4fb; border: 1px solid #9db7d5; border-radius: 12px; padding: 3px 10px 3px 8px;
    cursor: pointer; display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; max-width: 320px;
    overflow: hidden; text-overflow: ellipsis; }
  button:hover { background: #e0ecf8; }
  button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
  .dot { width: 8px; height: 8px; border-radius: 50%; background: #2563eb; flex: none; }
  :host([data-state="saved"]) button { color: #14532d; background: #ecfdf3; border-color: #86c9a0; }
  :host([data-state="saved"]) .dot { background: #16a34a; }
  :host([data-state="queued"]) button { color: #713f12; background: #fffbeb; border-color: #e5c07b; }
  :host([data-state="queued"]) .dot { background: #d97706; }
  :host([data-state="failed"]) button { color: #7f1d1d; background: #fef2f2; border-color: #f0a3a3; }
  :host([data-state="failed"]) .dot { background: #dc2626; }
  :host([data-state="busy"]) .dot { animation: pulse 1s infinite; }
  @keyframes pulse { 50% { opacity: .3; } }
`;

/** Words for a capture result: "Saved · 2 new", "Queued", "Failed — why". */
export function buttonLabel(result) {
  if (!result) return 'Save to CaseLog';
  if (result.state === 'busy') return 'Saving…';
  if (result.state === 'saved') {
    if (result.list) return `Saved · ${result.created} new case${result.created === 1 ? '' : 's'}`;
    if (result.created) return 'Saved · new case';
    return result.newMessages ? `Saved · ${result.newMessages} new` : 'Saved · up to date';
  }
  if (result.state === 'queued') return 'Queued';
  return `Failed — ${result.reason ?? 'unknown error'}`;
}

export function buttonTooltip(result) {
  if (!result) return 'Save this case and its whole thread to CaseLog';
  if (result.state === 'queued' && result.code === 'storage') return `The host could not store it (${result.reason}); sent again by itself.`;
  if (result.state === 'queued') return `Host not reachable (${result.reason ?? 'not running'}); saved as soon as it is back.`;
  if (result.state === 'saved' && result.summary) return result.summary;
  return result.reason ?? '';
}

export class SaveButton {
  constructor(doc, onClick) {
    this.host = doc.createElement('span');
    this.host.setAttribute('data-caselog', 'save-button');
    const root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.button = doc.createElement('button');
    this.button.type = 'button';
    const dot = doc.createElement('span');
    dot.className = 'dot';
    this.label = doc.createElement('span');
    this.button.append(dot, this.label);
    this.button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      onClick();
    });
    root.append(style, this.button);
    this.show(null);
  }

  show(result) {
    this.host.dataset.state = result?.state ?? 'idle';
    this.label.textContent = buttonLabel(result);
    this.button.title = buttonTooltip(result);
  }

  /** Puts the button right after the case title (inside a heading, at its end) unless it is there. */
  attach(anchor) {
    if (!anchor || this.host.isConnected) return;
    if (/^H[1-6]$/.test(anchor.tagName)) anchor.append(this.host);
    else anchor.insertAdjacentElement('afterend', this.host);
  }
}
