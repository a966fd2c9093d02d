import { type Kysely, sql } from 'kysely';

// Frozen in time: learning from complaints (policy 3.1, 3.2) — the MT's list of policy issues, the quarterly
// meetings with their decisions, and improvement actions with their progress.

async function isolate(db: Kysely<unknown>, table: string, grants = 'select, insert, update') {
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
    create table policy_issue (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      source text not null check (source in ('policy_wrong', 'policy_missing', 'exception', 'improvement_suggestion', 'proposed')),
      title text not null check (length(title) between 1 and 300),
      description text check (length(description) <= 20000),
      raised_by uuid references staff_user (id),
      -- the timeline event it came from: each event becomes one issue, however often the list is refreshed
      source_event_id bigint unique references complaint_event (id),
      status text not null default 'open' check (status in ('open', 'decided', 'merged')),
      merged_into_id uuid references policy_issue (id),
      created_at timestamptz not null default now(),
      check ((status = 'merged') = (merged_into_id is not null))
    )
  `.execute(db);
  await sql`create index policy_issue_open on policy_issue (organization_id, status, created_at)`.execute(db);
  await isolate(db, 'policy_issue');

  await sql`
    create table policy_issue_complaint (
      organization_id uuid not null references organization (id) on delete cascade,
      policy_issue_id uuid not null references policy_issue (id),
      complaint_id uuid not null references complaint (id),
      primary key (policy_issue_id, complaint_id)
    )
  `.execute(db);
  await sql`create index policy_issue_complaint_complaint on policy_issue_complaint (complaint_id)`.execute(
    db,
  );
  await isolate(db, 'policy_issue_complaint', 'select, insert, delete');

  await sql`
    create table mt_meeting (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
      held_on date not null,
      attendee_ids uuid[] not null default '{}',
      other_attendees text check (length(other_attendees) <= 2000),
      minutes text not null default '' check (length(minutes) <= 100000),
      status text not null default 'draft' check (status in ('draft', 'approved')),
      approved_at timestamptz,
      approved_by uuid references staff_user (id),
      created_by uuid not null references staff_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )
  `.execute(db);
  await isolate(db, 'mt_meeting');
  // An approved record is the minutes archive: the database refuses any later change, not just the API.
  await sql`
    create function mt_meeting_locked() returns trigger language plpgsql as $$
    begin
      if old.status = 'approved' then
        raise exception 'mt meeting % is approved and locked', old.id using errcode = 'check_violation', constraint = 'mt_meeting_locked';
      end if;
      return new;
    end $$
  `.execute(db);
  await sql`create trigger mt_meeting_locked before update on mt_meeting for each row execute function mt_meeting_locked()`.execute(
    db,
  );

  await sql`
    create table improvement_action (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      title text not null check (length(title) between 1 and 300),
      description text check (length(description) <= 20000),
      owner_id uuid references staff_user (id),
      department_id uuid references department (id),
      due_on date,
      status text not null default 'proposed' check (status in ('proposed', 'agreed', 'in_progress', 'done', 'dropped')),
      dropped_reason text check (length(dropped_reason) <= 5000),
      result text check (length(result) <= 20000),
      -- what "complaints of that kind" means for the effect view
      scope_category text,
      scope_housing_complex_id uuid references housing_complex (id),
      scope_contractor_id uuid references contractor (id),
      created_by uuid not null references staff_user (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      completed_at timestamptz
    )
  `.execute(db);
  await sql`create index improvement_action_status on improvement_action (organization_id, status, due_on)`.execute(
    db,
  );
  await isolate(db, 'improvement_action');

  await sql`
    create table mt_decision (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      meeting_id uuid not null references mt_meeting (id),
      policy_issue_id uuid references policy_issue (id),
      subject text not null check (length(subject) between 1 and 500),
      decision text not null check (decision in ('adjust_policy', 'new_action', 'no_action')),
      reason text check (length(reason) <= 10000),
      improvement_action_id uuid references improvement_action (id),
      decided_by uuid not null references staff_user (id),
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await isolate(db, 'mt_decision', 'select, insert');

  await sql`
    create table improvement_action_complaint (
      organization_id uuid not null references organization (id) on delete cascade,
      improvement_action_id uuid not null references improvement_action (id),
      complaint_id uuid not null references complaint (id),
      primary key (improvement_action_id, complaint_id)
    )
  `.execute(db);
  await isolate(db, 'improvement_action_complaint', 'select, insert');

  await sql`
    create table improvement_action_issue (
      organization_id uuid not null references organization (id) on delete cascade,
      improvement_action_id uuid not null references improvement_action (id),
      policy_issue_id uuid not null references policy_issue (id),
      primary key (improvement_action_id, policy_issue_id)
    )
  `.execute(db);
  await isolate(db, 'improvement_action_issue', 'select, insert');

  await sql`
    create table improvement_action_note (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      improvement_action_id uuid not null references improvement_action (id),
      author_id uuid not null references staff_user (id),
      kind text not null check (kind in ('note', 'status_change')),
      text text not null check (length(text) between 1 and 20000),
      created_at timestamptz not null default now()
    )
  `.execute(db);
  await isolate(db, 'improvement_action_note', 'select, insert');
  await sql`grant usage on sequence improvement_action_note_id_seq to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'improvement_action_note',
    'improvement_action_issue',
    'improvement_action_complaint',
    'mt_decision',
    'improvement_action',
    'mt_meeting',
    'policy_issue_complaint',
    'policy_issue',
  ]) {
    await sql.raw(`drop table ${table}`).execute(db);
  }
  await sql`drop function mt_meeting_locked`.execute(db);
}
