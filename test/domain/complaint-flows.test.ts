import { describe, expect, test } from 'vitest';
import {
  assessTimeliness,
  type ComplaintAction,
  type ComplaintState,
  decideTransition,
  getTermOwnerId,
  openComplaint,
  type RepeatInput,
  reviseCalendarSettings,
  type TransitionContext,
} from '../../src/domain/index.ts';
import {
  approvalBy,
  contextFor,
  KIND_B,
  NOW,
  openState,
  PLAIN_DRAFT,
  RECEIVED,
  readyToAnswer,
  SETTINGS,
} from './fixtures.ts';

const FLAGS = { suspectedCriminalOffence: false, allegesDiscriminationByStaff: false };

function run(
  state: ComplaintState,
  actions: ComplaintAction[],
  ctx: TransitionContext = contextFor('manager', 'manager-1'),
) {
  let current = state;
  const effects: string[] = [];
  for (const action of actions) {
    const result = decideTransition(current, action, ctx);
    if (!result.ok) throw new Error(`${action.type}: ${result.reason}`);
    current = result.state;
    effects.push(...result.effects.map((e) => e.type));
  }
  return { state: current, effects };
}

describe('registration (policy 2.1–2.3)', () => {
  test('policy 2.3: the term is computed once at registration', () => {
    const state = openState();
    expect(state.status).toBe('new');
    expect(state.term.termStartDay).toBe('2026-06-08');
    expect(state.term.dueAt.toISOString()).toBe('2026-06-15T21:59:59.999Z');
    expect(state.term.originalDueAt).toEqual(state.term.dueAt);
    expect(state.term.settingsVersion).toBe(1);
  });

  test('policy 2.1: a receipt in the future is refused', () => {
    const opened = openComplaint(
      {
        receivedAt: new Date(NOW.getTime() + 1),
        channel: 'email',
        responsibleManagerId: 'm',
        managementAssistantIds: ['a'],
        repeat: null,
      },
      SETTINGS,
      NOW,
    );
    expect(opened).toEqual({ ok: false, reason: 'received_in_future' });
  });

  test('policy 2.3: later settings changes never move a stored deadline; only an extension does', () => {
    const revised = reviseCalendarSettings(SETTINGS, { termWorkingDays: 10, closingDays: ['2026-06-15'] });
    if (!revised.ok) throw new Error(revised.reason);
    const ctx = { ...contextFor('manager', 'manager-1'), settings: revised.settings };
    const accepted = run(
      openState(),
      [
        {
          type: 'accept_as_complaint',
          triage: {
            ...FLAGS,
            outcome: 'complaint',
            category: 'no_or_late_answer',
            subject: { kind: 'department', departmentId: 'd' },
          },
          precedent: null,
        },
        { type: 'assign_handler', handlerId: 'employee-1' },
      ],
      ctx,
    );
    expect(accepted.state.term.dueAt.toISOString()).toBe('2026-06-15T21:59:59.999Z');
    expect(accepted.state.term.settingsVersion).toBe(1);
    const extended = run(
      accepted.state,
      [
        {
          type: 'extend_term',
          request: {
            newDueDay: '2026-06-18',
            reason: 'r',
            managerApproval: approvalBy('manager'),
            noticeText: 'n',
          },
        },
      ],
      ctx,
    );
    expect(extended.state.term.dueAt.toISOString()).toBe('2026-06-18T21:59:59.999Z');
    expect(extended.state.term.originalDueAt.toISOString()).toBe('2026-06-15T21:59:59.999Z');
    expect(assessTimeliness(new Date('2026-06-17T10:00:00Z'), extended.state.term)).toEqual({
      onTimeOriginal: false,
      onTimeExtended: true,
    });
  });
});

describe('suspected criminal offence → board informed at once, whatever the outcome (policy 2.5)', () => {
  const triages: ComplaintAction[] = [
    {
      type: 'accept_as_complaint',
      triage: {
        ...FLAGS,
        suspectedCriminalOffence: true,
        outcome: 'complaint',
        category: 'treated_wrongly',
        subject: { kind: 'employee', employeeId: 'e' },
      },
      precedent: null,
    },
    {
      type: 'refer_as_not_a_complaint',
      triage: {
        ...FLAGS,
        suspectedCriminalOffence: true,
        outcome: 'not_a_complaint',
        kind: 'housing_fraud_report',
        note: null,
      },
    },
    {
      type: 'decline_outside_procedure',
      triage: {
        ...FLAGS,
        suspectedCriminalOffence: true,
        outcome: 'outside_procedure',
        ground: 'pending_at_dispute_body',
        referralDetail: 'kantonrechter',
      },
      precedent: null,
    },
  ];
  // A complaint or an outside-procedure case leaves the procedure for the board's track; a non-complaint is referred
  const landsIn = { accept_as_complaint: 'with_board', refer_as_not_a_complaint: 'referred' };
  test.each(triages)('policy 2.5: $type with a suspected offence notifies the board', (action) => {
    const result = run(openState(), [action]);
    expect(result.effects[0]).toBe('notify_board');
    expect(result.state.criminalOffence).toEqual({ flaggedAt: NOW, flaggedBy: 'manager-1' });
    expect(result.state.status).toBe(landsIn[action.type as keyof typeof landsIn] ?? 'with_board');
  });

  test('policy 2.5: a flag raised earlier is not sent to the board twice', () => {
    const flagged = run(openState(), [{ type: 'flag_criminal_offence' }]);
    expect(flagged.state.status).toBe('with_board');
    const back = run(
      flagged.state,
      [{ type: 'decide_board_track', decision: { kind: 'back_to_procedure', text: 'Geen strafbaar feit.' } }],
      contextFor('board'),
    );
    expect(back.state.status).toBe('new');
    const again = run(back.state, [triages[0] as ComplaintAction]);
    expect(again.effects).toEqual([]);
    expect(again.state.status).toBe('in_progress');
  });
});

