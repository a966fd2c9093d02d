// The baseline of `npm run bench`: a bare node:http server with a pg pool running the same SQL as the work
// queue, search and detail endpoints (bench/baseline-queries.ts). Started as its own process by bench/run.ts.
import { createServer } from 'node:http';
import pg from 'pg';
import { APP_ROLE, ORGANIZATION_SETTING } from '../src/server/db/roles.ts';
import { sha256Hex } from '../src/server/modules/portal/forms/form-token.ts';
import { COMPLAINANT_EVENT_TYPES } from '../src/server/modules/portal/portal-status.service.ts';
import {
  DETAIL_SQL,
  PORTAL_SETTINGS_SQL,
  STATUS_ACKNOWLEDGEMENT_SQL,
  STATUS_EVENTS_SQL,
  STATUS_LINK_SQL,
  STATUS_SATISFACTION_SQL,
  searchQuery,
  TIMELINE_SQL,
  WORK_QUEUE_SQL,
} from './baseline-queries.ts';

const organizationId = process.env.ORGANIZATION_ID as string;
const viewerId = process.env.VIEWER_ID as string;
const pool = new pg.Pool({
  connectionString: process.env.BASELINE_DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});
pool.on('connect', (client) => client.on('error', () => {}));
// Search runs the app's statement, which takes the organisation from row-level security and the search
// functions: its connections are set to the application role and the organisation once, when they open.
const searchPool = new pg.Pool({
  connectionString: process.env.BASELINE_DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});
searchPool.on('connect', (client) => {
  client.on('error', () => {});
  client.query(
    `select set_config('role', '${APP_ROLE}', false), set_config('${ORGANIZATION_SETTING}', $1, false)`,
    [organizationId],
  );
});

async function searchPage(q: string) {
  const { sql, parameters } = searchQuery(q, viewerId, new Date());
  return searchPool.query(sql, parameters);
}

function send(response: import('node:http').ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://baseline');
    if (url.pathname === '/work-queue') {
      const q = url.searchParams.get('q');
      const result =
        q === null ? await pool.query(WORK_QUEUE_SQL, [organizationId, viewerId]) : await searchPage(q);
      return send(response, 200, {
        items: result.rows.slice(0, 50),
        nextCursor: result.rows.length > 50 ? 'more' : null,
      });
    }
    const detail = /^\/detail\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (detail) {
      const id = detail[1];
      const [row, timeline] = await Promise.all([
        pool.query(DETAIL_SQL, [id, organizationId, viewerId]),
        pool.query(TIMELINE_SQL, [id]),
      ]);
      if (row.rows.length === 0) return send(response, 404, { code: 'not_found' });
      return send(response, 200, { ...row.rows[0], timeline: timeline.rows });
    }
    const status = /^\/status\/([A-Za-z0-9_-]{43})$/.exec(url.pathname);
    if (status) {
      const [settings, link] = await Promise.all([
        pool.query(PORTAL_SETTINGS_SQL, [organizationId]),
        pool.query(STATUS_LINK_SQL, [sha256Hex(status[1] as string), organizationId]),
      ]);
      const complaint = link.rows[0];
      if (!complaint || settings.rows.length === 0) return send(response, 404, { code: 'not_found' });
      const [events, satisfaction, acknowledgement] = await Promise.all([
        pool.query(STATUS_EVENTS_SQL, [complaint.id, COMPLAINANT_EVENT_TYPES]),
        pool.query(STATUS_SATISFACTION_SQL, [complaint.id]),
        pool.query(STATUS_ACKNOWLEDGEMENT_SQL, [complaint.id]),
      ]);
      return send(response, 200, {
        complaint,
        events: events.rows,
        satisfaction: satisfaction.rows[0] ?? null,
        acknowledgementQueued: acknowledgement.rows.length > 0,
      });
    }
    send(response, 404, { code: 'not_found' });
  } catch (error) {
    send(response, 500, { code: 'internal', message: (error as Error).message });
  }
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`baseline listening on ${typeof address === 'object' && address ? address.port : '?'}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
