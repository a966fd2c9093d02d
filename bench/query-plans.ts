import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import {
  DETAIL_SQL,
  SEARCH_SQL,
  searchParameters,
  TIMELINE_SQL,
  WORK_QUEUE_SQL,
} from './baseline-queries.ts';
import { ROOT } from './gehoord-process.ts';

// EXPLAIN (ANALYZE, BUFFERS) of the key queries, run the way the app runs them: as gehoord_app with the
// organisation set, so row-level security is part of the plan. Kept in bench/plans/<scale>/ for review.

export async function writeQueryPlans(
  client: pg.Client,
  scale: string,
  context: { organizationId: string; viewerId: string; complaintId: string; searchTerm: string },
): Promise<string> {
  const dir = path.join(ROOT, 'bench', 'plans', scale);
  await mkdir(dir, { recursive: true });
  const queries: [string, string, unknown[]][] = [
    ['work-queue', WORK_QUEUE_SQL, [context.organizationId, context.viewerId]],
    [
      'search',
      SEARCH_SQL,
      [context.organizationId, context.viewerId, ...searchParameters(context.searchTerm)],
    ],
    ['detail', DETAIL_SQL, [context.complaintId, context.organizationId, context.viewerId]],
    ['timeline', TIMELINE_SQL, [context.complaintId]],
  ];
  for (const [name, sql, parameters] of queries) {
    await client.query('begin');
    try {
      await client.query(
        "select set_config('role', 'gehoord_app', true), set_config('gehoord.organization_id', $1, true)",
        [context.organizationId],
      );
      const plan = await client.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${sql}`,
        parameters,
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      await writeFile(path.join(dir, `${name}.txt`), `-- ${name} (${scale} data)\n${sql}\n\n${text}\n`);
    } finally {
      await client.query('rollback');
    }
  }
  return path.relative(ROOT, dir);
}
