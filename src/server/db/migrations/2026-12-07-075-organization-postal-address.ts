import { type Kysely, sql } from 'kysely';

/**
 * Issue 22 (decision 036): the organisation's postal address, where complainants write to and what a letter
 * prints as its return address. The organisation table already has row-level security (migration 001); its
 * name and this address are edited on the administrator's organisation page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table organization add column postal_address text
      check (postal_address is null or (length(postal_address) between 1 and 500))
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organization drop column postal_address`.execute(db);
}
