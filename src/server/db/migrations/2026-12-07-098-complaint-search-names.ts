import { type Kysely, sql } from 'kysely';

/**
 * Issue 24, decision 056: one narrow search row per complaint holding the names a search matches besides the
 * complaint's own text and reference — its complainant's name, its unit's street and its housing complex's name
 * (`names`, joined by the unit separator U+001F so a pattern cannot match across two of them) and its unit's
 * postcode. A search tests a walked complaint against this one short row (one key lookup) instead of looking up
 * complainants, units and complexes through three trigram indexes first (5–46 ms each on the national data,
 * whatever the word), and a word the walk cannot settle finds every complaint matching by name through one
 * trigram index (`search_name_complaint_ids`, outside row-level security like migration 083's function).
 *
 * Triggers keep the row in step: the complaint's insert and a change of its complainant, unit or complex; a
 * rename of a person, a street or postcode, a complex (anonymisation and erasure rename); deleting a complaint
 * (retention) deletes its row. They are SECURITY DEFINER so they behave alike for the app, the platform role and
 * the owner (jobs); they only ever write the row of the complaint that changed or that refers to what changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table complaint_search_names (
      complaint_id uuid primary key references complaint(id) on delete cascade,
      organization_id uuid not null,
      names text not null,
      postcode text
    )
  `.execute(db);
  await sql`alter table complaint_search_names enable row level security`.execute(db);
  await sql`
    create policy complaint_search_names_isolation on complaint_search_names
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select on complaint_search_names to gehoord_app`.execute(db);

  // What the row of each complaint should hold, from its current complainant, unit and complex (the one place
  // this is written; the triggers, the fill below and the data generator's bulk load use it). Owned by the
  // migration's role and read only by the SECURITY DEFINER functions below.
  await sql`
    create view complaint_search_names_source as
    select c.id as complaint_id, c.organization_id, concat_ws(chr(31), p.name, u.street, h.name) as names,
           u.postcode
      from complaint c
      left join person p on p.id = c.complainant_id
      left join unit u on u.id = c.unit_id
      left join housing_complex h on h.id = c.housing_complex_id
  `.execute(db);
  await sql`revoke all on complaint_search_names_source from public`.execute(db);
  await sql`
    create function complaint_search_names_refresh(ids uuid[]) returns void
    language sql volatile security definer set search_path = public, pg_temp
    as $$
      insert into complaint_search_names (complaint_id, organization_id, names, postcode)
      select * from complaint_search_names_source where complaint_id = any(ids)
      on conflict (complaint_id) do update
        set organization_id = excluded.organization_id, names = excluded.names, postcode = excluded.postcode
    $$
  `.execute(db);
  // Every complaint without a row, in one statement (the migration below, and the data generator's bulk load,
  // which turns the insert trigger off while it copies)
  await sql`
    create function complaint_search_names_fill() returns void
    language sql volatile security definer set search_path = public, pg_temp
    as $$
      insert into complaint_search_names (complaint_id, organization_id, names, postcode)
      select * from complaint_search_names_source s
       where not exists (select 1 from complaint_search_names n where n.complaint_id = s.complaint_id)
    $$
  `.execute(db);
  await sql`
    create function complaint_search_names_of_complaint() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
    as $$
    begin
      -- A new complaint has no row yet: a plain insert (measured on the national data: 0.14-0.19 ms a
      -- registration, against 0.6-0.9 ms through the refresh function with its upsert)
      if tg_op = 'INSERT' then
        insert into complaint_search_names (complaint_id, organization_id, names, postcode)
        select * from complaint_search_names_source where complaint_id = new.id;
      else
        perform complaint_search_names_refresh(array[new.id]);
      end if;
      return null;
    end
    $$
  `.execute(db);
  await sql`
    create trigger complaint_search_names_insert after insert on complaint
      for each row execute function complaint_search_names_of_complaint()
  `.execute(db);
  await sql`
    create trigger complaint_search_names_update after update of complainant_id, unit_id, housing_complex_id on complaint
      for each row when (old.complainant_id is distinct from new.complainant_id or old.unit_id is distinct from new.unit_id
        or old.housing_complex_id is distinct from new.housing_complex_id)
      execute function complaint_search_names_of_complaint()
  `.execute(db);
  // Renames: every complaint that refers to the renamed person, unit or complex (through the complaint's
  // foreign-key indexes)
  for (const [table, column, changed] of [
    ['person', 'complainant_id', 'old.name is distinct from new.name'],
    [
      'unit',
      'unit_id',
      'old.street is distinct from new.street or old.postcode is distinct from new.postcode',
    ],
    ['housing_complex', 'housing_complex_id', 'old.name is distinct from new.name'],
  ] as const) {
    await sql`
      create function ${sql.raw(`complaint_search_names_of_${table}`)}() returns trigger
      language plpgsql security definer set search_path = public, pg_temp
      as ${sql.lit(`
      begin
        perform complaint_search_names_refresh(array(select c.id from complaint c where c.${column} = new.id));
        return null;
      end
      `)}
    `.execute(db);
    await sql`
      create trigger ${sql.raw(`complaint_search_names_rename`)} after update on ${sql.table(table)}
        for each row when (${sql.raw(changed)})
        execute function ${sql.raw(`complaint_search_names_of_${table}`)}()
    `.execute(db);
  }
  for (const fn of [
    'complaint_search_names_refresh(uuid[])',
    'complaint_search_names_fill()',
    'complaint_search_names_of_complaint()',
    'complaint_search_names_of_person()',
    'complaint_search_names_of_unit()',
    'complaint_search_names_of_housing_complex()',
  ])
    await sql`revoke all on function ${sql.raw(fn)} from public`.execute(db);

  // Every complaint there is now, in one statement (then the index, built once)
  await sql`select complaint_search_names_fill()`.execute(db);
  await sql`
    create index complaint_search_names_trgm on complaint_search_names
      using gin (organization_id, names gin_trgm_ops, postcode gin_trgm_ops)
  `.execute(db);

  // A word the walk cannot settle: every complaint of the organisation in scope matching by name, street,
  // postcode or complex, through the one trigram index (ILIKE is not leakproof, so not under row-level security)
  await sql`
    create function search_name_complaint_ids(pattern text, key_pattern text, postcode_pattern text)
      returns setof uuid
    language sql stable security definer set search_path = public, pg_temp
    as $$
      -- the index is asked for key_pattern (a part of pattern with rarer trigrams); pattern itself is tested on
      -- the rows found, in a form the index cannot take
      select s.complaint_id from complaint_search_names s
       where s.organization_id = current_organization_id() and s.names ilike key_pattern
         and (s.names || '') ilike pattern
      union
      -- a word that cannot be part of a postcode has no pattern here (decision 044): this part is not run
      select s.complaint_id from complaint_search_names s
       where postcode_pattern is not null
         and s.organization_id = current_organization_id() and s.postcode like postcode_pattern
    $$
  `.execute(db);
  await sql`revoke all on function search_name_complaint_ids(text, text, text) from public`.execute(db);
  await sql`grant execute on function search_name_complaint_ids(text, text, text) to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function search_name_complaint_ids(text, text, text)`.execute(db);
  for (const table of ['person', 'unit', 'housing_complex'])
    await sql`drop trigger complaint_search_names_rename on ${sql.table(table)}`.execute(db);
  await sql`drop trigger complaint_search_names_update on complaint`.execute(db);
  await sql`drop trigger complaint_search_names_insert on complaint`.execute(db);
  for (const fn of [
    'complaint_search_names_of_person()',
    'complaint_search_names_of_unit()',
    'complaint_search_names_of_housing_complex()',
    'complaint_search_names_of_complaint()',
    'complaint_search_names_fill()',
    'complaint_search_names_refresh(uuid[])',
  ])
    await sql`drop function ${sql.raw(fn)}`.execute(db);
  await sql`drop view complaint_search_names_source`.execute(db);
  await sql`drop table complaint_search_names`.execute(db);
}
