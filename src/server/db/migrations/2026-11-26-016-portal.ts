import { type Kysely, sql } from 'kysely';

// Frozen in time: the public complaint portal — per-organisation branding and referral settings (with the
// secret that signs the portal's forms), single-use form nonces, private status links (only the hash of the
// token is kept) and the complainant's satisfaction rating after the answer.

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

const URL_CHECK = (column: string) => `check (${column} ~ '^https?://' and length(${column}) <= 500)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per organisation, created on first use of the portal. Unset texts fall back to the defaults.
  await sql`
    create table portal_settings (
      organization_id uuid primary key references organization (id) on delete cascade,
      form_secret bytea not null check (length(form_secret) >= 32),
      display_name text check (length(display_name) between 1 and 200),
      logo_url text ${sql.raw(URL_CHECK('logo_url'))},
      brand_colour text check (brand_colour ~ '^#[0-9a-fA-F]{6}$'),
      contact_phone text check (length(contact_phone) between 1 and 40),
      contact_email text check (length(contact_email) between 3 and 254),
      contact_hours text check (length(contact_hours) between 1 and 500),
      website_url text ${sql.raw(URL_CHECK('website_url'))},
      repair_url text ${sql.raw(URL_CHECK('repair_url'))},
      nuisance_url text ${sql.raw(URL_CHECK('nuisance_url'))},
      fraud_url text ${sql.raw(URL_CHECK('fraud_url'))},
      objection_url text ${sql.raw(URL_CHECK('objection_url'))},
      referral_texts jsonb not null default '{}',
      committee_name text check (length(committee_name) between 1 and 200),
      committee_contact text check (length(committee_contact) between 1 and 1000),
      committee_url text ${sql.raw(URL_CHECK('committee_url'))},
      -- Where complaints from the portal land (its manager answers for them, policy 2.3); unset: nobody yet.
      intake_department_id uuid references department (id),
      status_link_days_after_close integer not null default 90
        check (status_link_days_after_close between 1 and 3650),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await isolate(db, 'portal_settings', 'select, insert, update');

  // A form's nonce is used once: a double click or a reload finds the first result instead of a duplicate.
  await sql`
    create table portal_form_nonce (
      organization_id uuid not null references organization (id) on delete cascade,
      nonce_hash text not null check (nonce_hash ~ '^[0-9a-f]{64}$'),
      purpose text not null check (purpose in ('complaint', 'message', 'satisfaction')),
      request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
      complaint_id uuid references complaint (id),
      created_at timestamptz not null default now(),
      primary key (organization_id, nonce_hash)
    )
  `.execute(db);
  await isolate(db, 'portal_form_nonce', 'select, insert, update');

  await sql`
    create table complaint_status_link (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid not null references complaint (id),
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      revoked_at timestamptz
    )
  `.execute(db);
  await sql`create index complaint_status_link_complaint on complaint_status_link (complaint_id)`.execute(db);
  await isolate(db, 'complaint_status_link', 'select, insert, update');

  await sql`
    create table complaint_satisfaction (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid not null unique references complaint (id),
      handling smallint not null check (handling between 1 and 5),
      outcome smallint not null check (outcome between 1 and 5),
      comment text check (length(comment) <= 2000),
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await isolate(db, 'complaint_satisfaction', 'select, insert');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'complaint_satisfaction',
    'complaint_status_link',
    'portal_form_nonce',
    'portal_settings',
  ]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
