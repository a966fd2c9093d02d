import { type Kysely, sql } from 'kysely';

/**
 * Issue 26 (decision 051): adjustments for complainants who need them, one row per person and kind (preferred
 * channel, large print, interpreter, call-back times, representative, reading or hearing needs). Each row keeps
 * its legal basis under the AVG, when consent was given (art. 9(2)(a) for health-related needs), who recorded it
 * and when. They go with the person: when the person is anonymised (retention or erasure) the rows are deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table complainant_adjustment (
      organization_id uuid not null references organization (id) on delete cascade,
      person_id uuid not null references person (id) on delete cascade,
      kind text not null check (kind in (
        'preferred_channel', 'large_print', 'interpreter', 'call_back', 'representative', 'access_needs')),
      value jsonb not null,
      legal_basis text not null check (legal_basis in ('consent_art9_2a', 'legitimate_interest_art6_1f')),
      consent_at timestamptz,
      recorded_by uuid references staff_user (id) on delete set null,
      recorded_at timestamptz not null,
      primary key (person_id, kind),
      check (legal_basis <> 'consent_art9_2a' or consent_at is not null)
    )
  `.execute(db);
  await sql`create index complainant_adjustment_organization on complainant_adjustment (organization_id)`.execute(
    db,
  );
  await sql`alter table complainant_adjustment enable row level security`.execute(db);
  await sql`
    create policy complainant_adjustment_isolation on complainant_adjustment
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update, delete on complainant_adjustment to gehoord_app`.execute(db);

  // Anonymising the person (privacy_anonymise_person) removes what they asked for with it
  await sql`
    create function complainant_adjustment_forget() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
    as $$
    begin
      delete from complainant_adjustment where person_id = new.id;
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create trigger person_anonymised_forgets_adjustments
    after update of anonymised_at on person
    for each row when (old.anonymised_at is null and new.anonymised_at is not null)
    execute function complainant_adjustment_forget()
  `.execute(db);
  await sql`revoke all on function complainant_adjustment_forget() from public`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger person_anonymised_forgets_adjustments on person`.execute(db);
  await sql`drop function complainant_adjustment_forget()`.execute(db);
  await sql`drop table complainant_adjustment`.execute(db);
}
