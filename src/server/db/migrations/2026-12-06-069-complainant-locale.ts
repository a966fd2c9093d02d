import { type Kysely, sql } from 'kysely';

/**
 * Issue 21 (decision 028): the complainant's language is stored on the complaint, so every mail and letter
 * to them goes in that language and staff see it. Dutch by default; complaints made on the web form take
 * the form's language (the `portal_intake` event already recorded it). The list is frozen here on purpose
 * (migrations never import app code).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table complaint add column complainant_locale text not null default 'nl'
      check (complainant_locale in ('nl', 'en', 'tr', 'ar', 'pl'))
  `.execute(db);
  await sql`
    update complaint c set complainant_locale = e.payload->>'language'
    from complaint_event e
    where e.complaint_id = c.id and e.type = 'portal_intake'
      and e.payload->>'language' in ('nl', 'en', 'tr', 'ar', 'pl')
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table complaint drop column complainant_locale`.execute(db);
}
