import { type Kysely, sql } from 'kysely';

// Frozen in time: files added to a complaint. The file itself lives in blob storage under `storage_key`;
// this row is its only way in, so a blob without a committed row is garbage and a row is never deleted.

async function isolate(db: Kysely<unknown>, table: string, grants = 'select, insert, update, delete') {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql
    .raw(
      `create policy ${table}_isolation on ${table}
       using (organization_id = current_organization_id())
       with check (organization_id = current_organization_id())`,
    )
    .execute(db);
  // 001's default privileges already granted everything on a new table: start from nothing.
  await sql.raw(`revoke all on ${table} from gehoord_app`).execute(db);
  await sql.raw(`grant ${grants} on ${table} to gehoord_app`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table complaint_attachment (
      id uuid primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid not null references complaint (id),
      file_name text not null check (length(file_name) between 1 and 255),
      media_type text not null check (length(media_type) between 3 and 200),
      size_bytes integer not null check (size_bytes >= 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      storage_key text not null unique check (length(storage_key) between 1 and 500),
      kind text not null check (kind in ('photo', 'letter', 'email', 'other')),
      description text check (length(description) <= 2000),
      uploaded_by uuid references staff_user (id),
      uploaded_by_token uuid references api_token (id),
      uploaded_at timestamptz not null default now(),
      check ((uploaded_by is null) <> (uploaded_by_token is null))
    )
  `.execute(db);
  await sql`create index complaint_attachment_complaint on complaint_attachment (complaint_id, uploaded_at)`.execute(
    db,
  );
  // Nothing is hard-deleted through the API, and a stored file never changes.
  await isolate(db, 'complaint_attachment', 'select, insert');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table complaint_attachment`.execute(db);
}
