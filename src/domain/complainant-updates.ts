import { toInstant } from './business-time.ts';
import { type CalendarSettings, parseCutOffMinutes } from './calendar-settings.ts';
import type { IntakeChannel } from './complaint-category.ts';
import type { ComplaintStatus } from './complaint-state.ts';
import { computeTermStartDay } from './complaint-term.ts';
import { addWorkingDays } from './working-day-calendar.ts';

// Issue 21: which step of a complaint tells the complainant what, by which way, and only once.
// policy 1.1: "De voortgang van de afhandeling van een klacht koppelen wij altijd terug naar de klager."

/** The steps that matter to the complainant, each with the message kind it sends and the clause it serves. */
export const COMPLAINANT_STEPS = {
  // policy 2.1/2.3: we have it, its reference, who handles it and by when
  received: { kind: 'acknowledgement', policy: '2.3' },
  // policy 1.3, 2.3: who handles it and by when
  assigned: { kind: 'progress_in_handling', policy: '2.3' },
  // policy 2.3: the new date and why
  extended: { kind: 'extension_notice', policy: '2.3' },
  // policy 1.3: the regional complaints committee has it
  committee: { kind: 'progress_committee', policy: '1.3' },
  // policy 2.5: the neutral explanation (decision 014): not in the procedure, the board looks at it; never
  // the suspicion itself. The handler sends it; it is this step's one message.
  board_track: { kind: 'explanation', policy: '2.5' },
  // policy 1.1: the withdrawal is confirmed
  withdrawn: { kind: 'progress_withdrawn', policy: '1.1' },
  // policy 1.1: handled again
  reopened: { kind: 'progress_reopened', policy: '1.1' },
  // policy 1.1: the handling has ended
  closed: { kind: 'progress_closed', policy: '1.1' },
  // policy 1.2: not a complaint, handled elsewhere (and where)
  referred: { kind: 'referral', policy: '1.2' },
} as const;

export type ComplainantStep = keyof typeof COMPLAINANT_STEPS;
export type ComplainantMessageKind = (typeof COMPLAINANT_STEPS)[ComplainantStep]['kind'];

/** One timeline event of a write: its type and, for a lifecycle step, the statuses it went between. */
export type StepEvent = Readonly<{ type: string; from?: ComplaintStatus; to?: ComplaintStatus }>;

const ENDED: readonly ComplaintStatus[] = ['answered', 'closed', 'withdrawn', 'referred'];

/** The complainant's step a timeline event is, or null when it is internal (policy 1.1 counts steps, not clicks). */
export function complainantStepOf(event: StepEvent): ComplainantStep | null {
  // Handled again after it had ended (policy 1.1): told as a reopening, whatever the action was
  if (event.from !== undefined && ENDED.includes(event.from) && event.to === 'in_progress') return 'reopened';
  switch (event.type) {
    case 'accept_as_complaint':
      // policy 2.5: a suspected criminal offence goes to the board instead of a handler
      return event.to === 'with_board' ? 'board_track' : 'assigned';
    case 'assign_handler':
      // policy 1.2: picked up before triage it may be no complaint at all; the triage's outcome tells
      return event.to === 'new' ? null : 'assigned';
    case 'extend_term':
      return 'extended';
    case 'refer_to_committee':
      return 'committee';
    case 'flag_criminal_offence':
      return event.to === 'with_board' ? 'board_track' : null;
    case 'decide_board_track':
      // policy 2.5: the board closes it, or sends it back into the procedure: handled again
      if (event.to === 'closed') return 'closed';
      if (event.to !== undefined && event.to !== 'with_board') return 'reopened';
      return null;
    case 'withdraw':
      return 'withdrawn';
    case 'close':
    case 'record_without_answer_duty':
      return 'closed';
    case 'refer_as_not_a_complaint':
      return 'referred';
    default:
      return null;
  }
}

