import { type Kysely, sql } from 'kysely';

/**
 * Issue 24, "Run D regressions" (docs/performance.md): the report's satisfaction figures (decision 050) ask per
 * answered complaint whether a `satisfaction_requested` event exists, and join its scores. On the national data
 * set (10 M events) the planner answered the first for a year's trend with one hashed pass over the whole
 * `complaint_event` table (319,000 pages read, 2.6–3.4 s of a quarterly report), and the second with a pass over
 * every corporation's scores (4,100 pages). The partial index holds only the request events — at most one per
 * complaint — so the question is an index-only probe within the organisation (2 pages); the satisfaction-request
 * job's `not exists` asks the same. The scores' index gives one organisation's scores by an index-only scan
 * (≈ 50 pages).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index complaint_event_satisfaction_requested on complaint_event (organization_id, complaint_id)
    where type = 'satisfaction_requested'
  `.execute(db);
  await sql`
    create index complaint_satisfaction_scores on complaint_satisfaction (organization_id, complaint_id)
    include (handling, outcome)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index complaint_satisfaction_scores`.execute(db);
  await sql`drop index complaint_event_satisfaction_requested`.execute(db);
}
