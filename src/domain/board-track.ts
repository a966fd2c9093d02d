import { toLocalDate } from './business-time.ts';
import type { CalendarSettings } from './calendar-settings.ts';
import { TERM_RUNNING_STATUSES } from './complaint-state.ts';
import { computeDueAt } from './complaint-term.ts';
import type { ComplaintTerm } from './extension.ts';
import { fail, hasText, type Outcome, succeed } from './result.ts';
import type { Approval } from './roles.ts';
import { addWorkingDays, isWorkingDay } from './working-day-calendar.ts';

// policy 2.5: "Klachten met een ernstig vermoeden tot strafbaar feit worden direct voorgelegd aan de directie."
// Such a complaint leaves the complaints procedure: it lies with the board ('with_board'), its term stops, and
// the board decides what happens. The complainant still hears within the term that the complaint is not
// handled in the procedure (2.5: "Wel leggen we binnen de afgesproken termijn … uit").

/**
 * The statuses a suspicion takes off the procedure: the open ones whose five-day term runs (policy 2.3, 2.5).
 * An answered, closed, referred or withdrawn complaint, or one at the committee, has left the procedure already:
 * the board is still told at once, but its status stays.
 */
export const BOARD_TRACK_ENTRY_STATUSES = TERM_RUNNING_STATUSES;
export type BoardTrackEntryStatus = (typeof BOARD_TRACK_ENTRY_STATUSES)[number];

export function isBoardTrackEntryStatus(status: string): status is BoardTrackEntryStatus {
  return (BOARD_TRACK_ENTRY_STATUSES as readonly string[]).includes(status);
}

/**
 * The board's decisions on a suspected criminal offence. `closes`: the complaint is closed; `returns`: it goes
 * back into the procedure as an ordinary complaint; neither (an internal investigation): it stays with the board
 * until a final decision.
 */
export const BOARD_TRACK_DECISIONS = {
  report_to_police: { nl: 'Aangifte bij de politie', en: 'Report to the police', final: true },
  internal_investigation: { nl: 'Intern onderzoek', en: 'Internal investigation', final: false },
  back_to_procedure: {
    nl: 'Terug in de klachtenprocedure',
    en: 'Back into the complaints procedure',
    final: true,
  },
  no_further_action: { nl: 'Geen verdere actie', en: 'No further action', final: true },
} as const;
export type BoardTrackDecisionKind = keyof typeof BOARD_TRACK_DECISIONS;
export const BOARD_TRACK_DECISION_KINDS = Object.keys(BOARD_TRACK_DECISIONS) as BoardTrackDecisionKind[];

export type BoardTrackDecision = Readonly<{ kind: BoardTrackDecisionKind; text: string; approval: Approval }>;

/** The board's track of one complaint; instants are named `…At` so they survive a jsonb round trip. */
export type BoardTrack = Readonly<{
  /** When the suspicion was recorded: the complaint went to the board and its term stopped. */
  startedAt: Date;
  /** Where `back_to_procedure` takes the complaint: the status it had (or was triaged into). */
  returnTo: BoardTrackEntryStatus;
  /** The term as it stood when it stopped; the explanation is measured against its original due instant. */
  stoppedTerm: Readonly<{ originalDueAt: Date; dueAt: Date }>;
  explanation: Readonly<{ sentAt: Date; text: string }> | null;
  decisions: readonly BoardTrackDecision[];
  /** Set when a final decision was taken (the complaint then left the board). */
  endedAt: Date | null;
}>;

export type BoardTrackProblem =
  | 'not_on_board_track'
  | 'board_track_decided'
  | 'board_track_decision_requires_board'
  | 'board_track_decision_text_required'
  | 'board_track_investigation_already_started'
  | 'board_track_explanation_already_sent';

/** The suspicion takes the complaint to the board; the running term is remembered and stops (policy 2.3, 2.5). */
export function startBoardTrack(returnTo: BoardTrackEntryStatus, term: ComplaintTerm, now: Date): BoardTrack {
  return {
    startedAt: now,
    returnTo,
    stoppedTerm: { originalDueAt: term.originalDueAt, dueAt: term.dueAt },
    explanation: null,
    decisions: [],
    endedAt: null,
  };
}

export type BoardTrackOutcome = Outcome<
  {
    track: BoardTrack;
    /** The status after the decision: the same ('with_board'), back into the procedure, or closed. */
    to: 'with_board' | 'closed' | BoardTrackEntryStatus;
    /** A fresh term when the complaint goes back into the procedure. */
    term: ComplaintTerm | null;
  },
  BoardTrackProblem
>;

/**
 * The board records its decision (policy 2.5). Report to the police and no further action close the complaint.
 * Back into the procedure returns it where it came from as an ordinary complaint, with a fresh term counted
 * from the decision as if it were received then (policy 2.3: every complaint gets its five working days; the
 * handler could not work on it while it lay with the board). An internal investigation is recorded and keeps
 * the complaint with the board until one of the three final decisions.
 */