/**
 * What the complainant was already sent for this complaint: per message, the step (or the outcome it
 * carried: an answer or an explanation), what it said (the handler, the new date) and whether it is still
 * waiting in the outbox.
 */
export type ToldEntry = Readonly<{
  step: ComplainantStep | 'outcome';
  detail: string;
  pending: boolean;
}>;

/** How the complainant can be reached: e-mail, else a letter to post, else nobody (policy 2.1 channels). */
export type ComplainantContact = Readonly<{ email: boolean; postalAddress: boolean }>;

export type ComplainantUpdateInput = Readonly<{
  step: ComplainantStep;
  /** What this step says that a repeat would change: the handler's id, the new due day; '' otherwise. */
  detail: string;
  contact: ComplainantContact;
  told: readonly ToldEntry[];
}>;

export type ComplainantUpdate =
  | Readonly<{
      send: true;
      kind: ComplainantMessageKind;
      policy: string;
      delivery: 'email' | 'letter';
      /** A message of this step still in the outbox: it is replaced, not joined by a second one. */
      replacesPending: boolean;
      /** Messages still waiting that this one makes wrong (the "complaint received" of a repair request). */
      cancel: readonly ComplainantStep[];
      key: string;
    }>
  | Readonly<{
      send: false;
      reason: 'already_told' | 'outcome_told' | 'no_contact';
      policy: string;
      /** policy 1.1: with no way to reach the complainant, staff are told to do it by phone or in person. */
      staffHint: boolean;
      cancel: readonly ComplainantStep[];
    }>;

/** The idempotency key of one step message in the outbox: one complaint, one step, one content. */
export function complainantStepKey(step: ComplainantStep, detail: string): string {
  return `${step}:${detail}`;
}

export function parseComplainantStepKey(key: string): { step: ComplainantStep; detail: string } | null {
  const at = key.indexOf(':');
  const step = at < 0 ? key : key.slice(0, at);
  if (!Object.hasOwn(COMPLAINANT_STEPS, step)) return null;
  return { step: step as ComplainantStep, detail: at < 0 ? '' : key.slice(at + 1) };
}

/**
 * At most one message per step (issue 21). A step told before with the same content sends nothing; a
 * message of the step still waiting in the outbox is replaced by the newer one (assign twice within
 * minutes: one mail, with the latest handler); once a step's message has gone, a later repeat of that
 * step stays quiet (the status page shows the latest), except a new extension date, which is a new promise.
 */
export function decideComplainantUpdate(input: ComplainantUpdateInput): ComplainantUpdate {
  const { step, detail, contact, told } = input;
  const { kind, policy } = COMPLAINANT_STEPS[step];
  // policy 1.2: a signal that is not a complaint gets one message, "handled elsewhere": a "complaint
  // received" still waiting is withdrawn
  const cancel: ComplainantStep[] =
    step === 'referred' && told.some((t) => t.step === 'received' && t.pending) ? ['received'] : [];
  const quiet = (reason: 'already_told' | 'outcome_told') =>
    ({ send: false, reason, policy, staffHint: false, cancel }) as const;

  const sameStep = told.filter((t) => t.step === step);
  const pending = sameStep.some((t) => t.pending);
  // Told already, in these words (the acknowledgement already named the handler): nothing to send, and
  // a correction still waiting is withdrawn (assigned to someone else and back within minutes)
  const toldSame = told.some(
    (t) => t.detail === detail && (t.step === step || (step === 'assigned' && t.step === 'received')),
  );
  if (toldSame) {
    const stale = sameStep.some((t) => t.pending && t.detail !== detail);
    return { ...quiet('already_told'), cancel: stale ? [...cancel, step] : cancel };
  }
  // Once sent, a step is not sent again; a new extension date is a new promise and is always told
  if (!pending && sameStep.length > 0 && step !== 'extended') return quiet('already_told');
  // The answer or the explanation already ended it for the complainant: no separate "closed" on top
  if (step === 'closed' && told.some((t) => t.step === 'outcome')) return quiet('outcome_told');
  const delivery = contact.email ? 'email' : contact.postalAddress ? 'letter' : null;
  if (delivery === null) return { send: false, reason: 'no_contact', policy, staffHint: true, cancel };
  return {
    send: true,
    kind,
    policy,
    delivery,
    replacesPending: pending,
    cancel,
    key: complainantStepKey(step, detail),
  };
}

