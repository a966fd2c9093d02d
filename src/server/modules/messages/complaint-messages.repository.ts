import { type Selectable, sql } from 'kysely';
import type { AdjustmentKind, ComplainantStep } from '../../../domain/index.ts';
import { executeKept } from '../../db/kept-statements.ts';
import type { ComplaintTable } from '../../db/schema.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// The queries of complaint-messages.service.ts: what a message to the complainant needs to know, and what they were told.

/**
 * The complaint, its organisation, complainant, representative and handler, as the messages need them. Through
 * `complaint_case_facts` (migration 084), whose plan PostgreSQL keeps per connection: planned per request, the
 * five-table join cost ten times its execution on every registration (issue 24).
 */
export async function loadCaseFacts(trx: Scoped, complaintId: string) {
  // Issue 26 (decisions 051, 053): the complainant's adjustments (how to write to them, a call-back, a
  // representative who receives copies), beside the kept-plan facts. Decision 055: the statement around the
  // function is kept too (parsed and planned once per connection).
  const [row] = await executeKept(
    trx,
    sql<Omit<CaseFactsRow, 'preferredChannel'>>`
    select f.*,
      (select coalesce(jsonb_agg(jsonb_build_object('kind', a.kind, 'value', a.value)), '[]'::jsonb)
        from complainant_adjustment a join complaint c on c.complainant_id = a.person_id
        where c.id = ${complaintId}) as adjustments
    from complaint_case_facts(${complaintId}) f`,
  );
  if (row === undefined) return undefined;
  const channel = row.adjustments.find((a) => a.kind === 'preferred_channel')?.value;
  return { ...row, preferredChannel: typeof channel === 'string' ? channel : null };
}

type CaseFactsRow = Pick<
  Selectable<ComplaintTable>,
  | 'id'
  | 'organization_id'
  | 'reference'
  | 'channel'
  | 'status'
  | 'received_at'
  | 'due_at'
  | 'answer_text'
  | 'repeat'
  | 'has_answer_term'
  | 'handler_id'
  | 'answered_at'
  | 'explanation_posted_on'
  | 'complainant_locale'
> & {
  organizationName: string;
  complainantName: string | null;
  complainantEmail: string | null;
  representativeName: string | null;
  representativeEmail: string | null;
  handlerName: string | null;
  preferredChannel: string | null;
  adjustments: { kind: AdjustmentKind; value: unknown }[];
};

export async function staffEmails(trx: Scoped, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await trx
    .selectFrom('staff_user')
    .select(['id', 'email'])
    .where('id', 'in', [...userIds])
    .where('active', '=', true)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r.email]));
  return userIds.map((id) => byId.get(id)).filter((e): e is string => e !== undefined);
}

/** The complainant's language as stored on the complaint (decision 028); null when none is stored. */
export async function findComplainantLocale(trx: Scoped, complaintId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('complaint')
    .select('complainant_locale')
    .where('id', '=', complaintId)
    .executeTakeFirst();
  return row?.complainant_locale ?? null;
}

/** The complaint's messages still alive (neither cancelled nor failed): what the complainant was or will be told. */
export async function listLiveOutboxSteps(trx: Scoped, complaintId: string) {
  return trx
    .selectFrom('outbox_message')
    .select(['kind', 'step_key', 'status'])
    .where('complaint_id', '=', complaintId)
    .where('status', 'not in', ['cancelled', 'failed'])
    .execute();
}

/** Whom the registration named as handler (the acknowledgement letter names them too). */
export async function findRegisteredHandlerId(trx: Scoped, complaintId: string): Promise<string | null> {
  const registered = await trx
    .selectFrom('complaint_event')
    .select(sql<string | null>`payload->>'handlerId'`.as('handlerId'))
    .where('complaint_id', '=', complaintId)
    .where('type', '=', 'registered')
    .executeTakeFirst();
  return registered?.handlerId ?? null;
}

/**
 * Withdraws the step's messages in these statuses (a newer one replaces them); the secret link goes too, and so
 * does the representative's copy of each one still waiting (decision 053).
 */
export async function cancelWaitingStep(
  trx: Scoped,
  complaintId: string,
  step: ComplainantStep,
  statuses: ('pending' | 'to_post')[],
): Promise<void> {
  await sql`
    with cancelled as (
      update outbox_message set status = 'cancelled', secret_link = null
      where complaint_id = ${complaintId} and status = any(${statuses}::text[])
        and step_key like ${`${step}:%`}
      returning id
    )
    update outbox_message set status = 'cancelled'
    where complaint_id = ${complaintId} and status = any(${statuses}::text[])
      and step_key in (select ${REPRESENTATIVE_COPY_KEY} || id from cancelled)`.execute(trx);
}

/** The step key of the representative's copy of a message: one copy per message (decision 053). */
export const REPRESENTATIVE_COPY_KEY = 'representative_copy:';

/** Whether a live (not cancelled or failed) message with this step key exists on the complaint. */
export async function hasLiveStep(trx: Scoped, complaintId: string, stepKey: string): Promise<boolean> {
  const row = await trx
    .selectFrom('outbox_message')
    .select('id')
    .where('complaint_id', '=', complaintId)
    .where('step_key', '=', stepKey)
    .where('status', 'not in', ['cancelled', 'failed'])
    .executeTakeFirst();
  return row !== undefined;
}

/** The acknowledgement held for triage (acknowledgementSendAt) becomes due now. */
export async function releaseHeldAcknowledgement(trx: Scoped, complaintId: string): Promise<void> {
  await trx
    .updateTable('outbox_message')
    .set({ next_attempt_at: sql<Date>`now()` })
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'pending')
    // the representative's copy of a held acknowledgement is held with it (decision 053)
    .where((eb) =>
      eb.or([eb('step_key', 'like', 'received:%'), eb('step_key', 'like', `${REPRESENTATIVE_COPY_KEY}%`)]),
    )
    .where('next_attempt_at', '>', sql<Date>`now()`)
    .execute();
}
