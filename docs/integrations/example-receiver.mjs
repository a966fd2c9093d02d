// Example webhook receiver for a CRM: verifies Gehoord's signature, rejects replays, de-duplicates on the
// event id and prints the contact record. Run: GEHOORD_WEBHOOK_SECRET=whsec_… node example-receiver.mjs
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';

const secret = process.env.GEHOORD_WEBHOOK_SECRET;
const port = Number(process.env.PORT ?? 8787);
const toleranceSeconds = 300;
const seen = new Set(); // use a table with a unique key in production

function verify(body, header) {
  const parts = Object.fromEntries(
    String(header ?? '')
      .split(',')
      .map((p) => p.split('=', 2)),
  );
  const t = Number(parts.t);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1 ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

http
  .createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (!verify(body, request.headers['gehoord-signature'])) {
        response.writeHead(401).end();
        return;
      }
      const event = JSON.parse(body);
      if (!seen.has(event.id)) {
        seen.add(event.id);
        if (event.type === 'complaint.contact_logged') console.log('CRM contact', event.data.contact);
        else console.log(event.type, event.data.complaint.reference);
      }
      response.writeHead(204).end(); // answer 2xx quickly; anything else is retried
    });
  })
  .listen(port, () => console.log(`listening on http://localhost:${port}`));