/**
 * policy 1.2: a signal the complainant was already told is probably not a complaint (the web form's route
 * advice, "submit anyway") gets no "complaint received" at intake; triage sends the one message that fits.
 */
export function acknowledgeAtIntake(signal: Readonly<{ flaggedNotAComplaint: boolean }>): boolean {
  return !signal.flaggedNotAComplaint;
}

/**
 * When the "complaint received" of a signal nobody has triaged yet goes out (policy 1.2, 2.1, 2.3).
 *
 * An e-mail to the complaints mailbox is registered without anyone reading it: it may be a repair request,
 * a nuisance report or another signal that is not a complaint (policy 1.2), which must get one message only,
 * "handled elsewhere". So its acknowledgement is held until triage decides (heldAcknowledgementAfter), and
 * at the latest until the office cut-off on the first working day after the term's day 0 (received Monday
 * morning: Tuesday 17:00). Either way a complaint is acknowledged within a working day of its term starting,
 * and its five-working-day term (policy 2.3) runs from receipt as before: holding the message moves no
 * deadline. What a staff member registers (phone, letter, desk, or an e-mail they read and registered) goes
 * at once: they heard or read the tenant and triage it themselves; a referral right after registration
 * still withdraws the acknowledgement while it waits (decideComplainantUpdate). The web form has its own
 * route advice (acknowledgeAtIntake).
 */
export function acknowledgementSendAt(
  input: Readonly<{
    channel: IntakeChannel;
    /** A staff member registered it (and so read or heard it); false for the mailbox's own intake. */
    registeredByStaff: boolean;
    receivedAt: Date;
    now: Date;
    settings: CalendarSettings;
  }>,
): Date {
  const { channel, registeredByStaff, receivedAt, now, settings } = input;
  if (channel !== 'email' || registeredByStaff) return now;
  const cutOff = parseCutOffMinutes(settings.cutOffTime);
  if (cutOff === null) throw new RangeError(`invalid cut-off time ${settings.cutOffTime}`);
  // policy 2.3: day 0 of the term, then the next working day's office cut-off
  const day = addWorkingDays(computeTermStartDay(receivedAt, settings), 1, settings);
  const latest = toInstant({
    date: day,
    hour: Math.floor(cutOff / 60),
    minute: cutOff % 60,
    second: 0,
    millisecond: 0,
  });
  // An old mail found late: its hold has passed, it goes now
  return latest.getTime() > now.getTime() ? latest : now;
}

/**
 * What a triage does to a "complaint received" still held (policy 1.2). Leaving the intake ('new') as a
 * complaint — accepted, outside the procedure, to the board, recorded without answer duty, withdrawn —
 * releases it at once, so it arrives before the step's own message. A referral as not a complaint keeps it
 * waiting: the referral's message replaces it (decideComplainantUpdate cancels a pending "received"), and
 * when no referral message goes out the acknowledgement still does at the end of its hold.
 */
export function heldAcknowledgementAfter(event: StepEvent): 'release' | 'keep' {
  if (event.from !== 'new' || event.to === undefined || event.to === 'new') return 'keep';
  return event.to === 'referred' ? 'keep' : 'release';
}

/**
 * policy 2.3, 2.5: once the answer or the explanation goes to the complainant (by mail, or as a letter to
 * post), an acknowledgement letter still waiting to be posted would arrive after it, promising an answer
 * within five working days: it is withdrawn. The outcome is the message that counts.
 */
export function withdrawsUnpostedAcknowledgement(eventType: string): boolean {
  return ['answer_sent', 'explanation_sent', 'explanation_prepared'].includes(eventType);
}
