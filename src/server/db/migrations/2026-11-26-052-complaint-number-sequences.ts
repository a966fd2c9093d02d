import { type Kysely, sql } from 'kysely';

/**
 * Reference numbers from a PostgreSQL sequence per organisation and year instead of a counter row. The row was
 * locked from the moment a registration took its number until that registration committed, so every
 * registration of a corporation waited for the one before it (decision 013). A sequence hands out numbers
 * without holding anything; the price is a gap when a registration fails after taking its number.
 * The first number of a year continues after the counter row, so existing numbering carries on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function next_complaint_number(year integer) returns integer
    language plpgsql volatile security definer set search_path = public, pg_temp
    as $$
    declare
      organization uuid := current_organization_id();
      sequence_name text;
      first_number integer;
    begin
      if organization is null then raise exception 'no organisation in scope'; end if;
      if year not between 2000 and 2999 then raise exception 'year % out of range', year; end if;
      sequence_name := format('complaint_number_%s_%s', replace(organization::text, '-', ''), year);
      if to_regclass(sequence_name) is null then
        -- Two first registrations of a year at once: the second waits here and then finds the sequence
        -- (this statement's catalog snapshot may not show a sequence committed meanwhile: creating it again then
        -- fails with duplicate_table, which means it exists now)
        perform pg_advisory_xact_lock(hashtext(sequence_name));
        begin
          select coalesce(max(s.last_number), 0) + 1 into first_number
            from complaint_sequence s where s.organization_id = organization and s.year = next_complaint_number.year;
          execute format('create sequence %I as integer start with %s', sequence_name, first_number);
        exception when duplicate_table or unique_violation then
          null;
        end;
      end if;
      return nextval(sequence_name);
    end $$
  `.execute(db);
  await sql`revoke all on function next_complaint_number(integer) from public`.execute(db);
  await sql`grant execute on function next_complaint_number(integer) to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function next_complaint_number(integer)`.execute(db);
  await sql`
    do $$
    declare name text;
    begin
      for name in select c.relname from pg_class c where c.relkind = 'S' and c.relname like 'complaint\_number\_%' loop
        execute format('drop sequence %I', name);
      end loop;
    end $$
  `.execute(db);
}
