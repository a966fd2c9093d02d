import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import {
  DETAIL_SQL,
  SEARCH_IDS_SQL,
  searchParameters,
  searchQuery,
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
  // The search function runs as the owner (outside row-level security); its plan is shown as such.
  const search = searchQuery(context.searchTerm, context.viewerId, new Date());
  const queries: [string, string, unknown[], 'gehoord_app' | 'owner'][] = [
    ['work-queue', WORK_QUEUE_SQL, [context.organizationId, context.viewerId], 'gehoord_app'],
    ['search', search.sql, search.parameters, 'gehoord_app'],
    ['search-function', SEARCH_IDS_SQL, searchParameters(context.searchTerm), 'owner'],
    ['detail', DETAIL_SQL, [context.complaintId, context.organizationId, context.viewerId], 'gehoord_app'],
    ['timeline', TIMELINE_SQL, [context.complaintId], 'gehoord_app'],
  ];
  for (const [name, sql, parameters, role] of queries) {
    await client.query('begin');
    try {
      await client.query(
        "select set_config('role', $2, true), set_config('gehoord.organization_id', $1, true)",
        [context.organizationId, role === 'owner' ? 'none' : role],
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
