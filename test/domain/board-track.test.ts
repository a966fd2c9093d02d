import { describe, expect, test } from 'vitest';
import {
  BOARD_TRACK_DECISION_KINDS,
  type BoardTrackDecisionKind,
  type ComplaintAction,
  type ComplaintState,
  checkBoardTrackOpen,
  DEFAULT_MONITOR_SETTINGS,
  decideTransition,
  isBoardTrackExplainedOnTime,
  isWorkingDay,
  listAvailableActions,
  listNextSteps,
  type MonitoredComplaint,
  planReminders,
  type TransitionContext,
  toInstant,
} from '../../src/domain/index.ts';
import { contextFor, NOW, openState, PLAIN_DRAFT, readyToAnswer, SETTINGS } from './fixtures.ts';

const FLAGS = { suspectedCriminalOffence: true, allegesDiscriminationByStaff: false };
const at = (date: string, hour = 10, minute = 0) =>
  toInstant({ date, hour, minute, second: 0, millisecond: 0 });

function step(
  state: ComplaintState,
  action: ComplaintAction,
  ctx: TransitionContext = contextFor('manager'),
) {
  const result = decideTransition(state, action, ctx);
  if (!result.ok) throw new Error(`${action.type}: ${result.reason}`);
  return result;
}

const decide = (kind: BoardTrackDecisionKind, text = 'Besluit van de directie.'): ComplaintAction => ({
  type: 'decide_board_track',
  decision: { kind, text },
});
const boardAt = (now: Date): TransitionContext => ({ ...contextFor('board'), now });

const inProgress = readyToAnswer();
const flagged = step(inProgress, { type: 'flag_criminal_offence' }).state;

describe("onto the board's track (policy 2.5: 'direct voorgelegd aan de directie')", () => {
  test('a flag on a complaint in progress takes it to the board, stops the term and tells the board', () => {
    const result = step(inProgress, { type: 'flag_criminal_offence' });
    expect(result.to).toBe('with_board');
    expect(result.effects).toEqual([{ type: 'notify_board', reason: 'suspected_criminal_offence' }]);
    expect(result.state.boardTrack).toEqual({
      startedAt: NOW,
      returnTo: 'in_progress',
      stoppedTerm: { originalDueAt: inProgress.term.originalDueAt, dueAt: inProgress.term.dueAt },
      explanation: null,
      decisions: [],
      endedAt: null,
    });
  });

  test.each([
    { name: 'a complaint', outcome: 'complaint', to: 'with_board', returnTo: 'in_progress' },
    {
      name: 'outside the procedure',
      outcome: 'outside_procedure',
      to: 'with_board',
      returnTo: 'declined_outside_procedure',
    },
    { name: 'not a complaint', outcome: 'not_a_complaint', to: 'referred', returnTo: null },
  ] as const)('triage as $name with a suspicion → $to', ({ outcome, to, returnTo }) => {
    const action: ComplaintAction =
      outcome === 'complaint'
        ? {
            type: 'accept_as_complaint',
            triage: {
              ...FLAGS,
              outcome,
              category: 'treated_wrongly',
              subject: { kind: 'employee', employeeId: 'e-1' },
            },
            precedent: null,
          }
        : outcome === 'outside_procedure'
          ? {
              type: 'decline_outside_procedure',
              triage: {
                ...FLAGS,
                outcome,
                ground: 'pending_at_dispute_body',
                referralDetail: 'kantonrechter',
              },
              precedent: null,
            }
          : {
              type: 'refer_as_not_a_complaint',
              triage: { ...FLAGS, outcome, kind: 'housing_fraud_report', note: null },
            };
    const result = step(openState(), action);
    expect(result.to).toBe(to);
    expect(result.effects[0]?.type).toBe('notify_board');
    expect(result.state.boardTrack?.returnTo ?? null).toBe(returnTo);
  });

  test.each(['answered', 'closed', 'with_committee', 'referred', 'withdrawn'] as const)(
    'a complaint %s has left the procedure: the board is told, the status stays',
    (status) => {
      const result = step({ ...inProgress, status }, { type: 'flag_criminal_offence' });
      expect(result.to).toBe(status);
      expect(result.state.boardTrack).toBeNull();
      expect(result.effects.map((e) => e.type)).toEqual(['notify_board']);
    },
  );

  test('with the board nobody answers, extends or assesses: only the explanation and the decision are offered', () => {
    expect(listAvailableActions('with_board').sort()).toEqual(
      ['decide_board_track', 'flag_criminal_offence', 'send_explanation'].sort(),
    );
    const answer = decideTransition(flagged, { type: 'answer', draft: PLAIN_DRAFT }, contextFor('employee'));
    expect(answer).toEqual({ ok: false, reason: 'transition_not_allowed' });
  });

  test('next steps: the explanation to the complainant, then the board decides', () => {
    expect(listNextSteps(flagged)).toEqual(['send_board_track_explanation', 'decide_board_track']);
  });
});

