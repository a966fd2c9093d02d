import { type Kysely, sql } from 'kysely';

/**
 * Issue 22: each person's choice of how notifications reach them by e-mail — at once, in the daily digest or
 * not at all — overall (`notification_setting.email_mode`, null: each topic's default) and per topic, and the
 * language of those mails. The bell shows every notification regardless.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_setting (
      user_id uuid primary key references staff_user (id),
      organization_id uuid not null references organization (id) on delete cascade,
      email_mode text check (email_mode in ('immediate', 'digest', 'off')),
      locale text not null default 'nl' check (locale in ('nl', 'en')),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`
    create table notification_topic_setting (
      user_id uuid not null references staff_user (id),
      organization_id uuid not null references organization (id) on delete cascade,
      topic text not null check (topic ~ '^[a-z_]{2,60}$'),
      email_mode text not null check (email_mode in ('immediate', 'digest', 'off')),
      primary key (user_id, topic)
    )
  `.execute(db);
  for (const table of ['notification_setting', 'notification_topic_setting']) {
    await sql.raw(`alter table ${table} enable row level security`).execute(db);
    await sql
      .raw(
        `create policy ${table}_isolation on ${table}
         using (organization_id = current_organization_id())
         with check (organization_id = current_organization_id())`,
      )
      .execute(db);
  }
  await sql`grant select, insert, update on notification_setting to gehoord_app`.execute(db);
  await sql`grant select, insert, update, delete on notification_topic_setting to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table notification_topic_setting`.execute(db);
  await sql`drop table notification_setting`.execute(db);
}