export function decideBoardTrack(
  track: BoardTrack,
  decision: Readonly<{ kind: BoardTrackDecisionKind; text: string }>,
  approval: Approval,
  settings: CalendarSettings,
): BoardTrackOutcome {
  if (track.endedAt !== null) return fail('board_track_decided');
  if (approval.role !== 'board') return fail('board_track_decision_requires_board');
  if (!hasText(decision.text)) return fail('board_track_decision_text_required');
  if (
    decision.kind === 'internal_investigation' &&
    track.decisions.some((d) => d.kind === 'internal_investigation')
  ) {
    return fail('board_track_investigation_already_started');
  }
  const recorded: BoardTrackDecision = { kind: decision.kind, text: decision.text.trim(), approval };
  const final = BOARD_TRACK_DECISIONS[decision.kind].final;
  const next: BoardTrack = {
    ...track,
    decisions: [...track.decisions, recorded],
    endedAt: final ? approval.at : null,
  };
  if (!final) return succeed({ track: next, to: 'with_board', term: null });
  if (decision.kind !== 'back_to_procedure') return succeed({ track: next, to: 'closed', term: null });
  const deadline = computeDueAt(approval.at, settings); // policy 2.3: day 0 is the decision's working day
  return succeed({
    track: next,
    to: track.returnTo,
    term: {
      termStartDay: deadline.termStartDay,
      originalDueAt: deadline.dueAt,
      dueAt: deadline.dueAt,
      settingsVersion: deadline.settingsVersion,
      extensions: [],
    },
  });
}

/**
 * The explanation owed to the complainant on the board's track (policy 2.5): the complaint is not handled in
 * the complaints procedure and the board looks at it. Neutral on purpose: it never mentions the suspicion or
 * the police, which could harm an investigation.
 */
export function composeBoardTrackExplanation(): string {
  return (
    'Wij behandelen uw klacht niet volgens de gewone klachtenprocedure. ' +
    'De directie van onze organisatie bekijkt uw klacht zelf. ' +
    'Als de directie meer van u wil weten of als er nieuws is, hoort u dat van ons.'
  );
}

export function recordBoardTrackExplanation(
  track: BoardTrack,
  text: string,
  now: Date,
): Outcome<{ track: BoardTrack }, BoardTrackProblem> {
  if (track.explanation !== null) return fail('board_track_explanation_already_sent');
  return succeed({ track: { ...track, explanation: { sentAt: now, text } } });
}

/** Why the board cannot decide on this complaint now, or null when it can (policy 2.5). */
export function checkBoardTrackOpen(track: BoardTrack | null): BoardTrackProblem | null {
  if (track === null) return 'not_on_board_track';
  return track.endedAt === null ? null : 'board_track_decided';
}

/** Is the board's track still waiting for the board's first decision? */
export function isAwaitingBoardDecision(track: BoardTrack | null): boolean {
  return track !== null && track.endedAt === null && track.decisions.length === 0;
}

/** The first working day on which an undecided board is reminded: N working days after the suspicion. */
export function getBoardReminderDay(
  startedAt: Date,
  reminderWorkingDays: number,
  calendar: CalendarSettings,
): string {
  return addWorkingDays(toLocalDate(startedAt), reminderWorkingDays, calendar);
}

/**
 * policy 2.5 "direct voorgelegd": the board is reminded on every working day from the N-th working day after
 * the suspicion while it has recorded no decision at all (an internal investigation is a decision: it may take
 * as long as it takes).
 */
export function isBoardReminderDue(
  track: Readonly<{ startedAt: Date; decided: boolean }>,
  now: Date,
  reminderWorkingDays: number,
  calendar: CalendarSettings,
): boolean {
  if (track.decided) return false;
  const today = toLocalDate(now);
  if (!isWorkingDay(today, calendar)) return false;
  return today >= getBoardReminderDay(track.startedAt, reminderWorkingDays, calendar);
}

/**
 * On time on the board's track (policy 2.5): the explanation went out no later than the original due instant of
 * the term that stopped. Null while no explanation was sent.
 */
export function isBoardTrackExplainedOnTime(track: BoardTrack): boolean | null {
  if (track.explanation === null) return null;
  return track.explanation.sentAt.getTime() <= track.stoppedTerm.originalDueAt.getTime();
}

/**
 * Reports count a complaint on the board's track apart, unless the board sent it back into the procedure: from
 * then on it is an ordinary complaint (policy 2.5, 3.2; docs/measures.md). The report SQL mirrors this.
 */
export function isCountedOnBoardTrack(track: BoardTrack | null): boolean {
  return track !== null && !track.decisions.some((d) => d.kind === 'back_to_procedure');
}

/** The decisions a board-track case can show in a report: back into the procedure leaves the track. */
export const BOARD_TRACK_REPORT_DECISIONS = BOARD_TRACK_DECISION_KINDS.filter(
  (k) => k !== 'back_to_procedure',
);
