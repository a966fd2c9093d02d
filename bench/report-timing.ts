// `node bench/report-timing.ts [--scale medium] [--seed 1] [--year 2025]`: how long the annual report of
// one year takes as PDF and as Excel workbook (issue 11: each under 10 s on this 2-core machine), measured
// end to end through the API: POST /api/reports/jobs, poll until done, download. `measureAnnualReports`
// is what `npm run bench` can call with its own server and session.

import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { ScaleName } from '../src/server/seed/scales.ts';
import { BENCH_PASSWORD, prepareDataSet } from './data-set.ts';
import { embeddedOwnerUrl, signIn, startGehoord } from './gehoord-process.ts';

type Target = { port: number; hostname: string; cookie: string };

function call(target: Target, method: 'GET' | 'POST', path: string, body?: object) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method,
        path,
        headers: {
          host: target.hostname,
          cookie: target.cookie,
          origin: `http://127.0.0.1:${target.port}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function timeJob(target: Target, input: object) {
  const started = performance.now();
  const created = await call(target, 'POST', '/api/reports/jobs', input);
  if (created.status !== 202) throw new Error(`report job refused: ${created.status} ${created.body}`);
  const { id } = JSON.parse(created.body.toString()) as { id: string };
  for (;;) {
    const polled = await call(target, 'GET', `/api/reports/jobs/${id}`);
    const job = JSON.parse(polled.body.toString()) as { status: string; downloadUrl: string | null };
    if (job.status === 'failed') throw new Error(`report job failed: ${polled.body}`);
    if (job.status === 'done' && job.downloadUrl) {
      const file = await call(target, 'GET', job.downloadUrl);
      return { ms: Math.round(performance.now() - started), bytes: file.body.length };
    }
    await sleep(50);
  }
}

/** The annual report of `year`, once as PDF and once as Excel, each timed from request to downloaded file. */
export async function measureAnnualReports(target: Target, year: number) {
  const pdf = await timeJob(target, { kind: 'annual', year, format: 'pdf' });
  const xlsx = await timeJob(target, { kind: 'annual', year, format: 'xlsx' });
  return { year, pdfMs: pdf.ms, pdfBytes: pdf.bytes, xlsxMs: xlsx.ms, xlsxBytes: xlsx.bytes };
}

async function main() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'medium' },
      seed: { type: 'string', default: '1' },
      year: { type: 'string' },
    },
  });
  const now = new Date(new Date().toISOString().slice(0, 10));
  const year = Number(values.year ?? now.getUTCFullYear() - 1);
  const data = await prepareDataSet(values.scale as ScaleName, Number(values.seed), { fresh: false, now });
  const server = await startGehoord(data.dataDir);
  try {
    const owner = new pg.Client({ connectionString: embeddedOwnerUrl(data.dataDir) });
    await owner.connect();
    const { rows } = await owner.query<{ email: string; hostname: string; complaints: number }>(
      `select u.email, o.hostnames[1] as hostname,
              (select count(*)::int from complaint c where c.organization_id = o.id
                and c.received_at >= make_date($1, 1, 1) and c.received_at < make_date($1 + 1, 1, 1)) as complaints
       from staff_user u join organization o on o.id = u.organization_id
       where 'management_team' = any(u.roles) and u.active order by o.created_at, u.email limit 1`,
      [year],
    );
    await owner.end();
    const mt = rows[0];
    if (!mt) throw new Error('the data set has no management team member');
    const cookie = await signIn(server.port, mt.hostname, mt.email, BENCH_PASSWORD);
    const result = await measureAnnualReports({ port: server.port, hostname: mt.hostname, cookie }, year);
    console.log(JSON.stringify({ scale: values.scale, complaintsInYear: mt.complaints, ...result }, null, 2));
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
