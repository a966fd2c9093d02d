import { type Kysely, sql } from 'kysely';

/**
 * Issue 26 (decision 050): the annual complaint-handling self-assessment. One per organisation and year: the
 * assessed document (requirements with their status and aggregate evidence figures only — no names, no complaint
 * texts), who made it and when, and whether the corporation published it on its portal (opt-in, off by default).
 * Making it again replaces the document and withdraws a publication, so nothing unseen goes public.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table self_assessment (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      year integer not null check (year between 2000 and 2999),
      requirements_version text not null check (length(requirements_version) between 1 and 40),
      document jsonb not null,
      generated_at timestamptz not null,
      generated_by uuid references staff_user (id) on delete set null,
      published_at timestamptz,
      unique (organization_id, year)
    )
  `.execute(db);
  await sql`alter table self_assessment enable row level security`.execute(db);
  await sql`
    create policy self_assessment_isolation on self_assessment
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update, delete on self_assessment to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table self_assessment`.execute(db);
}