describe("the board's decision (policy 2.5)", () => {
  // Thursday 24 December 2026, 10:00: Christmas and New Year's Day are off
  const decidedAt = at('2026-12-24');

  test.each([
    { kind: 'report_to_police', to: 'closed', closed: true, ended: true },
    { kind: 'no_further_action', to: 'closed', closed: true, ended: true },
    { kind: 'internal_investigation', to: 'with_board', closed: false, ended: false },
    { kind: 'back_to_procedure', to: 'in_progress', closed: false, ended: true },
  ] as const)('$kind → $to', ({ kind, to, closed, ended }) => {
    const result = step(flagged, decide(kind), boardAt(decidedAt));
    expect(result.to).toBe(to);
    expect(result.state.closedAt).toEqual(closed ? decidedAt : null);
    expect(result.state.boardTrack?.endedAt).toEqual(ended ? decidedAt : null);
    expect(result.state.boardTrack?.decisions).toEqual([
      {
        kind,
        text: 'Besluit van de directie.',
        approval: { byUserId: 'board-1', role: 'board', at: decidedAt },
      },
    ]);
    expect(result.effects).toEqual([]);
  });

  test('back into the procedure: an ordinary complaint with a fresh five-working-day term from the decision', () => {
    const back = step(flagged, decide('back_to_procedure'), boardAt(decidedAt)).state;
    // day 0 = Thu 24 Dec; 25 Dec and 1 Jan are holidays: 28, 29, 30, 31 Dec, 4 Jan
    expect(back.term.termStartDay).toBe('2026-12-24');
    expect(back.term.originalDueAt.toISOString()).toBe('2027-01-04T22:59:59.999Z');
    expect(back.term.dueAt).toEqual(back.term.originalDueAt);
    expect(back.term.extensions).toEqual([]);
    // and it can be answered again like any complaint
    expect(step(back, { type: 'answer', draft: PLAIN_DRAFT }).to).toBe('answered');
  });

  test('back into the procedure returns where it came from (not yet triaged → new)', () => {
    const fromNew = step(openState(), { type: 'flag_criminal_offence' }).state;
    expect(fromNew.status).toBe('with_board');
    expect(step(fromNew, decide('back_to_procedure'), boardAt(decidedAt)).to).toBe('new');
  });

  test('after an internal investigation the board still takes the final decision', () => {
    const investigating = step(flagged, decide('internal_investigation'), boardAt(decidedAt)).state;
    expect(listNextSteps(investigating)).toEqual(['send_board_track_explanation', 'decide_board_track']);
    const again = decideTransition(investigating, decide('internal_investigation'), boardAt(decidedAt));
    expect(again).toEqual({ ok: false, reason: 'board_track_investigation_already_started' });
    const closed = step(investigating, decide('report_to_police'), boardAt(decidedAt));
    expect(closed.to).toBe('closed');
    expect(closed.state.boardTrack?.decisions.map((d) => d.kind)).toEqual([
      'internal_investigation',
      'report_to_police',
    ]);
  });

  test.each([
    {
      name: 'someone other than the board',
      ctx: contextFor('manager'),
      text: 'x',
      reason: 'board_track_decision_requires_board',
    },
    {
      name: 'an empty text',
      ctx: contextFor('board'),
      text: '  ',
      reason: 'board_track_decision_text_required',
    },
  ])('refused: $name', ({ ctx, text, reason }) => {
    expect(decideTransition(flagged, decide('no_further_action', text), ctx)).toEqual({ ok: false, reason });
  });

  test('a complaint not on the track, or whose track ended, cannot get a board decision', () => {
    expect(checkBoardTrackOpen(inProgress.boardTrack)).toBe('not_on_board_track');
    expect(checkBoardTrackOpen(flagged.boardTrack)).toBeNull();
    const back = step(flagged, decide('back_to_procedure'), boardAt(decidedAt)).state;
    expect(checkBoardTrackOpen(back.boardTrack)).toBe('board_track_decided');
    expect(decideTransition(inProgress, decide('no_further_action'), contextFor('board'))).toEqual({
      ok: false,
      reason: 'transition_not_allowed',
    });
  });

  test('every decision kind is covered', () => {
    expect(BOARD_TRACK_DECISION_KINDS.sort()).toEqual(
      ['back_to_procedure', 'internal_investigation', 'no_further_action', 'report_to_police'].sort(),
    );
  });
});

