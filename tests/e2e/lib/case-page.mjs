// Seller Central "view case" pages for the end-to-end test, in the current Katal layout (the
// structure of tests/extension/fixtures/katal-*.html: a case title tag, "Label: value" fields, one
// kat-box per message with a sender label, newest first). Cases are data so a test can add a message.

const escapeHtml = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

export function makeCase(caseId, overrides = {}) {
  return {
    caseId,
    subject: `Inbound shipment FBA18XYZ${caseId.slice(-4)} received 40 units short`,
    status: 'Pending Amazon action',
    category: 'Fulfillment by Amazon',
    created: 'Nov 2, 2026',
    messages: [
      {
        author: 'seller',
        date: 'Nov 2, 2026 9:15 AM PST',
        body: `Shipment FBA18XYZ${caseId.slice(-4)} shows 460 of 500 units of SKU ACME-MUG-12 received. ` +
          'The carrier proof of delivery shows all 10 cartons delivered. Please investigate and reimburse.',
      },
      {
        author: 'amazon',
        date: 'Nov 3, 2026 4:40 AM PST',
        body: 'Hello from Amazon Seller Support. Our fulfillment center team is reconciling the ' +
          'tangerine pallet count for this shipment; we will write back within 5 business days.',
      },
      {
        author: 'seller',
        date: 'Nov 4, 2026 11:02 AM PST',
        body: 'Thank you. Attached are the box content spreadsheet and the signed bill of lading.',
      },
    ],
    ...overrides,
  };
}

export function addMessage(kase, message) {
  kase.messages.push(message);
}

function messageBox(m) {
  const fromAmazon = m.author === 'amazon';
  return `
      <kat-box variant="white" class="css-m1">
        <div class="css-mh">
          <span data-testid="sender-label">${fromAmazon ? 'Amazon' : 'You'}</span>
          <span data-testid="reciever">To: ${fromAmazon ? 'You' : 'Amazon'}</span>
          <span class="css-d">${escapeHtml(m.date)}</span>
        </div>
        <div class="css-mb">${escapeHtml(m.body)}</div>
      </kat-box>`;
}

export function renderCasePage(kase) {
  const newestFirst = [...kase.messages].reverse().map(messageBox).join('');
  return `<!doctype html>
<html lang="en-US">
<head><meta charset="utf-8"><title>Case Log | Amazon Seller Central</title>
<style>body{font:14px Arial,sans-serif;color:#0f1111;margin:0}nav{background:#232f3e;color:#fff;padding:10px}
nav a{color:#fff;margin-right:14px}.view-case{padding:16px 24px;max-width:900px}
kat-box{display:block;border:1px solid #d5d9d9;border-radius:8px;padding:12px;margin:10px 0}
.css-mh span{margin-right:12px;color:#565959}.css-mb{margin-top:8px}.css-r01 span{margin-right:8px}</style>
</head>
<body>
<div id="sc-navbar-container"><nav><a href="/home">Home</a><a href="/inventory">Catalog</a><a href="/cu/case-lobby">Case Log</a></nav></div>
<div id="sc-content-container">
  <div class="view-case">
    <a href="/cu/case-lobby?tab=all_cases">&lsaquo; Back to Case Log</a>
    <h2><span data-test-tag="case-title">${escapeHtml(kase.subject)}</span></h2>
    <div>
      <span>ID: ${escapeHtml(kase.caseId)}</span> <span>|</span>
      <span>Status: ${escapeHtml(kase.status)}</span> <span>|</span>
      <span>Created: ${escapeHtml(kase.created)}</span>
    </div>
    <div class="css-r00">
      <div class="css-r01"><span class="css-l">Category</span><span class="css-v">${escapeHtml(kase.category)}</span></div>
    </div>
    <div class="css-act"><kat-button label="Reply" variant="primary"></kat-button></div>
    <div class="css-thread">${newestFirst}
    </div>
  </div>
</div>
</body>
</html>
`;
}

export function casePath(caseId) {
  return `/cu/case-dashboard/view-case?caseID=${encodeURIComponent(caseId)}`;
}
