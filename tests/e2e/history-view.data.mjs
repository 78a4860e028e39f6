// Sample cases for the history-view browser test: every category, several statuses, generic and
// specific Amazon replies, identifiers, a recurring FBA shipment problem, and the awkward ones a
// layout must survive: a very long subject, a 20 KB reply, a Japanese case, hostile markup.
const DAY = 86400000;

function iso(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const GENERIC = [
  'Thank you for contacting Amazon Seller Support. We understand your concern. Please review the help page for more information. We appreciate your patience.',
  'Hello, thank you for reaching out. We have forwarded your request to the appropriate team. Please allow additional time for a response.',
];

const TOPICS = [
  ['Listing suppressed for B08XYZ{n} - incorrect main image', 'Listing', 'The listing for ASIN B08XYZ{n} was suppressed although the main image has a pure white background.', 'We reviewed ASIN B08XYZ{n}. The main image contains a watermark in the lower corner; replace it and the listing will be reinstated within 24 hours.'],
  ['FBA shipment FBA15XYZ{n} received 12 units short', 'FBA', 'Shipment FBA15XYZ{n} shows 12 units missing. Carrier proof of delivery attached. Order 113-1234567-123{n} affected.', 'We researched shipment FBA15XYZ{n} and reimbursed 12 units ($143.88) to your account.'],
  ['Account health warning: policy violation on SKU ACME-{n}', 'Account Health', 'We received a warning for SKU: ACME-{n}. The product is not restricted; please review.', null],
  ['Feedback removal request for order 114-7654321-765{n}', 'Feedback', 'The buyer feedback on order 114-7654321-765{n} is a product review and should be removed.', 'The feedback was removed because it was a product review.'],
  ['Brand Registry: cannot add ASIN B07ABC{n} to brand', 'Brand Registry', 'We cannot add ASIN B07ABC{n} to our brand in Brand Registry.', null],
  ['Payment hold of EUR 1.234,56 on settlement', 'Payments', 'Our settlement of EUR 1.234,56 has been on hold for 10 days.', null],
];

const STATUSES = ['Pending Amazon action', 'Needs your response', 'Answered', 'Work in progress', 'Resolved', 'Reopened'];

function pad(n, width) {
  return String(n).padStart(width, '0');
}

export function sampleCases(nowIso) {
  const now = Date.parse(nowIso);
  const out = [];
  for (let i = 0; i < 24; i++) {
    const [subject, category, ask, answer] = TOPICS[i % TOPICS.length];
    const n = pad(i, 4);
    const fill = (s) => s.replaceAll('{n}', n);
    const opened = now - (60 - i * 2) * DAY;
    const messages = [{ author: 'seller', sender: 'Acme Goods', sentAt: iso(opened), body: fill(ask) }];
    const reply = answer && i % 3 !== 0 ? fill(answer) : GENERIC[i % GENERIC.length];
    if (i % 5 !== 4) messages.push({ author: 'amazon', sender: 'Amazon Seller Support', sentAt: iso(opened + 2 * DAY), body: reply });
    if (i % 4 === 1) messages.push({ author: 'seller', sender: 'Acme Goods', sentAt: iso(opened + 3 * DAY), body: 'This does not answer the question. Please escalate.' });
    out.push({
      caseId: String(17000000000 + i),
      marketplace: 'sellercentral.amazon.com',
      subject: fill(subject),
      status: STATUSES[i % STATUSES.length],
      category,
      createdAt: iso(opened),
      messages,
    });
  }
  out.push(longSubjectCase(now), hugeReplyCase(now), japaneseCase(now), hostileCase(now));
  return out;
}

function longSubjectCase(now) {
  return {
    caseId: '17999000001',
    marketplace: 'sellercentral.amazon.com',
    subject:
      'Inventory adjustment dispute for FBA shipments FBA15LONG0001, FBA15LONG0002 and FBA15LONG0003 — units marked as damaged in the warehouse although the carrier delivered them sealed, requesting reimbursement for all 240 units at the current selling price',
    status: 'Pending Amazon action',
    category: 'FBA',
    createdAt: iso(now - 9 * DAY),
    messages: [{ author: 'seller', sender: 'Acme Goods', sentAt: iso(now - 9 * DAY), body: 'See subject. Case IDs of earlier attempts: 17000000001, 17000000007.' }],
  };
}

function hugeReplyCase(now) {
  const para =
    'Section 4.2 of the policy applies to the listing in question. Sellers must ensure that product detail pages accurately describe the item, including its condition, packaging and any included accessories. ';
  let body = '';
  while (body.length < 20000) body += para + (body.length % 3 === 0 ? '\n\n' : '');
  return {
    caseId: '17999000002',
    marketplace: 'sellercentral.amazon.com',
    subject: 'Policy question about condition guidelines (long answer)',
    status: 'Answered',
    category: 'Policy',
    createdAt: iso(now - 5 * DAY),
    messages: [
      { author: 'seller', sender: 'Acme Goods', sentAt: iso(now - 5 * DAY), body: 'Which condition guidelines apply to refurbished items?' },
      { author: 'amazon', sender: 'Amazon Seller Support', sentAt: iso(now - 4 * DAY), body },
    ],
  };
}

function japaneseCase(now) {
  return {
    caseId: '17999000003',
    marketplace: 'sellercentral.amazon.co.jp',
    subject: '出品が停止されました：ASIN B0JPTEST01 の商品画像について',
    status: '対応待ち',
    category: '出品',
    createdAt: iso(now - 3 * DAY),
    messages: [
      { author: 'seller', sender: '株式会社アクメ', sentAt: iso(now - 3 * DAY), body: 'ASIN B0JPTEST01 の出品が停止されました。メイン画像は白背景です。ご確認をお願いいたします。' },
      {
        author: 'amazon',
        sender: 'Amazon出品者サポート',
        sentAt: iso(now - 2 * DAY),
        body: 'お問い合わせいただきありがとうございます。担当部署に確認しております。今しばらくお待ちください。',
      },
    ],
  };
}

function hostileCase(now) {
  return {
    caseId: '17999000004',
    marketplace: 'sellercentral.amazon.com',
    subject: 'Odd characters <script>alert(1)</script> in a subject',
    status: 'Answered',
    category: 'Other',
    createdAt: iso(now - 1 * DAY),
    messages: [
      { author: 'amazon', sender: '<img src=x onerror=alert(2)>', sentAt: iso(now - 1 * DAY), body: '"\'><svg onload=alert(3)> Thank you for contacting us.' },
    ],
  };
}
