import { type Kysely, sql } from 'kysely';

/**
 * Issue 22: work-queue views kept on the server. A view is a name and the queue's filter query string (only
 * filter values, no personal data); its owner may share it with their department, whose members then see it
 * in their list too. Only the owner deletes it. One name per owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table saved_view (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      owner_id uuid not null references staff_user (id) on delete cascade,
      name text not null check (length(name) between 1 and 80),
      query text not null check (length(query) <= 2000),
      department_id uuid references department (id) on delete set null,
      shared boolean not null default false,
      created_at timestamptz not null default now(),
      unique (owner_id, name)
    )
  `.execute(db);
  await sql`create index saved_view_shared on saved_view (organization_id, department_id) where shared`.execute(
    db,
  );
  await sql`alter table saved_view enable row level security`.execute(db);
  await sql`
    create policy saved_view_isolation on saved_view
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update, delete on saved_view to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table saved_view`.execute(db);
}
