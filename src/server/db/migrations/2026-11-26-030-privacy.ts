import { type Kysely, sql } from 'kysely';

// Frozen in time: privacy by design (issue 12). Per-organisation retention and mail settings, legal holds,
// an access log that also covers person pages, exports and changes with where they came from, a log of
// erased ids (re-applied after a restore), and anonymisation as SECURITY DEFINER functions: the
// application role may not change the append-only timeline, so the only way it can scrub one is through
// these narrow, organisation-checked functions.

async function isolate(db: Kysely<unknown>, table: string, grants: string) {
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql
    .raw(
      `create policy ${table}_isolation on ${table}
       using (organization_id = current_organization_id())
       with check (organization_id = current_organization_id())`,
    )
    .execute(db);
  // 001's default privileges already granted everything on a new table: start from nothing.
  await sql.raw(`revoke all on ${table} from gehoord_app`).execute(db);
  await sql.raw(`grant ${grants} on ${table} to gehoord_app`).execute(db);
}

// The privacy officer (functionaris gegevensbescherming) joins the staff roles.
const ROLES_BEFORE = `array['employee','manager','management_assistant','management_team','board','legal','admin']::text[]`;
const ROLES_AFTER = `array['employee','manager','management_assistant','management_team','board','legal','admin','privacy_officer']::text[]`;

