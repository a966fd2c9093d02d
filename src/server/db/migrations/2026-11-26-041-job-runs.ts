import { type Kysely, sql } from 'kysely';

// Frozen in time: every run of a scheduled job (installation-wide, no personal data), so administrators
// see what ran, what it did in counts, and what failed and will be retried.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table job_run (
      id bigint generated always as identity primary key,
      job text not null check (length(job) between 1 and 100),
      started_at timestamptz not null,
      finished_at timestamptz not null default now(),
      outcome text not null check (outcome in ('done', 'failed')),
      result jsonb,
      error text check (length(error) <= 2000)
    )
  `.execute(db);
  await sql`create index job_run_recent on job_run (started_at desc)`.execute(db);
  await sql`grant select on job_run to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table job_run`.execute(db);
}
