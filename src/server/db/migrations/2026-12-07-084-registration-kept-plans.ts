import { type Kysely, sql } from 'kysely';

/**
 * Issue 24, the write path (decision 045). Measured per statement with pg_stat_statements on the medium bench
 * (docs/performance.md): a registration's PostgreSQL time went largely to planning the same joins again on
 * every request — the acknowledgement's case facts 1.1 ms, the letter's parties 2.4 ms, the routing context
 * 0.4 ms of planning against ≈ 0.1 ms of execution each — and the portal's address match read the unit through
 * the postcode's trigram index (0.9 ms, ≈ 260 pages on the national set) for an equality.
 *
 * - Four PL/pgSQL functions whose `return query` PostgreSQL prepares once per connection and keeps (as migration
 *   078 did for the status page and the timeline). `plan_cache_mode = force_generic_plan`: left to itself,
 *   PostgreSQL plans the first five calls per connection anew and then compares costs — the routing context's
 *   `= any ($2)` looked dearer as a generic plan, so it was planned on every call (pg_stat_statements: 617 plans
 *   for 607 calls). Every statement here looks rows up by key, so one plan fits every call. They run as the
 *   caller (security invoker): row-level security applies exactly as for the queries they replace.
 *   The fourth reads the detail's relations (the API's 201 answer and the detail page): 1.6 ms of planning,
 *   0.4 ms of execution.
 * - A b-tree index on the unit's address: the lookup by postcode and house number reads one index entry.
 * - The trigram index on the complaint's description goes: no query reads it (idx_scan 0 on the national set
 *   after a full benchmark), and every registration wrote ≈ 100 trigram entries into it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index unit_address on unit (organization_id, postcode, house_number)`.execute(db);

  await sql`
    create function complaint_case_facts(p_complaint_id uuid)
    returns table (
      id uuid, organization_id uuid, reference text, channel text, status text, received_at timestamptz,
      due_at timestamptz, answer_text text, repeat jsonb, has_answer_term boolean, handler_id uuid,
      answered_at timestamptz, explanation_posted_on date, complainant_locale text,
      "organizationName" text, "complainantName" text, "complainantEmail" text,
      "representativeName" text, "representativeEmail" text, "handlerName" text
    )
    language plpgsql stable security invoker set search_path = public, pg_temp
    set plan_cache_mode = force_generic_plan
    as $$
    #variable_conflict use_column
    begin
      return query
      select c.id, c.organization_id, c.reference, c.channel, c.status, c.received_at, c.due_at, c.answer_text,
             c.repeat, c.has_answer_term, c.handler_id, c.answered_at, c.explanation_posted_on,
             c.complainant_locale, o.name, p.name, p.email, r.name, r.email, h.name
        from complaint c
        join organization o on o.id = c.organization_id
        left join person p on p.id = c.complainant_id
        left join representative r on r.id = c.representative_id
        left join staff_user h on h.id = c.handler_id
       where c.id = p_complaint_id;
    end
    $$
  `.execute(db);

  await sql`
    create function complaint_letter_parties(p_complaint_id uuid)
    returns table (
      "organizationName" text, "organizationAddress" text, "personName" text, "postalAddress" text,
      "representativeName" text, street text, house_number integer, house_number_addition text,
      postcode text, place text, "handlerName" text
    )
    language plpgsql stable security invoker set search_path = public, pg_temp
    set plan_cache_mode = force_generic_plan
    as $$
    #variable_conflict use_column
    begin
      return query
      select o.name, o.postal_address, p.name, p.postal_address, r.name,
             u.street, u.house_number, u.house_number_addition, u.postcode, u.place, h.name
        from complaint c
        join organization o on o.id = c.organization_id
        left join person p on p.id = c.complainant_id
        left join representative r on r.id = c.representative_id
        left join unit u on u.id = c.unit_id
        left join staff_user h on h.id = c.handler_id
       where c.id = p_complaint_id;
    end
    $$
  `.execute(db);

  // The handler, the intake department (policy 2.1) and the departments a route may touch, with their staff
  await sql`
    create function complaint_routing_context(p_handler_id uuid, p_department_ids uuid[])
    returns table (handler json, "intakeDepartmentId" uuid, departments json)
    language plpgsql stable security invoker set search_path = public, pg_temp
    set plan_cache_mode = force_generic_plan
    as $$
    #variable_conflict use_column
    begin
      return query
      with the_handler as (
        select u.id, u.active, u.department_id as "departmentId" from staff_user u where u.id = p_handler_id
      ), intake as (
        select ps.intake_department_id as id from portal_settings ps limit 1
      )
      select
        (select to_json(the_handler) from the_handler),
        (select i.id from intake i),
        (select coalesce(json_agg(json_build_object(
            'id', d.id, 'name', d.name, 'managerUserId', d.manager_user_id,
            'staff', (select coalesce(json_agg(json_build_object(
                'id', s.id, 'departmentId', s.department_id, 'roles', s.roles, 'active', s.active)
              order by s.name, s.id), '[]'::json) from staff_user s where s.department_id = d.id))), '[]'::json)
          from department d
          where d.id = any (p_department_ids)
            or d.id = (select h."departmentId" from the_handler h)
            or d.id = (select i.id from intake i));
    end
    $$
  `.execute(db);

  // The people, places and departments a complaint's detail names (the API's 201 answer and the detail page)
  await sql`
    create function complaint_detail_relations(
      p_complaint_id uuid, p_staff_ids uuid[], p_complainant_id uuid, p_representative_id uuid, p_unit_id uuid,
      p_complex_id uuid, p_department_ids uuid[], p_contractor_id uuid, p_merged_into_id uuid
    )
    returns table (
      staff json, complainant json, representative json, unit json, complex json, departments json,
      contractor json, "mergedInto" json, "mergedFrom" json
    )
    language plpgsql stable security invoker set search_path = public, pg_temp
    set plan_cache_mode = force_generic_plan
    as $$
    #variable_conflict use_column
    begin
      return query
      select
        (select coalesce(json_agg(agg), '[]'::json)
           from (select s.id, s.name, s.active from staff_user s where s.id = any (p_staff_ids)) agg),
        (select to_json(obj)
           from (select p.id, p.name, p.email, p.phone, p.relation from person p where p.id = p_complainant_id) obj),
        (select to_json(obj)
           from (select r.id, r.name, r.relation, r.email, r.phone, r.consent_noted
                   from representative r where r.id = p_representative_id) obj),
        (select to_json(obj)
           from (select u.id, u.street, u.house_number, u.house_number_addition, u.postcode, u.place
                   from unit u where u.id = p_unit_id) obj),
        (select to_json(obj)
           from (select h.id, h.name, h.complex_number from housing_complex h where h.id = p_complex_id) obj),
        (select coalesce(json_agg(agg), '[]'::json)
           from (select d.id, d.name from department d where d.id = any (p_department_ids)) agg),
        (select to_json(obj) from (select k.id, k.name from contractor k where k.id = p_contractor_id) obj),
        (select to_json(obj) from (select m.id, m.reference from complaint m where m.id = p_merged_into_id) obj),
        (select coalesce(json_agg(agg), '[]'::json)
           from (select m.id, m.reference, m.received_at from complaint m
                  where m.merged_into_id = p_complaint_id order by m.received_at, m.id) agg);
    end
    $$
  `.execute(db);

  // Written on every registration and read by no query: the search matches the text through search_vector
  // (migrations 053, 076), and the repeat check computes similarity() on the complainant's own complaints.
  await sql`drop index complaint_description_trgm`.execute(db);

  for (const signature of [
    'complaint_case_facts(uuid)',
    'complaint_letter_parties(uuid)',
    'complaint_routing_context(uuid, uuid[])',
    'complaint_detail_relations(uuid, uuid[], uuid, uuid, uuid, uuid, uuid[], uuid, uuid)',
  ]) {
    await sql.raw(`revoke all on function ${signature} from public`).execute(db);
    await sql.raw(`grant execute on function ${signature} to gehoord_app`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index complaint_description_trgm on complaint using gin (description gin_trgm_ops)`.execute(
    db,
  );
  await sql`
    drop function complaint_detail_relations(uuid, uuid[], uuid, uuid, uuid, uuid, uuid[], uuid, uuid)
  `.execute(db);
  await sql`drop function complaint_routing_context(uuid, uuid[])`.execute(db);
  await sql`drop function complaint_letter_parties(uuid)`.execute(db);
  await sql`drop function complaint_case_facts(uuid)`.execute(db);
  await sql`drop index unit_address`.execute(db);
}
