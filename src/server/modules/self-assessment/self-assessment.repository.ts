import { sql } from 'kysely';
import type { SelfAssessmentDocument } from '../../../contract/self-assessment.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// The self-assessment's SQL (issue 26, decision 050): the year's learning and portal evidence, and the stored
// assessments. The complaint figures come from the report measures (reports/index.ts).

const AMSTERDAM = 'Europe/Amsterdam';

/** MT reviews held in the year (one per quarter counts once) and improvement actions started and completed. */
export async function learningEvidence(trx: Scoped, year: number) {
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const { rows } = await sql<{ mtReviewsHeld: number; actionsOpened: number; actionsDone: number }>`
    select
      (select count(distinct m.quarter)::int from mt_meeting m
        where m.held_on >= ${from}::date and m.held_on < ${until}::date) as "mtReviewsHeld",
      (select count(*)::int from improvement_action a
        where (a.created_at at time zone ${AMSTERDAM})::date >= ${from}::date
          and (a.created_at at time zone ${AMSTERDAM})::date < ${until}::date) as "actionsOpened",
      (select count(*)::int from improvement_action a
        where a.status = 'done'
          and (a.completed_at at time zone ${AMSTERDAM})::date >= ${from}::date
          and (a.completed_at at time zone ${AMSTERDAM})::date < ${until}::date) as "actionsDone"`.execute(
    trx,
  );
  return rows[0] ?? { mtReviewsHeld: 0, actionsOpened: 0, actionsDone: 0 };
}

/**
 * Putting things right (version 2026.2): the complaints answered in the year (a merged duplicate counts once, as
 * in the report sets), those whose assessment is upheld or partly upheld, those of them with an apology offered or
 * compensation recorded, and the compensation granted. One grouped query.
 */
export async function remedyEvidence(trx: Scoped, year: number) {
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const { rows } = await sql<{
    answered: number;
    upheld: number;
    upheldWithRemedy: number;
    compensationGranted: number;
  }>`
    select count(*)::int as answered,
           count(*) filter (where c.assessment->>'verdict' in ('upheld', 'partly_upheld'))::int as upheld,
           count(*) filter (where c.assessment->>'verdict' in ('upheld', 'partly_upheld')
             and ((c.assessment->>'apologyOffered')::boolean is true
                  or jsonb_typeof(c.assessment->'compensation') = 'object'))::int as "upheldWithRemedy",
           count(*) filter (where jsonb_typeof(c.assessment->'compensation') = 'object')::int as "compensationGranted"
    from complaint c
    where c.organization_id = current_organization_id() and c.merged_into_id is null
      and (c.answered_at at time zone ${AMSTERDAM})::date >= ${from}::date
      and (c.answered_at at time zone ${AMSTERDAM})::date < ${until}::date`.execute(trx);
  return rows[0] ?? { answered: 0, upheld: 0, upheldWithRemedy: 0, compensationGranted: 0 };
}

/**
 * Extensions (version 2026.2): the complaints answered in the year, those with a term extension, those whose every
 * extension has a reason and a notice to the complainant, and those answered within the extended term. One query.
 */
export async function extensionEvidence(trx: Scoped, year: number) {
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const { rows } = await sql<{
    answered: number;
    extended: number;
    explained: number;
    onTimeAfterExtension: number;
  }>`
    select count(*)::int as answered,
           count(*) filter (where jsonb_array_length(c.term_extensions) > 0)::int as extended,
           count(*) filter (where jsonb_array_length(c.term_extensions) > 0 and not exists (
             select 1 from jsonb_array_elements(c.term_extensions) x
             where coalesce(btrim(x->>'reason'), '') = '' or coalesce(btrim(x->>'noticeText'), '') = ''))::int
             as explained,
           count(*) filter (where jsonb_array_length(c.term_extensions) > 0 and c.answered_at <= c.due_at)::int
             as "onTimeAfterExtension"
    from complaint c
    where c.organization_id = current_organization_id() and c.merged_into_id is null
      and (c.answered_at at time zone ${AMSTERDAM})::date >= ${from}::date
      and (c.answered_at at time zone ${AMSTERDAM})::date < ${until}::date`.execute(trx);
  return rows[0] ?? { answered: 0, extended: 0, explained: 0, onTimeAfterExtension: 0 };
}

