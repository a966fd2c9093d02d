import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint-state.ts';

// The named sets of complaint statuses that server, SQL and web use. Each is written once, here (or, for the
// term, in complaint-state.ts: TERM_RUNNING_STATUSES), and taken from here everywhere else: a query gets the set
// as a parameter (`where('c.status', 'in', [...SET])`). test/architecture/status-sets.test.ts fails on a literal
// list of statuses outside src/domain.

/** Every status, in the order of COMPLAINT_STATUSES. */
export const ALL_COMPLAINT_STATUSES = Object.keys(COMPLAINT_STATUSES) as readonly ComplaintStatus[];

/**
 * Statuses in which a complaint's procedure has ended for good: closed, referred to another process (policy 1.2),
 * withdrawn (policy 1.3) or merged into the same complaint received earlier or later (issue 22). Nothing is due
 * on them any more.
 */
export const ENDED_STATUSES = [
  'closed',
  'referred',
  'withdrawn',
  'merged',
] as const satisfies readonly ComplaintStatus[];

/**
 * Issue 22 (decision 035): a complaint received twice is merged while it is still at its start — before triage or
 * while handled, nothing answered yet.
 */
export const MERGEABLE_STATUSES = ['new', 'in_progress'] as const satisfies readonly ComplaintStatus[];

/**
 * What the term monitor looks at: every status that has not ended. It decides per status what is due: the term
 * (policy 2.3), the approval and legal advice asked for (2.4, 2.6), the committee (1.3) and the board (2.5).
 */
export const MONITORED_STATUSES: readonly ComplaintStatus[] = ALL_COMPLAINT_STATUSES.filter(
  (status) => !(ENDED_STATUSES as readonly ComplaintStatus[]).includes(status),
);

/**
 * policy 1.3, 2.3: before the answer the complaint can still be picked up, handed to another handler or
 * transferred to another department (doorzetten): before triage and while it is being handled.
 */
export const REASSIGNABLE_STATUSES = ['new', 'in_progress'] as const satisfies readonly ComplaintStatus[];

/**
 * policy 2.4, 2.6: the manager's approval is asked while the complaint is handled, or while the explanation of a
 * complaint outside the procedure is still to be given (2.5); a request in any other status is no longer waiting.
 */
export const APPROVAL_REQUEST_STATUSES = [
  'in_progress',
  'declined_outside_procedure',
] as const satisfies readonly ComplaintStatus[];

/** policy 2.4: approved compensation is paid while the complaint is handled or after the answer. */
export const COMPENSATION_STATUSES = [
  'in_progress',
  'answered',
] as const satisfies readonly ComplaintStatus[];

/**
 * Policy title ("klanttevredenheid") and 1.1: the complainant is asked how satisfied they are once the
 * complaint has been answered, also when it has been closed since.
 */
export const SATISFACTION_REQUEST_STATUSES = [
  'answered',
  'closed',
] as const satisfies readonly ComplaintStatus[];

/**
 * policy 1.4 ("alle contacten worden vastgelegd"): the complainant can add information on the status page until
 * the complaint is closed or withdrawn.
 */
export const CLOSED_FOR_MESSAGES_STATUSES = [
  'closed',
  'withdrawn',
  'merged',
] as const satisfies readonly ComplaintStatus[];

/**
 * policy 1.3, 2.3: someone in the organisation still has work on the complaint (in the procedure, or at the
 * regional committee), so a gap in its responsibility (no manager, no assistant, an inactive handler) matters.
 */
export const RESPONSIBILITY_OPEN_STATUSES = [
  'new',
  'in_progress',
  'declined_outside_procedure',
  'with_committee',
] as const satisfies readonly ComplaintStatus[];

/** Is `status` one of `set`? (The sets are typed as tuples of literals; a stored status is a plain string.) */
export function isStatusIn(set: readonly ComplaintStatus[], status: string): boolean {
  return (set as readonly string[]).includes(status);
}