async function setStaffRoles(db: Kysely<unknown>, roles: string) {
  await sql
    .raw(`alter table staff_user drop constraint staff_user_roles_check,
      add constraint staff_user_roles_check check (cardinality(roles) >= 1 and roles <@ ${roles})`)
    .execute(db);
  await sql
    .raw(`alter table organization drop constraint organization_totp_required_roles_check,
      add constraint organization_totp_required_roles_check check (totp_required_roles <@ ${roles})`)
    .execute(db);
  await sql
    .raw(`alter table sso_settings drop constraint sso_settings_provisioning_role_check,
      add constraint sso_settings_provisioning_role_check check (provisioning_role = any(${roles}))`)
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await setStaffRoles(db, ROLES_AFTER);
  await sql`
    create table privacy_settings (
      organization_id uuid primary key references organization (id) on delete cascade,
      retention_years integer not null default 2 check (retention_years between 1 and 10),
      legal_hold_max_years integer not null default 5 check (legal_hold_max_years between 1 and 20),
      -- Minimisation: e-mails carry the reference and a link; the case's texts only when chosen
      mail_includes_case_text boolean not null default false,
      updated_at timestamptz not null default now(),
      updated_by uuid references staff_user (id),
      check (legal_hold_max_years >= retention_years)
    )
  `.execute(db);
  await isolate(db, 'privacy_settings', 'select, insert, update');

  await sql`
    create table legal_hold (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      complaint_id uuid not null references complaint (id),
      kind text not null check (kind in ('committee', 'huurcommissie', 'court', 'insurer', 'compensation')),
      reason text not null check (length(reason) between 1 and 1000),
      placed_on date not null,
      placed_by uuid references staff_user (id),
      lifted_on date,
      lifted_by uuid references staff_user (id),
      created_at timestamptz not null default now(),
      check (lifted_on is null or lifted_on >= placed_on)
    )
  `.execute(db);
  await sql`create index legal_hold_complaint on legal_hold (complaint_id)`.execute(db);
  await isolate(db, 'legal_hold', 'select, insert, update');

  for (const table of ['complaint', 'person', 'representative']) {
    await sql.raw(`alter table ${table} add column anonymised_at timestamptz`).execute(db);
  }
  await sql`alter table complaint_attachment add column erased_at timestamptz`.execute(db);
  await sql`create index complaint_closed_not_anonymised on complaint (organization_id, closed_at) where anonymised_at is null and closed_at is not null`.execute(
    db,
  );

  // One access log for every read of personal data: who, when, what and from where.
  await sql`alter table complaint_access_log alter column complaint_id drop not null`.execute(db);
  await sql`alter table complaint_access_log drop constraint complaint_access_log_what_check`.execute(db);
  await sql`
    alter table complaint_access_log
      add column person_id uuid references person (id),
      add column ip text check (length(ip) <= 100),
      add column user_agent text check (length(user_agent) <= 500),
      add column detail jsonb not null default '{}',
      add constraint complaint_access_log_what_check check (what in (
        'detail', 'attachment', 'person', 'person_complaints', 'change', 'export', 'subject_access_export',
        'erasure', 'access_log_export'))
  `.execute(db);
  await sql`create index complaint_access_log_person on complaint_access_log (person_id, at desc) where person_id is not null`.execute(
    db,
  );
  await sql`create index complaint_access_log_at on complaint_access_log (organization_id, at desc)`.execute(
    db,
  );

  // Ids only, never content: what a restore from an older backup must erase again.
  await sql`
    create table erasure_log (
      id bigint generated always as identity primary key,
      organization_id uuid not null references organization (id) on delete cascade,
      subject_kind text not null check (subject_kind in ('complaint', 'person', 'representative')),
      subject_id uuid not null,
      reason text not null check (reason in ('retention', 'request', 'reapply')),
      counts jsonb not null default '{}',
      erased_at timestamptz not null default now()
    )
  `.execute(db);
  await sql`create index erasure_log_subject on erasure_log (subject_id)`.execute(db);
  await isolate(db, 'erasure_log', 'select');

  // Free text inside the domain's jsonb (reasons, summaries, names, addresses) goes; the codes, dates,
  // ids and amounts every report counts on stay.
  await sql`
    create function privacy_scrub_json(value jsonb) returns jsonb
    language plpgsql immutable set search_path = public, pg_temp
    as $$
    declare
      result jsonb;
      k text;
      v jsonb;
      s text;
    begin
      case jsonb_typeof(value)
        when 'object' then
          result := '{}'::jsonb;
          for k, v in select * from jsonb_each(value) loop
            result := result || jsonb_build_object(k, privacy_scrub_json(v));
          end loop;
          return result;
        when 'array' then
          select coalesce(jsonb_agg(privacy_scrub_json(e) order by n), '[]'::jsonb) into result
          from jsonb_array_elements(value) with ordinality as t(e, n);
          return result;
        when 'string' then
          s := value #>> '{}';
          if s ~ '^[a-z][a-z0-9_]{0,59}$'
            or s ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?$'
            or s ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            or s ~ '^K-[0-9]{4}-[0-9]{5,}$'
            or s ~ '^[0-9]{4}-Q[1-4]$'
            or s ~ '^[0-9.]{1,12}$' then
            return value;
          end if;
          return to_jsonb('[geanonimiseerd]'::text);
        else
          return value;
      end case;
    end
    $$
  `.execute(db);

  await sql`
    create function privacy_anonymise_person(target uuid, why text) returns boolean
    language plpgsql security definer set search_path = public, pg_temp
    as $$
    declare
      p record;
    begin
      select * into p from person where id = target for update;
      if not found then return false; end if;
      if p.organization_id is distinct from current_organization_id() then
        raise exception 'person % is not in the current organisation', target using errcode = '42501';
      end if;
      if p.anonymised_at is not null then return false; end if;
      if exists (select 1 from complaint where complainant_id = target and anonymised_at is null) then
        raise exception 'person % still has complaints that are not anonymised', target using errcode = 'P0001';
      end if;
      -- their mail that never became part of a complaint (replies to nothing, auto-replies, bounces)
      if p.email is not null then
        update inbound_mail set raw = ''::bytea, from_address = null, subject = null, attachment_names = '{}',
          message_id = encode(sha256(convert_to(message_id, 'UTF8')), 'hex')
        where organization_id = p.organization_id and complaint_id is null
          and position(lower(p.email) in lower(coalesce(from_address, ''))) > 0;
      end if;
      update person set name = '[geanonimiseerd]', email = null, phone = null, postal_address = null,
        unit_id = null, external_id = null, anonymised_at = now(), updated_at = now()
      where id = target;
      insert into erasure_log (organization_id, subject_kind, subject_id, reason)
      values (p.organization_id, 'person', target, why);
      return true;
    end
    $$
  `.execute(db);

  await sql`
    create function privacy_anonymise_representative(target uuid, why text) returns boolean
    language plpgsql security definer set search_path = public, pg_temp
    as $$
    declare
      r record;
    begin
      select * into r from representative where id = target for update;
      if not found then return false; end if;
      if r.organization_id is distinct from current_organization_id() then
        raise exception 'representative % is not in the current organisation', target using errcode = '42501';
      end if;
      if r.anonymised_at is not null then return false; end if;
      if exists (select 1 from complaint where representative_id = target and anonymised_at is null) then
        raise exception 'representative % still acts in complaints that are not anonymised', target using errcode = 'P0001';
      end if;
      update representative set name = '[geanonimiseerd]', email = null, phone = null, anonymised_at = now()
      where id = target;
      insert into erasure_log (organization_id, subject_kind, subject_id, reason)
      values (r.organization_id, 'representative', target, why);
      return true;
    end
    $$
  `.execute(db);

  // Returns the storage keys of the complaint's files: the caller deletes those blobs after commit.
  // The complainant and representative are anonymised too once no other complaint needs them, unless the
  // person comes from the corporation's own system (external id) and the reason is retention: the
  // tenancy, not the complaint, is the reason that record exists.
  await sql`
    create function privacy_anonymise_complaint(target uuid, why text) returns text[]
    language plpgsql security definer set search_path = public, pg_temp
    as $$
    declare
      c record;
      keys text[];
      n_events integer;
      n_outbox integer;
      n_inbound integer;
      n_files integer;
    begin
      if why not in ('retention', 'request', 'reapply') then
        raise exception 'unknown reason %', why using errcode = '22023';
      end if;
      select * into c from complaint where id = target for update;
      if not found then return '{}'; end if;
      if c.organization_id is distinct from current_organization_id() then
        raise exception 'complaint % is not in the current organisation', target using errcode = '42501';
      end if;
      if c.anonymised_at is not null then return '{}'; end if;
      if c.closed_at is null and why <> 'reapply' then
        raise exception 'complaint % is not closed', target using errcode = 'P0001';
      end if;

      update complaint set
        description = '[geanonimiseerd]',
        desired_outcome = null,
        answer_text = case when answer_text is null then null else '[geanonimiseerd]' end,
        notes_text = '',
        improvement_suggestions = null,
        written_only_reason = case when written_only_reason is null then null else '[geanonimiseerd]' end,
        complainant_id = null,
        representative_id = null,
        unit_id = null,
        triage = privacy_scrub_json(triage),
        criminal_offence = privacy_scrub_json(criminal_offence),
        term_extensions = privacy_scrub_json(term_extensions),
        repeat_input = privacy_scrub_json(repeat_input),
        repeat = privacy_scrub_json(repeat),
        assessment = privacy_scrub_json(assessment),
        manager_approval = privacy_scrub_json(manager_approval),
        legal_advice = privacy_scrub_json(legal_advice),
        committee = privacy_scrub_json(committee),
        answer_recipients = privacy_scrub_json(answer_recipients),
        withdrawal = privacy_scrub_json(withdrawal),
        anonymised_at = now(),
        updated_at = now(),
        version = version + 1
      where id = target;

      update complaint_event set summary = null, payload = privacy_scrub_json(payload) where complaint_id = target;
      get diagnostics n_events = row_count;

      update outbox_message set recipient_to = array['geanonimiseerd@invalid'], recipient_cc = '{}',
        subject = '[geanonimiseerd]', body_text = '[geanonimiseerd]', body_html = null, last_error = null,
        in_reply_to = null,
        status = case when status in ('pending', 'sending') then 'failed' else status end
      where complaint_id = target;
      get diagnostics n_outbox = row_count;

      -- the message id stays unique (as a hash) so the mailbox poller still recognises it as processed
      update inbound_mail set raw = ''::bytea, from_address = null, subject = null, attachment_names = '{}',
        message_id = encode(sha256(convert_to(message_id, 'UTF8')), 'hex')
      where complaint_id = target and raw <> ''::bytea;
      get diagnostics n_inbound = row_count;

      select coalesce(array_agg(storage_key), '{}') into keys
      from complaint_attachment where complaint_id = target and erased_at is null;
      update complaint_attachment set file_name = 'geanonimiseerd', description = null,
        sha256 = repeat('0', 64), erased_at = now()
      where complaint_id = target and erased_at is null;
      get diagnostics n_files = row_count;

      update complaint_satisfaction set comment = null where complaint_id = target;
      update complaint_status_link set revoked_at = coalesce(revoked_at, now()) where complaint_id = target;
      -- a stored registration response repeats the complaint as it was
      delete from idempotency_key where organization_id = c.organization_id and response_body ->> 'id' = target::text;

      insert into erasure_log (organization_id, subject_kind, subject_id, reason, counts)
      values (c.organization_id, 'complaint', target, why, jsonb_build_object(
        'events', n_events, 'outboxMessages', n_outbox, 'inboundMails', n_inbound, 'files', n_files));

      -- a re-applied erasure names the people in the ledger itself: no cascade then
      if why <> 'reapply' and c.complainant_id is not null
        and not exists (select 1 from complaint where complainant_id = c.complainant_id)
        and (why = 'request' or (select external_id is null from person where id = c.complainant_id)) then
        perform privacy_anonymise_person(c.complainant_id, why);
      end if;
      if why <> 'reapply' and c.representative_id is not null
        and not exists (select 1 from complaint where representative_id = c.representative_id) then
        perform privacy_anonymise_representative(c.representative_id, why);
      end if;
      return keys;
    end
    $$
  `.execute(db);

  for (const signature of [
    'privacy_anonymise_complaint(uuid, text)',
    'privacy_anonymise_person(uuid, text)',
    'privacy_anonymise_representative(uuid, text)',
  ]) {
    await sql.raw(`revoke all on function ${signature} from public`).execute(db);
    await sql.raw(`grant execute on function ${signature} to gehoord_app`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    update staff_user set roles = coalesce(nullif(array_remove(roles, 'privacy_officer'), '{}'), array['employee'])
    where 'privacy_officer' = any(roles)
  `.execute(db);
  await sql`update organization set totp_required_roles = array_remove(totp_required_roles, 'privacy_officer')`.execute(
    db,
  );
  await sql`update sso_settings set provisioning_role = 'employee' where provisioning_role = 'privacy_officer'`.execute(
    db,
  );
  await setStaffRoles(db, ROLES_BEFORE);
  await sql`drop function privacy_anonymise_complaint(uuid, text)`.execute(db);
  await sql`drop function privacy_anonymise_representative(uuid, text)`.execute(db);
  await sql`drop function privacy_anonymise_person(uuid, text)`.execute(db);
  await sql`drop function privacy_scrub_json(jsonb)`.execute(db);
  await sql`drop table erasure_log`.execute(db);
  await sql`drop index complaint_access_log_at`.execute(db);
  await sql`drop index complaint_access_log_person`.execute(db);
  await sql`delete from complaint_access_log where what not in ('detail', 'attachment') or complaint_id is null`.execute(
    db,
  );
  await sql`
    alter table complaint_access_log
      drop constraint complaint_access_log_what_check,
      drop column detail, drop column user_agent, drop column ip, drop column person_id,
      add constraint complaint_access_log_what_check check (what in ('detail', 'attachment'))
  `.execute(db);
  await sql`alter table complaint_access_log alter column complaint_id set not null`.execute(db);
  await sql`drop index complaint_closed_not_anonymised`.execute(db);
  await sql`alter table complaint_attachment drop column erased_at`.execute(db);
  for (const table of ['complaint', 'person', 'representative']) {
    await sql.raw(`alter table ${table} drop column anonymised_at`).execute(db);
  }
  await sql`drop table legal_hold`.execute(db);
  await sql`drop table privacy_settings`.execute(db);
}
