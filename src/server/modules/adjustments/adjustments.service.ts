import {
  ADJUSTMENT_PROBLEM_TEXT,
  type ComplainantAdjustments,
  type PersonAdjustments,
} from '../../../contract/adjustments.ts';
import type { AdjustmentsInput } from '../../../domain/index.ts';
import {
  adjustmentsInputOf,
  adjustmentWarnings,
  type CalendarSettings,
  type CallBackTopic,
  callBackAsked,
  decideAdjustments,
  listAdjustmentSteps,
  messageRouteOf,
  openCallBackTask,
  toLocalDate,
  workingDaysBetween,
} from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { recordAccess } from '../access-log/index.ts';
import { authorize, type ComplaintRow, findComplaint, mutateComplaint } from '../complaints/index.ts';
import { calendarSettingsFor } from '../reference-data/index.ts';
import * as repository from './adjustments.repository.ts';

type Stored = Awaited<ReturnType<typeof repository.findAdjustments>>;

const earliest = (stored: Stored, match: (a: Stored[number]) => boolean): Date | null =>
  stored
    .filter(match)
    .map((a) => a.recorded_at)
    .reduce<Date | null>((min, at) => (min === null || at < min ? at : min), null);

/**
 * The complaint's complainant's adjustments and which were not followed, in the caller's transaction. Callers
 * have authorised the reader for the complaint; the read itself is access-logged by `readAdjustments`.
 */
export async function readAdjustmentsWithin(
  trx: Scoped,
  row: ComplaintRow,
  now: Date,
): Promise<ComplainantAdjustments> {
  const stored = row.complainant_id === null ? [] : await repository.findAdjustments(trx, row.complainant_id);
  const route = messageRouteOf(stored);
  const channelSince = earliest(stored, (a) => a.kind === 'preferred_channel');
  const callBackSince = earliest(stored, (a) => a.kind === 'call_back' || a.kind === 'preferred_channel');
  const termRuns = row.has_answer_term && row.answered_at === null && row.closed_at === null;
  const asked = callBackAsked(stored);
  const calendar = termRuns || asked ? await calendarSettingsFor(trx) : null;
  const settings = termRuns ? calendar : null;
  const warnings = adjustmentWarnings({
    route,
    callBackAsked: asked,
    emailsToComplainant:
      channelSince === null || route.channel === 'email' || row.complainant_id === null
        ? 0
        : await repository.countEmailsToComplainant(trx, row.id, row.complainant_id, channelSince),
    phoneContacts:
      callBackSince === null ? 0 : await repository.countPhoneContacts(trx, row.id, callBackSince),
    workingDaysLeft:
      settings === null ? null : workingDaysBetween(toLocalDate(now), toLocalDate(row.due_at), settings),
  });
  const callBack = asked && calendar !== null ? await openCallBack(trx, row.id, now, calendar) : null;
  const input = adjustmentsInputOf(stored);
  return {
    personId: row.complainant_id,
    adjustments: input,
    records: recordsOf(stored),
    route,
    warnings,
    callBack:
      callBack === null
        ? null
        : { ...callBack, since: callBack.since.toISOString(), topics: [...callBack.topics] },
    // Decision 053: the same warnings, and the call-back, as steps for the case's next-steps list
    nextSteps: listAdjustmentSteps({
      warnings,
      callBack,
      callBackTimes: input.callBack ?? null,
      preferredChannel: route.channel,
    }),
  };
}

/** The call-back still to make (decision 053): asked for by messages, done by a phone contact logged after. */
async function openCallBack(trx: Scoped, complaintId: string, now: Date, settings: CalendarSettings) {
  const facts = await repository.listCallBackFacts(trx, complaintId);
  return openCallBackTask(
    facts.flatMap((f) =>
      f.type === 'call_back_requested' ? [{ at: f.at, topic: (f.topic ?? 'progress') as CallBackTopic }] : [],
    ),
    facts.filter((f) => f.type === 'contact_logged').map((f) => f.at),
    now,
    settings,
  );
}

