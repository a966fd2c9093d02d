import { type Kysely, sql } from 'kysely';

// Report jobs (policy 3.2, issue 11): long reports are made off the request path; the row carries the
// progress and, when done, where the file is kept.

async function isolate(db: Kysely<unknown>, table: string, grants = 'select, insert, update, delete') {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql
    .raw(
      `create policy ${table}_isolation on ${table}
       using (organization_id = current_organization_id())
       with check (organization_id = current_organization_id())`,
    )
    .execute(db);
  await sql.raw(`grant ${grants} on ${table} to gehoord_app`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_job (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      requested_by uuid not null references staff_user (id),
      request jsonb not null,
      format text not null check (format in ('pdf', 'xlsx', 'csv', 'zip')),
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
      progress smallint not null default 0 check (progress between 0 and 100),
      file_key text,
      file_name text,
      content_type text,
      size_bytes bigint,
      error text check (length(error) <= 2000),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz,
      check ((status = 'done') = (file_key is not null))
    )
  `.execute(db);
  await sql`create index report_job_requester on report_job (organization_id, requested_by, created_at desc)`.execute(
    db,
  );
  await isolate(db, 'report_job', 'select, insert, update');
  // "Share of complaints linked to an improvement action" looks links up by complaint.
  await sql`create index improvement_action_complaint_complaint on improvement_action_complaint (complaint_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index improvement_action_complaint_complaint`.execute(db);
  await sql`drop table report_job`.execute(db);
}