describe("the complainant's explanation on the board's track (policy 2.5: 'wel leggen we … uit')", () => {
  test('a neutral text through the explanation effect; the status stays with the board', () => {
    const result = step(flagged, { type: 'send_explanation' }, contextFor('employee'));
    expect(result.to).toBe('with_board');
    const effect = result.effects[0];
    expect(effect?.type).toBe('send_explanation');
    const text = effect?.type === 'send_explanation' ? effect.text : '';
    expect(text).toContain('niet volgens de gewone klachtenprocedure');
    expect(text).toContain('directie');
    expect(text).not.toMatch(/politie|aangifte|strafbaar|vermoeden/i);
    expect(result.state.boardTrack?.explanation).toEqual({ sentAt: NOW, text });
    expect(result.state.answeredAt).toBeNull();
    expect(listNextSteps(result.state)).toEqual(['decide_board_track']);
    const twice = decideTransition(result.state, { type: 'send_explanation' }, contextFor('employee'));
    expect(twice).toEqual({ ok: false, reason: 'board_track_explanation_already_sent' });
  });

  test('on time when sent no later than the original due instant of the stopped term', () => {
    const due = flagged.term.originalDueAt;
    const sentAt = (when: Date) =>
      step(flagged, { type: 'send_explanation' }, { ...contextFor('employee'), now: when }).state.boardTrack;
    const onTime = sentAt(due);
    const late = sentAt(new Date(due.getTime() + 1));
    expect(onTime && isBoardTrackExplainedOnTime(onTime)).toBe(true);
    expect(late && isBoardTrackExplainedOnTime(late)).toBe(false);
    expect(flagged.boardTrack && isBoardTrackExplainedOnTime(flagged.boardTrack)).toBeNull();
  });
});

describe('reminding an undecided board (policy 2.5), planned like the other reminders', () => {
  // Flagged Friday 23 April 2027; Tuesday 27 April is Koningsdag
  const started = at('2027-04-23', 15);
  const monitored = (overrides: Partial<MonitoredComplaint> = {}): MonitoredComplaint => ({
    id: 'c1',
    status: 'with_board',
    dueAt: at('2027-04-20'), // the stopped term lies in the past: never a reason to chase anybody
    handlerId: 'eva',
    responsibleManagerId: 'mia',
    managingManagerId: null,
    approvalRequestedAt: at('2027-04-19'),
    legalAdviceRequestedAt: null,
    committee: null,
    boardTrack: { startedAt: started, decided: false },
    ...overrides,
  });
  const remindersOn = (day: string, c = monitored(), settings = DEFAULT_MONITOR_SETTINGS) =>
    planReminders([c], at(day, 9), SETTINGS, settings).map(
      (r) =>
        `${r.kind}>${r.recipient.kind === 'user' ? r.recipient.userId : r.recipient.role}:${r.dedupeKey}`,
    );

  test('two working days by default: not on Monday, not on the holiday, from Wednesday on, once a day', () => {
    expect(isWorkingDay('2027-04-27', SETTINGS)).toBe(false);
    expect(remindersOn('2027-04-24')).toEqual([]); // Saturday
    expect(remindersOn('2027-04-26')).toEqual([]); // 1 working day
    expect(remindersOn('2027-04-27')).toEqual([]); // Koningsdag
    expect(remindersOn('2027-04-28')).toEqual([
      'board_track_decision_due>board:board_track_decision_due:c1:board:2027-04-28',
    ]);
    expect(remindersOn('2027-04-29')).toEqual([
      'board_track_decision_due>board:board_track_decision_due:c1:board:2027-04-29',
    ]);
  });

  test('the organisation sets the number of working days', () => {
    const one = { ...DEFAULT_MONITOR_SETTINGS, boardReminderWorkingDays: 1 };
    expect(remindersOn('2027-04-26', monitored(), one)).toHaveLength(1);
  });

  test('no reminder once the board decided (an investigation too), and never an overdue term', () => {
    expect(
      remindersOn('2027-04-29', monitored({ boardTrack: { startedAt: started, decided: true } })),
    ).toEqual([]);
    expect(
      remindersOn('2027-05-20', monitored({ boardTrack: { startedAt: started, decided: true } })),
    ).toEqual([]);
  });
});