const recordsOf = (stored: Stored) =>
  stored.map((a) => ({
    kind: a.kind,
    legalBasis: a.legal_basis,
    consentAt: a.consent_at?.toISOString() ?? null,
    recordedByName: a.recordedByName,
    recordedVia: a.recorded_via,
    recordedAt: a.recorded_at.toISOString(),
  }));

/**
 * Issue 26: a person's recorded adjustments, shown at the staff intake when they are picked as the complainant,
 * so staff don't ask again. Any staff member may register a complaint for anyone, so any staff member may read
 * them there; the read is access-logged (what `person`, no complaint yet). An unknown person is 404.
 */
export async function readPersonAdjustments(
  db: Database,
  principal: Principal,
  personId: string,
): Promise<PersonAdjustments> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    if (!(await repository.personExists(trx, personId))) throw new AppError('not_found');
    await recordAccess(trx, principal, {
      what: 'person',
      personId,
      detail: { adjustments: true, intake: true },
    });
    const stored = await repository.findAdjustments(trx, personId);
    const adjustments = adjustmentsInputOf(stored);
    // Need-to-know at intake (any staff member registers): which reading or hearing needs, so the caller is
    // spoken to as they need, but not the free note, which may say more about their health; the case shows it
    const accessNeeds = adjustments.accessNeeds
      ? { ...adjustments.accessNeeds, note: null }
      : adjustments.accessNeeds;
    return { personId, adjustments: { ...adjustments, accessNeeds }, records: recordsOf(stored) };
  });
}

/** Issue 26: reading a complainant's adjustments is access-logged like the complaint itself (need-to-know). */
export async function readAdjustments(db: Database, principal: Principal, complaintId: string) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const row = (await findComplaint(trx, complaintId)) ?? null;
    authorize(principal, 'complaint.view', row);
    if (row === null) throw new AppError('not_found');
    await recordAccess(trx, principal, {
      what: 'person',
      complaintId: row.id,
      personId: row.complainant_id,
      detail: { adjustments: true },
    });
    return readAdjustmentsWithin(trx, row, serverNow());
  });
}

/**
 * Issue 26: the whole set of adjustments replaces the stored one, in the complaint's own transaction (timeline
 * event `adjustments_changed` names the kinds only, the access log records the change). Whoever may log a
 * contact moment on the complaint may do it: they are the ones who hear what the complainant needs.
 */
export async function changeAdjustments(
  db: Database,
  principal: Principal,
  complaintId: string,
  ifMatch: number | undefined,
  input: AdjustmentsInput,
) {
  await mutateComplaint(
    db,
    principal,
    complaintId,
    { permission: 'complaint.log_contact', ifMatch },
    async ({ trx, row, now }) => {
      if (row.complainant_id === null) throw new AppError('adjustments_without_complainant');
      const decided = decideAdjustments(await repository.findAdjustments(trx, row.complainant_id), input);
      if (!decided.ok)
        throw new AppError('validation_failed', {
          fieldErrors: decided.problems.map((p) => ({
            in: 'body' as const,
            path: p.path,
            code: p.code,
            messages: ADJUSTMENT_PROBLEM_TEXT[p.code],
          })),
        });
      if (decided.changed.length === 0) throw new AppError('adjustments_unchanged');
      await repository.saveAdjustments(trx, {
        organizationId: row.organization_id,
        personId: row.complainant_id,
        rows: decided.rows.filter((r) => decided.changed.includes(r.kind)),
        removed: decided.changed.filter((kind) => !decided.rows.some((r) => r.kind === kind)),
        recordedBy: principal.kind === 'staff' ? principal.userId : null,
        now,
      });
      return { events: [{ type: 'adjustments_changed', payload: { kinds: decided.changed } }] };
    },
  );
  return readAdjustments(db, principal, complaintId);
}

/** A person's adjustments as stored, for the subject-access export (the caller has logged that read). */
export function adjustmentsOfPerson(trx: Scoped, personId: string) {
  return repository.findAdjustments(trx, personId);
}

/** The open complaints whose complainant asked for a channel or a call-back: what the term monitor watches. */
export function complaintsToWatch(owner: Database) {
  return repository.complaintsToWatch(owner);
}
