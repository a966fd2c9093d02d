import { type Kysely, sql } from 'kysely';

// Frozen in time: complaints, their append-only timeline, the access log, board notifications,
// per-year reference numbers and idempotency keys.

const STATUSES = `'new','in_progress','answered','with_committee','closed','referred','declined_outside_procedure','withdrawn'`;
const CATEGORIES = `'no_or_late_answer','repair_badly_done','request_wrongly_handled','treated_wrongly'`;

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
  await sql`
    create table complaint_sequence (
      organization_id uuid not null references organization (id) on delete cascade,
      year integer not null check (year between 2000 and 2999),
      last_number integer not null check (last_number >= 1),
      primary key (organization_id, year)
    )
  `.execute(db);
  await isolate(db, 'complaint_sequence', 'select, insert, update');

  // Nested decisions of the domain (triage, repeat, assessment, committee, approvals) are kept as jsonb
  // exactly as the domain returns them; the columns beside them are what lists and reports filter on.
  await sql`
    create table complaint (
      id uuid primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      reference text not null check (reference ~ '^K-[0-9]{4}-[0-9]{5,}$'),
      matter_id uuid not null references complaint (id),
      channel text not null check (channel in ('email', 'letter', 'phone', 'desk', 'web')),
      received_at timestamptz not null,
      registered_at timestamptz not null default now(),
      registered_by uuid references staff_user (id),
      registered_by_token uuid references api_token (id),
      complainant_id uuid references person (id),
      representative_id uuid references representative (id),
      unit_id uuid references unit (id),
      housing_complex_id uuid references housing_complex (id),
      department_id uuid references department (id),
      description text not null check (length(description) between 1 and 20000),
      desired_outcome text check (length(desired_outcome) <= 5000),
      status text not null check (status in (${sql.raw(STATUSES)})),
      confidential boolean not null default false,
      criminal_suspicion boolean not null default false,
      criminal_offence jsonb,
      triage_outcome text check (triage_outcome in ('complaint', 'not_a_complaint', 'outside_procedure')),
      triage jsonb,
      category text check (category in (${sql.raw(CATEGORIES)})),
      subject_kind text check (subject_kind in ('employee', 'department', 'contractor')),
      subject_employee_id uuid references staff_user (id),
      subject_department_id uuid references department (id),
      subject_contractor_id uuid references contractor (id),
      handler_id uuid references staff_user (id),
      responsible_manager_id uuid references staff_user (id),
      management_assistant_ids uuid[] not null default '{}',
      term_start_day date not null,
      original_due_at timestamptz not null,
      due_at timestamptz not null,
      calendar_settings_version integer not null,
      term_extensions jsonb not null default '[]',
      repeat_of_id uuid references complaint (id),
      repeat_input jsonb,
      repeat jsonb,
      repeat_rung text,
      written_only_reason text,
      assessment jsonb,
      outcome text check (outcome in ('upheld', 'partly_upheld', 'not_upheld')),
      compensation_cents bigint check (compensation_cents > 0),
      improvement_suggestions text check (length(improvement_suggestions) <= 10000),
      manager_approval jsonb,
      legal_advice jsonb,
      committee jsonb,
      answer_text text check (length(answer_text) <= 50000),
      answer_recipients jsonb,
      answered_at timestamptz,
      withdrawal jsonb,
      closed_at timestamptz,
      notes_text text not null default '',
      search_vector tsvector generated always as (
        to_tsvector('dutch'::regconfig, description || ' ' || coalesce(answer_text, '') || ' ' || notes_text)
      ) stored,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (organization_id, reference),
      -- a complaint comes from a staff member, an integration, or the tenant through the public portal
      check (registered_by is not null or registered_by_token is not null or channel = 'web')
    )
  `.execute(db);
  await sql`create index complaint_work_queue on complaint (organization_id, due_at, id)`.execute(db);
  await sql`create index complaint_received on complaint (organization_id, received_at desc)`.execute(db);
  await sql`create index complaint_matter on complaint (matter_id)`.execute(db);
  await sql`create index complaint_complainant on complaint (complainant_id)`.execute(db);
  await sql`create index complaint_unit on complaint (unit_id)`.execute(db);
  await sql`create index complaint_complex on complaint (housing_complex_id)`.execute(db);
  await sql`create index complaint_handler on complaint (handler_id)`.execute(db);
  await sql`create index complaint_search on complaint using gin (search_vector)`.execute(db);
  await sql`create index complaint_reference_trgm on complaint using gin (reference gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index complaint_description_trgm on complaint using gin (description gin_trgm_ops)`.execute(
    db,
  );
  // Nothing is hard-deleted through the API.
  await isolate(db, 'complaint', 'select, insert, update');

  // The timeline is append-only: the application role may add and read, never change or delete.
  await sql`
    create table complaint_event (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid not null references complaint (id),
      type text not null check (type ~ '^[a-z_]{2,60}$'),
      at timestamptz not null default now(),
      actor_user_id uuid references staff_user (id),
      actor_token_id uuid references api_token (id),
      contact_kind text check (contact_kind in ('phone', 'in_person', 'email', 'letter')),
      contact_direction text check (contact_direction in ('inbound', 'outbound')),
      summary text check (length(summary) <= 20000),
      payload jsonb not null default '{}'
    )
  `.execute(db);
  await sql`create index complaint_event_timeline on complaint_event (complaint_id, id)`.execute(db);
  await isolate(db, 'complaint_event', 'select, insert');
  await sql`grant usage on sequence complaint_event_id_seq to gehoord_app`.execute(db);

  // Privacy audits: who read which complaint (or attachment), when.
  await sql`
    create table complaint_access_log (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid not null references complaint (id),
      user_id uuid references staff_user (id),
      token_id uuid references api_token (id),
      what text not null check (what in ('detail', 'attachment')),
      at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index complaint_access_log_complaint on complaint_access_log (complaint_id, at desc)`.execute(
    db,
  );
  await isolate(db, 'complaint_access_log', 'select, insert');
  await sql`grant usage on sequence complaint_access_log_id_seq to gehoord_app`.execute(db);

  // policy 2.5: suspected criminal offences go to the board at once; the board's inbox.
  await sql`
    create table board_notification (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid not null references complaint (id),
      reason text not null check (reason in ('suspected_criminal_offence')),
      created_at timestamptz not null default now(),
      acknowledged_at timestamptz,
      acknowledged_by uuid references staff_user (id)
    )
  `.execute(db);
  await isolate(db, 'board_notification', 'select, insert, update');

  await sql`
    create table idempotency_key (
      organization_id uuid not null references organization (id) on delete cascade,
      caller text not null,
      key text not null check (length(key) between 1 and 200),
      operation text not null,
      request_hash text not null,
      response_status integer not null,
      response_body jsonb not null,
      created_at timestamptz not null default now(),
      primary key (organization_id, caller, key)
    )
  `.execute(db);
  await isolate(db, 'idempotency_key', 'select, insert, delete');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'idempotency_key',
    'board_notification',
    'complaint_access_log',
    'complaint_event',
    'complaint',
    'complaint_sequence',
  ]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
}