describe('answering (policy 2.3, 2.4)', () => {
  test('policy 2.3: the answer goes to the complainant with cc to manager and management assistant', () => {
    const result = decideTransition(readyToAnswer(), { type: 'answer', draft: PLAIN_DRAFT }, contextFor());
    expect(result.ok && result.effects).toEqual([
      {
        type: 'send_answer',
        recipients: {
          to: [{ role: 'complainant' }],
          cc: [
            { role: 'manager', userId: 'manager-1' },
            { role: 'management_assistant', userId: 'assistant-1' },
          ],
        },
      },
    ]);
    expect(result.ok && result.state.answeredAt).toEqual(NOW);
  });

  test('policy 2.4: wrong policy goes to the MT agenda when the answer is sent', () => {
    const state = readyToAnswer({}, { ...KIND_B, finding: 'policy_wrong', verdict: 'partly_upheld' });
    const result = run(state, [{ type: 'answer', draft: PLAIN_DRAFT }]);
    expect(result.effects).toEqual(['send_answer', 'put_on_management_team_agenda']);
  });

  test('policy 2.5: the explanation names the objection procedure and closes the case', () => {
    const declined = run(openState(), [
      {
        type: 'decline_outside_procedure',
        triage: {
          ...FLAGS,
          outcome: 'outside_procedure',
          ground: 'rent_or_service_costs',
          referralDetail: null,
        },
        precedent: null,
      },
    ]);
    const result = decideTransition(declined.state, { type: 'send_explanation' }, contextFor());
    expect(result.ok && result.effects[0]).toMatchObject({
      type: 'send_explanation',
      text: expect.stringContaining('bezwaarprocedure'),
    });
    expect(result.ok && result.state).toMatchObject({ status: 'closed', answeredAt: NOW, closedAt: NOW });
  });
});