/**
 * Decision 054: each complaint received in the year (a merged duplicate counts once, a signal triaged as not a
 * complaint is not acknowledged as one) with whether it came in through the portal (its confirmation page is the
 * first acknowledgement) and when its first acknowledgement e-mail was sent or letter posted. The portal is known by its intake event (the portal
 * registers with the channel "website"): a complaint staff register with that channel got no confirmation page.
 */
export async function acknowledgementFacts(trx: Scoped, year: number, notAComplaint: string) {
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const { rows } = await sql<{ receivedAt: Date; viaPortal: boolean; messageSentAt: Date | null }>`
    select c.received_at as "receivedAt",
           -- per complaint through its timeline index, and only for the website channel the portal registers with:
           -- an exists() here is hashed over every event of the corporation (national data set: 396k buffers
           -- against 143k for the largest corporation's year, decision 054)
           case when c.channel = 'web' then (select true from complaint_event e
             where e.complaint_id = c.id and e.type = 'portal_intake' limit 1) is not null
           else false end as "viaPortal",
           (select min(m.sent_at) from outbox_message m
             where m.complaint_id = c.id and m.status = 'sent'
               and m.kind in ('acknowledgement', 'acknowledgement_without_answer')) as "messageSentAt"
    from complaint c
    where c.organization_id = current_organization_id() and c.merged_into_id is null
      and c.triage_outcome is distinct from ${notAComplaint}
      and c.received_at >= (${from}::date)::timestamp at time zone ${AMSTERDAM}
      and c.received_at < (${until}::date)::timestamp at time zone ${AMSTERDAM}`.execute(trx);
  return rows;
}

/**
 * Decision 054: the committee's rulings of the year (dated by the ruling) with the board's decision on each
 * (committee.ts: `boardDecision.approval.at`) and whether the follow-up to the complainant was recorded.
 */
export async function boardDecisionFacts(trx: Scoped, year: number) {
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const { rows } = await sql<{
    rulingAt: Date;
    boardDecisionAt: Date | null;
    adoptsAdvice: boolean;
    followedUp: boolean;
  }>`
    select (c.committee->'ruling'->>'at')::timestamptz as "rulingAt",
           (c.committee->'boardDecision'->'approval'->>'at')::timestamptz as "boardDecisionAt",
           coalesce((c.committee->'boardDecision'->>'adoptsAdvice')::boolean, false) as "adoptsAdvice",
           jsonb_typeof(c.committee->'followUp') = 'object' as "followedUp"
    from complaint c
    where c.organization_id = current_organization_id() and c.merged_into_id is null
      and c.committee is not null and jsonb_typeof(c.committee->'ruling') = 'object'
      and ((c.committee->'ruling'->>'at')::timestamptz at time zone ${AMSTERDAM})::date >= ${from}::date
      and ((c.committee->'ruling'->>'at')::timestamptz at time zone ${AMSTERDAM})::date < ${until}::date`.execute(
    trx,
  );
  return rows.map((r) => ({ ...r, followedUp: r.followedUp === true }));
}

/**
 * Decision 054: the year's received complaints (as for the acknowledgement) whose complainant has adjustments
 * recorded (decision 051), with the facts the term monitor compares (adjustments.service.ts does the same for one
 * complaint): the channel asked for, e-mails to the complainant's own address since it was recorded (sent, or still
 * waiting to go), phone contacts logged since a call-back was asked, and whether the answer term has ended.
 */
