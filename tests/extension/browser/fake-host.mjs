// A stand-in for caselog-host in the browser smoke test when the real binary is not built:
// speaks the framing (4-byte native-order length + UTF-8 JSON), answers hello, capture,
// capture_list, due and search, and appends every request to $FAKE_HOST_LOG (JSON lines).
import { appendFileSync } from 'node:fs';

const log = process.env.FAKE_HOST_LOG;
let buffer = Buffer.alloc(0);
const seen = new Map();

function send(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(body.length);
  process.stdout.write(Buffer.concat([header, body]));
}

function answer(m) {
  if (log) appendFileSync(log, `${JSON.stringify(m)}\n`);
  switch (m.type) {
    case 'hello':
      return { type: 'hello', id: m.id, protocol: 1, host: '0.0.0-fake', db: '/tmp/fake-caselog.db', view: 'http://127.0.0.1:9/?token=fake' };
    case 'capture': {
      const before = seen.get(m.case.caseId) ?? 0;
      const count = m.case.messages?.length ?? 0;
      seen.set(m.case.caseId, Math.max(before, count));
      return { type: 'ack', id: m.id, caseId: m.case.caseId, created: before === 0, newMessages: Math.max(0, count - before), reminders: [] };
    }
    case 'capture_list':
      return { type: 'ack', id: m.id, cases: m.cases.length, created: m.cases.length, updated: 0 };
    case 'due':
      return { type: 'due', id: m.id, reminders: [{ caseId: '17865432901', subject: 'Listing suppressed for B08XYZ1234 - incorrect main image', rule: 'amazon_silent', message: 'Amazon has not answered for 6 business days', dueAt: '2026-11-24T14:05:00Z' }], total: 1 };
    case 'search':
      return { type: 'results', id: m.id, next: null, hits: [
        { caseId: '17865432901', subject: 'Listing suppressed for B08XYZ1234 - incorrect main image', author: 'amazon', sentAt: '2026-11-23T18:41:00Z', messageId: 4, snippet: `Your listing for ASIN \u0002${m.query}\u0003 has been reinstated. <img src=x onerror=alert(1)>`, score: 7.1 },
        { caseId: '19012345678', subject: '商品 B09JPN4321 の価格が誤って表示されています', author: 'amazon', sentAt: '2026-11-21T01:30:00Z', messageId: 7, snippet: 'ASIN \u0002B09JPN4321\u0003 の価格表示を確認しました。表示価格は ¥3,980 に修正されました。反映まで最大 15 分かかる場合があります。', score: 5.2 },
        { caseId: '17999000111', subject: 'Account health: policy warning for ASIN B01LONG001 (inauthentic complaint) — escalation requested to Seller Performance after three generic replies', author: 'amazon', sentAt: '2026-10-10T23:57:00Z', messageId: 9, snippet: `${'The Seller Performance team confirmed that the invoices are valid. '.repeat(12)}`, score: 3.3 },
      ] };
    default:
      return { type: 'error', id: m.id ?? null, code: 'unknown_type', message: `unknown type ${m.type}` };
  }
}

process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  while (buffer.length >= 4) {
    const length = buffer.readUInt32LE(0);
    if (buffer.length < 4 + length) break;
    const body = buffer.subarray(4, 4 + length).toString('utf8');
    buffer = buffer.subarray(4 + length);
    let message;
    try {
      message = JSON.parse(body);
    } catch {
      send({ type: 'error', id: null, code: 'bad_json', message: 'not JSON' });
      continue;
    }
    send(answer(message));
  }
});
process.stdin.on('end', () => process.exit(0));
