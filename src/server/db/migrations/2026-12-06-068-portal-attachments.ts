import { type Kysely, sql } from 'kysely';

/**
 * Issue 21: a complainant may send photos and documents with the portal form. Such a file has no staff
 * member or API token behind it: `from_portal` says so, and then neither uploader column is set.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table complaint_attachment add column from_portal boolean not null default false`.execute(
    db,
  );
  await sql`alter table complaint_attachment drop constraint complaint_attachment_check`.execute(db);
  await sql`
    alter table complaint_attachment add constraint complaint_attachment_uploader_check check (
      case when from_portal then uploaded_by is null and uploaded_by_token is null
           else (uploaded_by is null) <> (uploaded_by_token is null) end
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from complaint_attachment where from_portal`.execute(db);
  await sql`alter table complaint_attachment drop constraint complaint_attachment_uploader_check`.execute(db);
  await sql`
    alter table complaint_attachment add constraint complaint_attachment_check
      check ((uploaded_by is null) <> (uploaded_by_token is null))
  `.execute(db);
  await sql`alter table complaint_attachment drop column from_portal`.execute(db);
}
