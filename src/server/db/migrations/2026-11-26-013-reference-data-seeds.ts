import { type Kysely, sql } from 'kysely';

// Frozen in time: the policy's code lists and calendar defaults as they were on this date, spelled out
// (never imported from the domain). Every organisation gets them: the existing ones here, new ones by trigger.

type Seed = [kind: string, code: string, label: string];

const SEEDS: Seed[] = [
  // policy 1.2: the four complaint categories, in the policy's order
  ['category', 'no_or_late_answer', 'Geen of te laat antwoord op een verzoek of vraag'],
  ['category', 'repair_badly_done', 'Reparatie aan de woning niet goed uitgevoerd'],
  [
    'category',
    'request_wrongly_handled',
    'Melding of verzoek om onjuiste reden afgewezen of verkeerd behandeld',
  ],
  ['category', 'treated_wrongly', 'Onjuist behandeld door een medewerker of een partij die namens ons werkt'],
  // policy 2.5 a–g
  [
    'outside_procedure_ground',
    'pending_at_dispute_body',
    'De zaak ligt bij een rechter, huurcommissie, arbiter, mediator of andere geschilleninstantie',
  ],
  [
    'outside_procedure_ground',
    'decided_by_dispute_body',
    'Een van deze instanties heeft al een uitspraak gedaan',
  ],
  ['outside_procedure_ground', 'rent_or_service_costs', 'Huurverhoging, huurprijs of servicekosten'],
  [
    'outside_procedure_ground',
    'government_decision',
    'Handhaving of uitvoering van een besluit van de overheid',
  ],
  ['outside_procedure_ground', 'insurer_claim', 'Schadeclaim die een verzekeraar behandelt'],
  [
    'outside_procedure_ground',
    'handled_by_committee',
    'Eerder behandeld door de regionale klachtencommissie',
  ],
  ['outside_procedure_ground', 'discriminatory_content', 'De klacht zelf is discriminerend van aard'],
  // policy 1.2: signals that are not complaints
  ['not_a_complaint_kind', 'repair_request', 'Reparatieverzoek'],
  ['not_a_complaint_kind', 'nuisance_report', 'Melding van overlast'],
  ['not_a_complaint_kind', 'housing_fraud_report', 'Melding van woonfraude'],
  ['not_a_complaint_kind', 'question', 'Vraag'],
  ['not_a_complaint_kind', 'other', 'Anders'],
  // policy 1.2 and 2.5: where those go
  ['referral_target', 'repair_process', 'Reparatieverzoeken'],
  ['referral_target', 'nuisance_process', 'Meldingen van overlast'],
  ['referral_target', 'housing_fraud_process', 'Meldingen van woonfraude'],
  ['referral_target', 'customer_service', 'Klantenservice'],
  ['referral_target', 'other_process', 'Ander proces'],
  ['referral_target', 'dispute_body', 'Rechter, huurcommissie of andere geschilleninstantie'],
  ['referral_target', 'procedure_or_ruling', 'Eerdere uitspraak'],
  ['referral_target', 'objection_procedure', 'Bezwaarprocedure huur en servicekosten'],
  ['referral_target', 'legal_basis', 'Wettelijke basis van het overheidsbesluit'],
  ['referral_target', 'insurer', 'Verzekeraar'],
  ['referral_target', 'committee_ruling', 'Uitspraak van de regionale klachtencommissie'],
];

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

function seedValuesSql(): string {
  const positionInKind = new Map<string, number>();
  return SEEDS.map(([kind, code, label]) => {
    const position = (positionInKind.get(kind) ?? 0) + 1;
    positionInKind.set(kind, position);
    return `(${literal(kind)}, ${literal(code)}, ${literal(label)}, ${position})`;
  }).join(',\n        ');
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // Security definer: organisations are created outside any organisation's scope, so row-level security
  // would otherwise hide the rows being seeded. Idempotent, so running it twice changes nothing.
  await sql
    .raw(
      `create function seed_organization_reference_data(org uuid) returns void
       language sql security definer set search_path = public, pg_temp
       as $$
         insert into reference_value (organization_id, kind, code, label, sort_order)
         select org, v.kind, v.code, v.label, v.sort_order
         from (values
        ${seedValuesSql()}
         ) as v (kind, code, label, sort_order)
         on conflict do nothing;
         -- policy 2.3: five working days; the cut-off, Good Friday and Liberation Day are the admin's to set
         insert into calendar_settings
           (organization_id, version, term_working_days, cut_off_time, good_friday_is_day_off, liberation_day)
         values (org, 1, 5, '17:00', false, 'lustrum')
         on conflict do nothing;
       $$`,
    )
    .execute(db);
  await sql`revoke all on function seed_organization_reference_data(uuid) from public`.execute(db);

  await sql`
    create function seed_new_organization() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
    as $$ begin perform seed_organization_reference_data(new.id); return new; end $$
  `.execute(db);
  await sql`revoke all on function seed_new_organization() from public`.execute(db);
  await sql`
    create trigger organization_seed_reference_data after insert on organization
    for each row execute function seed_new_organization()
  `.execute(db);

  await sql`select seed_organization_reference_data(id) from organization`.execute(db);

  // 010 granted only select and insert, but 001's default privileges had already granted update and delete
  // on every new table: take them back, so a stored version really never changes (policy 2.3).
  await sql`revoke update, delete on calendar_settings from gehoord_app`.execute(db);

  // Imports and intake look complexes up by name and number; persons by e-mail and phone.
  await sql`create index housing_complex_number_trgm on housing_complex using gin (complex_number gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index person_email_trgm on person using gin (email gin_trgm_ops)`.execute(db);
  await sql`create index contractor_name_trgm on contractor using gin (name gin_trgm_ops)`.execute(db);
  await sql`create index representative_name_trgm on representative using gin (name gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'representative_name_trgm',
    'contractor_name_trgm',
    'person_email_trgm',
    'housing_complex_number_trgm',
  ]) {
    await sql.raw(`drop index ${index}`).execute(db);
  }
  await sql`grant update, delete on calendar_settings to gehoord_app`.execute(db);
  await sql`drop trigger organization_seed_reference_data on organization`.execute(db);
  await sql`drop function seed_new_organization()`.execute(db);
  await sql`drop function seed_organization_reference_data(uuid)`.execute(db);
}
