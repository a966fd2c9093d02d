import { type Kysely, sql } from 'kysely';

/**
 * The report's sets are dated by when complaints were answered or closed, or by a committee step or a paid
 * compensation (docs/measures.md). Without an index on those, every table of a quarterly report read all of
 * the corporation's complaints of every year (a 27,000-complaint corporation: 0.7–0.9 s per report).
 * The partial indexes hold only the complaints that have such a step; the measures name the condition.
 */
const INDEXES = [
  ['complaint_answered', 'complaint (organization_id, answered_at) where answered_at is not null'],
  ['complaint_closed', 'complaint (organization_id, closed_at) where closed_at is not null'],
  ['complaint_with_committee', 'complaint (organization_id) where committee is not null'],
  [
    'complaint_with_compensation',
    "complaint (organization_id) where (assessment -> 'compensation') is not null",
  ],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, definition] of INDEXES)
    await sql.raw(`create index ${name} on ${definition}`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of INDEXES) await sql.raw(`drop index ${name}`).execute(db);
}