describe('repeat complaints through the lifecycle (policy 2.6)', () => {
  const repeatOf = (repeat: RepeatInput) => openState({ repeat });
  const employeeRepeat: RepeatInput = {
    earlierComplaintId: 'c-0',
    lawyer: 'none',
    kind: 'employee_response',
    cause: 'no_answer',
    employeeId: 'emp-3',
    managerId: 'manager-7',
  };

  test('policy 2.6: employee-caused repeat — the manager is told, the event counted, the manager owns the term', () => {
    const opened = openComplaint(
      {
        receivedAt: RECEIVED,
        channel: 'email',
        responsibleManagerId: 'manager-1',
        managementAssistantIds: ['a'],
        repeat: employeeRepeat,
      },
      SETTINGS,
      NOW,
    );
    expect(opened.ok && opened.effects.map((e) => e.type)).toEqual([
      'consult_manager',
      'count_employee_repeat_event',
    ]);
    const state = repeatOf(employeeRepeat);
    expect(state.responsibleManagerId).toBe('manager-7');
    expect(getTermOwnerId({ ...state, handlerId: 'employee-1' })).toBe('manager-7');
    expect(getTermOwnerId(openState({ repeat: null }))).toBeNull();
  });

  test('policy 2.6: only that manager decides who handles an employee-caused repeat', () => {
    const state: ComplaintState = { ...repeatOf(employeeRepeat), status: 'in_progress' };
    const assign: ComplaintAction = { type: 'assign_handler', handlerId: 'employee-9' };
    expect(decideTransition(state, assign, contextFor('employee', 'emp-3'))).toEqual({
      ok: false,
      reason: 'handler_assignment_requires_manager',
    });
    expect(decideTransition(state, assign, contextFor('manager', 'manager-1'))).toEqual({
      ok: false,
      reason: 'handler_assignment_requires_manager',
    });
    expect(decideTransition(state, assign, contextFor('manager', 'manager-7')).ok).toBe(true);
  });

  test('policy 2.6: the answer to an employee-caused repeat needs that manager’s personal approval', () => {
    const state = readyToAnswer({
      repeat: repeatOf(employeeRepeat).repeat,
      responsibleManagerId: 'manager-7',
    });
    const answer: ComplaintAction = { type: 'answer', draft: PLAIN_DRAFT };
    expect(decideTransition(state, answer, contextFor())).toEqual({
      ok: false,
      reason: 'answer_requires_manager_approval',
    });
    expect(
      decideTransition(
        { ...state, managerApproval: approvalBy('manager', 'manager-1') },
        answer,
        contextFor(),
      ).ok,
    ).toBe(false);
    expect(
      decideTransition(
        { ...state, managerApproval: approvalBy('manager', 'manager-7') },
        answer,
        contextFor(),
      ).ok,
    ).toBe(true);
  });

  test('policy 2.6: lawyer escalation — legal advice recorded and adopted', () => {
    const repeat = repeatOf({
      earlierComplaintId: 'c-0',
      lawyer: 'written_by_lawyer',
      kind: 'disagrees_with_decision',
      newFacts: true,
      earlierRepeats: [],
    }).repeat;
    const state = readyToAnswer({ repeat });
    const legalAdvice = { approval: approvalBy('legal'), summary: 'Advies' };
    expect(decideTransition(state, { type: 'answer', draft: PLAIN_DRAFT }, contextFor())).toEqual({
      ok: false,
      reason: 'answer_requires_legal_advice',
    });
    expect(
      decideTransition({ ...state, legalAdvice }, { type: 'answer', draft: PLAIN_DRAFT }, contextFor()),
    ).toEqual({ ok: false, reason: 'answer_must_adopt_legal_advice' });
    expect(
      decideTransition(
        { ...state, legalAdvice },
        { type: 'answer', draft: { ...PLAIN_DRAFT, adoptsLegalAdvice: true } },
        contextFor(),
      ).ok,
    ).toBe(true);
  });

  test('policy 2.6: second repeat without new facts — the answer must say it is the last response', () => {
    const repeat = repeatOf({
      earlierComplaintId: 'c-0',
      lawyer: 'none',
      kind: 'disagrees_with_decision',
      newFacts: false,
      earlierRepeats: [{ newFacts: false }],
    }).repeat;
    const state = readyToAnswer({ repeat }, KIND_B);
    const standBy = { ...PLAIN_DRAFT, standsByEarlierDecision: true };
    expect(decideTransition(state, { type: 'answer', draft: standBy }, contextFor())).toEqual({
      ok: false,
      reason: 'answer_must_state_last_response',
    });
    expect(
      decideTransition(
        state,
        { type: 'answer', draft: { ...standBy, statesLastResponse: true } },
        contextFor(),
      ).ok,
    ).toBe(true);
  });

  test('policy 2.6: a later repeat is recorded and closed without an answer', () => {
    const state = repeatOf({
      earlierComplaintId: 'c-0',
      lawyer: 'none',
      kind: 'disagrees_with_decision',
      newFacts: false,
      earlierRepeats: [{ newFacts: false }, { newFacts: false }],
    });
    const result = run(state, [{ type: 'record_without_answer_duty' }]);
    expect(result.state).toMatchObject({ status: 'closed', closedAt: NOW, answeredAt: null });
    expect(result.effects).toEqual([]);
  });
});

describe('regional complaints committee through the lifecycle (policy 1.3, 2.5 f)', () => {
  test('policy 1.3: answered → committee → reference, ruling, board decision, follow-up → closed', () => {
    const answered = run(readyToAnswer(), [{ type: 'answer', draft: PLAIN_DRAFT }, { type: 'close' }]);
    const result = run(answered.state, [
      { type: 'refer_to_committee' },
      { type: 'record_committee_reference', reference: 'RKC-2026-014' },
      {
        type: 'record_committee_ruling',
        ruling: { at: NOW, verdict: 'partly_well_founded', summary: 'Deels gegrond' },
      },
      {
        type: 'record_board_decision',
        decision: { approval: approvalBy('board'), adoptsAdvice: true, text: 'Overgenomen' },
      },
      { type: 'record_committee_follow_up', followUp: { at: NOW, text: 'Uitgevoerd' } },
      { type: 'close' },
    ]);
    expect(result.state.status).toBe('closed');
    expect(result.state.committee?.followUp?.text).toBe('Uitgevoerd');
  });

  test('policy 2.5 f: the later complaint on that matter is declined under ground f with the committee reference', () => {
    const precedent = { reference: 'RKC-2026-014', stage: 'followed_up' } as const;
    const result = run(openState(), [
      {
        type: 'decline_outside_procedure',
        triage: {
          ...FLAGS,
          outcome: 'outside_procedure',
          ground: 'handled_by_committee',
          referralDetail: null,
        },
        precedent,
      },
      { type: 'send_explanation' },
    ]);
    expect(result.state.triage).toMatchObject({
      ground: 'handled_by_committee',
      referral: { to: 'committee_ruling', detail: 'RKC-2026-014' },
    });
  });
});
