import {
  BOARD_TRACK_DECISION_KINDS,
  BOARD_TRACK_REPORT_DECISIONS,
  type BoardTrack,
  type BoardTrackDecisionKind,
  isBoardTrackExplainedOnTime,
  isCountedOnBoardTrack,
} from './board-track.ts';
import { toLocalDate } from './business-time.ts';
import type { RepeatRung } from './repeat-complaint.ts';
import type { ReportPeriod } from './report-measures.ts';
import type { TriageDecision } from './triage.ts';

// The named sets of complaints behind the report figures (docs/measures.md), as values the report SQL takes
// as parameters and as pure predicates on one complaint. The report SQL (reports/measures) must agree with
// these predicates; test/reports/measures-agree.test.ts checks that on generated complaints.

type TriageOutcome = TriageDecision['outcome'];

/** The triage outcome that puts a registration in a report set (policy 1.2, 2.2, 2.5). */
export const REPORT_TRIAGE_OUTCOMES = {
  // policy 2.2: "in behandeling genomen" — triaged as a complaint
  taken_into_handling: 'complaint',
  // policy 2.5: outside the procedure, referred on a ground a–g
  outside_procedure: 'outside_procedure',
  // policy 1.2: not a complaint, referred to its own process
  not_a_complaint: 'not_a_complaint',
} as const satisfies Record<string, TriageOutcome>;

/**
 * policy 2.5: the board's decisions after which a case no longer counts on the board's track (it went back into
 * the procedure and counts as an ordinary complaint): every decision a report does not show under the track.
 */
export const BOARD_TRACK_LEAVING_DECISIONS: readonly BoardTrackDecisionKind[] =
  BOARD_TRACK_DECISION_KINDS.filter(
    (kind) => !(BOARD_TRACK_REPORT_DECISIONS as readonly string[]).includes(kind),
  );

/** policy 2.6: the rung whose answer says it is the last response on the matter. */
export const LAST_RESPONSE_RUNG = 'last_response' as const satisfies RepeatRung;

/** One complaint as far as the report sets need it (instants as stored; null when the step did not happen). */
export type ReportCase = Readonly<{
  receivedAt: Date;
  answeredAt: Date | null;
  closedAt: Date | null;
  originalDueAt: Date;
  /** The due instant in force: the original one unless the term was extended (policy 2.3). */
  dueAt: Date;
  extensionCount: number;
  triageOutcome: TriageOutcome | null;
  boardTrack: BoardTrack | null;
  repeatOfId: string | null;
  repeatRung: RepeatRung | null;
  committeeReferredAt: Date | null;
  committeeRuledAt: Date | null;
  compensationPaidAt: Date | null;
  /** Issue 22: the complaint this one was merged into (received twice); it then counts in no set itself. */
  mergedIntoId?: string | null;
}>;

type SetRule = Readonly<{ dated: (c: ReportCase) => Date | null; holds?: (c: ReportCase) => boolean }>;

const received = (c: ReportCase) => c.receivedAt;
const answered = (c: ReportCase) => c.answeredAt;
const boardStarted = (c: ReportCase) => c.boardTrack?.startedAt ?? null;
const onBoardTrack = (c: ReportCase) => isCountedOnBoardTrack(c.boardTrack); // policy 2.5
const answeredBy = (c: ReportCase, due: Date) =>
  c.answeredAt !== null && c.answeredAt.getTime() <= due.getTime();

/** Each report set: the instant that dates a complaint in a period, and the condition on it (docs/measures.md). */
export const REPORT_SET_RULES = {
  received: { dated: received },
  // policy 2.2, 2.5: a complaint with the board is not handled in the procedure
  taken_into_handling: {
    dated: received,
    holds: (c) => c.triageOutcome === REPORT_TRIAGE_OUTCOMES.taken_into_handling && !onBoardTrack(c),
  },
  board_track: { dated: boardStarted, holds: onBoardTrack },
  // policy 2.5: explained within the term that stopped
  board_track_explained_on_time: {
    dated: boardStarted,
    holds: (c) =>
      onBoardTrack(c) && c.boardTrack !== null && isBoardTrackExplainedOnTime(c.boardTrack) === true,
  },
  outside_procedure: {
    dated: received,
    holds: (c) => c.triageOutcome === REPORT_TRIAGE_OUTCOMES.outside_procedure,
  },
  not_a_complaint: {
    dated: received,
    holds: (c) => c.triageOutcome === REPORT_TRIAGE_OUTCOMES.not_a_complaint,
  },
  repeats: { dated: received, holds: (c) => c.repeatOfId !== null }, // policy 2.6
  last_response: { dated: received, holds: (c) => c.repeatRung === LAST_RESPONSE_RUNG }, // policy 2.6
  answered: { dated: answered },
  // policy 2.3, 3.2: on time against the original term, and against the term in force
  answered_on_time_original: { dated: answered, holds: (c) => answeredBy(c, c.originalDueAt) },
  answered_on_time_extended: { dated: answered, holds: (c) => answeredBy(c, c.dueAt) },
  answered_late_original: { dated: answered, holds: (c) => !answeredBy(c, c.originalDueAt) },
  extended: { dated: answered, holds: (c) => c.extensionCount > 0 },
  closed: { dated: (c) => c.closedAt },
  committee_referred: { dated: (c) => c.committeeReferredAt }, // policy 1.3
  committee_ruled: { dated: (c) => c.committeeRuledAt },
  compensation_paid: { dated: (c) => c.compensationPaidAt }, // policy 2.4
} as const satisfies Record<string, SetRule>;
export type ReportSetName = keyof typeof REPORT_SET_RULES;

/** An instant lies in a period when its Amsterdam calendar day lies in [from, until). */
export function isInReportPeriod(instant: Date, period: ReportPeriod): boolean {
  const day = toLocalDate(instant);
  return day >= period.from && day < period.until;
}

/** Whether one complaint counts in a report set for a period. */
export function isInReportSet(set: ReportSetName, c: ReportCase, period: ReportPeriod): boolean {
  // issue 22 (decision 035): a duplicate counts once, as the complaint it was merged into
  if (c.mergedIntoId != null) return false;
  const rule: SetRule = REPORT_SET_RULES[set];
  const dated = rule.dated(c);
  if (dated === null || !isInReportPeriod(dated, period)) return false;
  return rule.holds === undefined || rule.holds(c);
}
