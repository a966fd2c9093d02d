import { type Kysely, sql } from 'kysely';

/**
 * Issue 24 (decision 040): the anonymised sector benchmark.
 *
 * - `organization.sector_benchmark`: a corporation takes part only when its administrator opts in; off by
 *   default. The organisation table already has row-level security (migration 001): the application role reads
 *   and changes only its own organisation's choice.
 * - `sector_benchmark_figure`: the sector's quartiles per period and measure, written by the owner's scheduled
 *   job from the opted-in corporations' figures. It holds no organisation's id, name or figure — only the
 *   quartiles and how many corporations they cover, or nothing when fewer than the minimum group had a value —
 *   so it is not a tenant table: the application role may read it (the route shows it only to a participant)
 *   and may not write it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organization add column sector_benchmark boolean not null default false`.execute(db);
  await sql`
    create table sector_benchmark_figure (
      period text not null check (period ~ '^[0-9]{4}(-Q[1-4])?$'),
      measure text not null,
      corporations integer check (corporations is null or corporations > 0),
      p25 double precision,
      p50 double precision,
      p75 double precision,
      computed_at timestamptz not null,
      primary key (period, measure),
      check ((corporations is null) = (p50 is null) and (p25 is null) = (p50 is null) and (p75 is null) = (p50 is null))
    )
  `.execute(db);
  await sql`grant select on sector_benchmark_figure to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table sector_benchmark_figure`.execute(db);
  await sql`alter table organization drop column sector_benchmark`.execute(db);
}
