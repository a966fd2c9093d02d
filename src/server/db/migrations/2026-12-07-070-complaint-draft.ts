import { type Kysely, sql } from 'kysely';

/**
 * Issue 22: what an officer is writing (an answer) is kept on the server as they type, so a
 * closed dialog or a reload loses nothing. One draft per complaint, kind and author; only its author reads
 * it (the repository filters on the author, row-level security on the organisation). Sending the answer
 * deletes the drafts of its kind; deleting the complaint deletes them too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table complaint_draft (
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid not null references complaint (id) on delete cascade,
      kind text not null check (kind in ('answer')),
      author_id uuid not null references staff_user (id) on delete cascade,
      text text not null check (length(text) <= 50000),
      template_kind text check (template_kind ~ '^[a-z_]{2,60}$'),
      updated_at timestamptz not null default now(),
      primary key (complaint_id, kind, author_id)
    )
  `.execute(db);
  await sql`create index complaint_draft_author on complaint_draft (author_id)`.execute(db);
  await sql`alter table complaint_draft enable row level security`.execute(db);
  await sql`
    create policy complaint_draft_isolation on complaint_draft
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update, delete on complaint_draft to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table complaint_draft`.execute(db);
}