export async function adjustmentFacts(trx: Scoped, year: number, notAComplaint: string) {
  const from = `${year}-01-01`;
  const until = `${year + 1}-01-01`;
  const { rows } = await sql<{
    personId: string;
    channel: string | null;
    callBackAsked: boolean;
    emailsToComplainant: number;
    phoneContacts: number;
    termEnded: boolean;
  }>`
    select c.complainant_id as "personId", pc.value #>> '{}' as channel,
           (cb.person_id is not null or pc.value = '"phone"'::jsonb) as "callBackAsked",
           case when pc.person_id is null or pc.value = '"email"'::jsonb then 0 else (
             select count(*)::int from outbox_message m
             where m.complaint_id = c.id and m.status in ('pending', 'sending', 'sent')
               and (m.sent_at is null or m.sent_at >= pc.recorded_at)
               and lower(p.email) = any (select lower(address) from unnest(m.recipient_to) as address)) end
             as "emailsToComplainant",
           case when cb.person_id is null and pc.person_id is null then 0 else (
             select count(*)::int from complaint_event e
             where e.complaint_id = c.id and e.type = 'contact_logged' and e.contact_kind = 'phone'
               and e.at >= least(cb.recorded_at, pc.recorded_at)) end as "phoneContacts",
           (c.answered_at is not null or c.closed_at is not null) as "termEnded"
    from complaint c
    join person p on p.id = c.complainant_id
    left join complainant_adjustment pc on pc.person_id = c.complainant_id and pc.kind = 'preferred_channel'
    left join complainant_adjustment cb on cb.person_id = c.complainant_id and cb.kind = 'call_back'
    where c.organization_id = current_organization_id() and c.merged_into_id is null
      and c.triage_outcome is distinct from ${notAComplaint}
      and c.received_at >= (${from}::date)::timestamp at time zone ${AMSTERDAM}
      and c.received_at < (${until}::date)::timestamp at time zone ${AMSTERDAM}
      and exists (select 1 from complainant_adjustment a where a.person_id = c.complainant_id)`.execute(trx);
  return rows;
}

/**
 * Whether the portal is set up (its settings give tenants a way to reach the corporation: a phone number or an
 * e-mail address) and names the complaints committee.
 */
export async function portalEvidence(trx: Scoped) {
  const { rows } = await sql<{
    contact: boolean;
    committeeName: string | null;
    committeeContact: string | null;
  }>`
    select (contact_phone is not null or contact_email is not null) as contact,
           committee_name as "committeeName", committee_contact as "committeeContact"
    from portal_settings where organization_id = current_organization_id()`.execute(trx);
  const row = rows[0];
  return {
    portalOnline: row?.contact === true,
    committeeOnPortal: Boolean(row?.committeeName && row.committeeContact),
  };
}

export type StoredSelfAssessment = { document: SelfAssessmentDocument; publishedAt: Date | null };

export async function findSelfAssessment(trx: Scoped, year: number): Promise<StoredSelfAssessment | null> {
  const { rows } = await sql<StoredSelfAssessment>`
    select document, published_at as "publishedAt" from self_assessment
    where organization_id = current_organization_id() and year = ${year}`.execute(trx);
  return rows[0] ?? null;
}

/** Stores the year's assessment; making it again replaces it and withdraws a publication (decision 050). */
export async function saveSelfAssessment(
  trx: Scoped,
  values: { year: number; document: SelfAssessmentDocument; generatedBy: string; generatedAt: Date },
) {
  await sql`
    insert into self_assessment (organization_id, year, requirements_version, document, generated_at, generated_by)
    values (current_organization_id(), ${values.year}, ${values.document.requirementsVersion},
            ${JSON.stringify(values.document)}::jsonb, ${values.generatedAt}, ${values.generatedBy}::uuid)
    on conflict (organization_id, year) do update
      set requirements_version = excluded.requirements_version, document = excluded.document,
          generated_at = excluded.generated_at, generated_by = excluded.generated_by, published_at = null`.execute(
    trx,
  );
}

export async function setPublished(trx: Scoped, year: number, publishedAt: Date | null): Promise<boolean> {
  const result = await sql`
    update self_assessment set published_at = ${publishedAt}
    where organization_id = current_organization_id() and year = ${year}`.execute(trx);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function organizationName(trx: Scoped): Promise<string> {
  const { rows } = await sql<{ name: string }>`
    select name from organization where id = current_organization_id()`.execute(trx);
  return rows[0]?.name ?? '';
}
