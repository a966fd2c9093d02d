import { type Kysely, sql } from 'kysely';

// Frozen in time: reference data for case handling — units, complainants, representatives, contractors,
// the policy's editable code lists and the versioned working-day calendar per organisation.

async function isolate(db: Kysely<unknown>, table: string, grants = 'select, insert, update, delete') {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql
    .raw(
      `create policy ${table}_isolation on ${table}
       using (organization_id = current_organization_id())
       with check (organization_id = current_organization_id())`,
    )
    .execute(db);
  await sql.raw(`grant ${grants} on ${table} to gehoord_app`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  // Re-import from the corporation's own system updates by its id.
  await sql`alter table housing_complex add column external_id text check (length(external_id) between 1 and 100)`.execute(
    db,
  );
  await sql`create unique index housing_complex_external on housing_complex (organization_id, external_id)`.execute(
    db,
  );
  await sql`create index housing_complex_name_trgm on housing_complex using gin (name gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table unit (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      housing_complex_id uuid references housing_complex (id),
      external_id text check (length(external_id) between 1 and 100),
      street text not null check (length(street) between 1 and 200),
      house_number integer not null check (house_number between 1 and 99999),
      house_number_addition text check (length(house_number_addition) between 1 and 10),
      postcode text not null check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      place text not null check (length(place) between 1 and 100),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index unit_external on unit (organization_id, external_id)`.execute(db);
  await sql`create index unit_complex on unit (housing_complex_id)`.execute(db);
  await sql`create index unit_postcode_trgm on unit using gin (postcode gin_trgm_ops)`.execute(db);
  await sql`create index unit_street_trgm on unit using gin (street gin_trgm_ops)`.execute(db);
  await isolate(db, 'unit');

  await sql`
    create table person (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      external_id text check (length(external_id) between 1 and 100),
      name text not null check (length(name) between 1 and 200),
      email text check (length(email) between 3 and 254),
      phone text check (length(phone) between 3 and 40),
      postal_address text check (length(postal_address) between 1 and 500),
      relation text not null check (relation in ('tenant', 'prospective_tenant', 'buyer', 'other')),
      unit_id uuid references unit (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index person_external on person (organization_id, external_id)`.execute(db);
  await sql`create index person_unit on person (unit_id)`.execute(db);
  await sql`create index person_name_trgm on person using gin (name gin_trgm_ops)`.execute(db);
  await isolate(db, 'person');

  // policy 1.1: "of hun naasten die een klacht willen indienen" — consent is noted with the representative
  await sql`
    create table representative (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      email text check (length(email) between 3 and 254),
      phone text check (length(phone) between 3 and 40),
      relation text not null check (length(relation) between 1 and 100),
      consent_noted boolean not null default false,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await isolate(db, 'representative');

  await sql`
    create table contractor (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      name text not null check (length(name) between 1 and 200),
      trade text check (length(trade) between 1 and 100),
      active boolean not null default true,
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create unique index contractor_name on contractor (organization_id, lower(name))`.execute(db);
  await isolate(db, 'contractor');

  // The policy's closed code lists; labels and order are editable, the codes are the domain's.
  await sql`
    create table reference_value (
      organization_id uuid not null references organization (id) on delete cascade,
      kind text not null check (kind in ('category', 'outside_procedure_ground', 'referral_target', 'not_a_complaint_kind')),
      code text not null check (code ~ '^[a-z_]{2,60}$'),
      label text not null check (length(label) between 1 and 300),
      sort_order integer not null default 0,
      active boolean not null default true,
      primary key (organization_id, kind, code)
    )
  `.execute(db);
  await isolate(db, 'reference_value');

  // Deadlines keep the version they were computed with, so old versions are never changed, only added.
  await sql`
    create table calendar_settings (
      organization_id uuid not null references organization (id) on delete cascade,
      version integer not null check (version >= 1),
      term_working_days integer not null check (term_working_days between 1 and 60),
      cut_off_time text not null check (cut_off_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      good_friday_is_day_off boolean not null,
      liberation_day text not null check (liberation_day in ('every_year', 'lustrum', 'never')),
      closing_days date[] not null default '{}',
      created_at timestamptz not null default now(),
      created_by uuid references staff_user (id),
      primary key (organization_id, version)
    )
  `.execute(db);
  await isolate(db, 'calendar_settings', 'select, insert');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'calendar_settings',
    'reference_value',
    'contractor',
    'representative',
    'person',
    'unit',
  ]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
  await sql`drop index housing_complex_name_trgm`.execute(db);
  await sql`drop index housing_complex_external`.execute(db);
  await sql`alter table housing_complex drop column external_id`.execute(db);
}
