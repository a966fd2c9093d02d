import { describe, expect, test } from 'vitest';
import {
  COMPLAINT_ACTION_TYPES,
  COMPLAINT_STATUSES,
  type ComplaintAction,
  type ComplaintActionType,
  type ComplaintState,
  type ComplaintStatus,
  decideTransition,
  findTransitionRule,
  listAvailableActions,
  type Role,
  startBoardTrack,
  startCommitteeCase,
  TRANSITIONS,
} from '../../src/domain/index.ts';
import { approvalBy, contextFor, KIND_A, NOW, openState, PLAIN_DRAFT, readyToAnswer } from './fixtures.ts';

const FLAGS = { suspectedCriminalOffence: false, allegesDiscriminationByStaff: false };
const ACCEPT: ComplaintAction = {
  type: 'accept_as_complaint',
  triage: {
    ...FLAGS,
    outcome: 'complaint',
    category: 'repair_badly_done',
    subject: { kind: 'department', departmentId: 'd-1' },
  },
  precedent: null,
};
const REFER: ComplaintAction = {
  type: 'refer_as_not_a_complaint',
  triage: { ...FLAGS, outcome: 'not_a_complaint', kind: 'repair_request', note: null },
};
const DECLINE: ComplaintAction = {
  type: 'decline_outside_procedure',
  triage: { ...FLAGS, outcome: 'outside_procedure', ground: 'rent_or_service_costs', referralDetail: null },
  precedent: null,
};
const EXTEND: ComplaintAction = {
  type: 'extend_term',
  request: {
    newDueDay: '2026-06-19',
    reason: 'Rapport aannemer',
    managerApproval: approvalBy('manager'),
    noticeText: 'Meer tijd nodig.',
  },
};
const RULING = { at: NOW, verdict: 'unfounded', summary: 'Ongegrond.' } as const;
const BOARD = { approval: approvalBy('board'), adoptsAdvice: true, text: 'Advies overgenomen.' };
const FOLLOW_UP = { at: NOW, text: 'Klager geïnformeerd.' };

const base = openState();
const declined: ComplaintState = {
  ...base,
  status: 'declined_outside_procedure',
  triage: {
    outcome: 'outside_procedure',
    ground: 'rent_or_service_costs',
    referral: { to: 'objection_procedure', detail: null },
    answerDuty: 'explanation_within_term',
    boardMustBeInformed: false,
  },
};
const committee = startCommitteeCase(NOW);
const withRef = { ...committee, reference: 'RKC-1' };
const ruled = { ...withRef, ruling: RULING };
const decided = { ...ruled, boardDecision: BOARD };
const followedUp = { ...decided, followUp: FOLLOW_UP };
const onBoardTrack: Partial<ComplaintState> = {
  criminalOffence: { flaggedAt: NOW, flaggedBy: 'employee-1' },
  boardTrack: startBoardTrack('in_progress', base.term, NOW),
};
const recordOnlyRepeat = openState({
  repeat: {
    earlierComplaintId: 'c-0',
    lawyer: 'none',
    kind: 'disagrees_with_decision',
    newFacts: false,
    earlierRepeats: [{ newFacts: false }, { newFacts: false }],
  },
});

type Case = {
  status: ComplaintStatus;
  action: ComplaintAction;
  state?: Partial<ComplaintState>;
  to: ComplaintStatus;
  effects: string[];
  role?: Role;
};

// One passing case per (rule, from-status): every whitelisted transition is exercised.
const PASSING: Record<
  ComplaintActionType,
  Omit<Case, 'status' | 'to'> & { stateFor?: (s: ComplaintStatus) => Partial<ComplaintState>; role?: Role }
> = {
  accept_as_complaint: { action: ACCEPT, effects: [] },
  refer_as_not_a_complaint: { action: REFER, effects: ['record_referral'] },
  decline_outside_procedure: { action: DECLINE, effects: [] },
  record_without_answer_duty: {
    action: { type: 'record_without_answer_duty' },
    state: { repeat: recordOnlyRepeat.repeat },
    effects: [],
  },
  assign_handler: { action: { type: 'assign_handler', handlerId: 'employee-2' }, effects: [] },
  extend_term: {
    action: EXTEND,
    stateFor: (s) => (s === 'declined_outside_procedure' ? declined : {}),
    effects: ['notify_complainant_of_extension'],
  },
  answer: {
    action: { type: 'answer', draft: PLAIN_DRAFT },
    state: readyToAnswer(),
    effects: ['send_answer'],
  },
  send_explanation: {
    action: { type: 'send_explanation' },
    stateFor: (s) => (s === 'with_board' ? onBoardTrack : declined),
    effects: ['send_explanation'],
  },
  prepare_explanation_letter: {
    action: { type: 'prepare_explanation_letter' },
    state: declined,
    effects: ['prepare_explanation_letter'],
  },
  record_letter_posted: {
    action: { type: 'record_letter_posted', postedOn: '2026-06-10' },
    state: { ...declined, explanationLetter: { preparedAt: NOW, postedOn: null } },
    effects: [],
  },
  refer_to_committee: { action: { type: 'refer_to_committee' }, effects: [] },
  record_committee_reference: {
    action: { type: 'record_committee_reference', reference: 'RKC-1' },
    state: { committee },
    effects: [],
  },
  record_committee_ruling: {
    action: { type: 'record_committee_ruling', ruling: RULING },
    state: { committee: withRef },
    effects: [],
  },
  record_board_decision: {
    action: { type: 'record_board_decision', decision: BOARD },
    state: { committee: ruled },
    effects: [],
  },
  record_committee_follow_up: {
    action: { type: 'record_committee_follow_up', followUp: FOLLOW_UP },
    state: { committee: decided },
    effects: [],
  },
  close: {
    action: { type: 'close' },
    stateFor: (s) => (s === 'with_committee' ? { committee: followedUp } : {}),
    effects: [],
  },
  withdraw: {
    action: { type: 'withdraw', reason: 'Opgelost aan de telefoon' },
    stateFor: (s) => (s === 'declined_outside_procedure' ? declined : {}),
    effects: [],
  },
  flag_criminal_offence: { action: { type: 'flag_criminal_offence' }, effects: ['notify_board'] },
  decide_board_track: {
    action: {
      type: 'decide_board_track',
      decision: { kind: 'internal_investigation', text: 'Eerst uitzoeken.' },
    },
    state: onBoardTrack,
    role: 'board',
    effects: [],
  },
};

const ALL_CASES: Case[] = TRANSITIONS.flatMap((rule) =>
  rule.from.map((status) => {
    const p = PASSING[rule.action];
    const state = { ...p.state, ...p.stateFor?.(status) };
    return {
      status,
      action: p.action,
      state,
      to: rule.to === 'unchanged' ? status : rule.to,
      effects: p.effects,
      role: p.role ?? 'manager',
    };
  }),
);

describe('the transition table (policy 1.2, 1.3, 2.3–2.6)', () => {
  test('every rule cites a policy section and every action appears in the table', () => {
    for (const rule of TRANSITIONS) expect(rule.policy).toMatch(/^[123]\.\d$/);
    expect(new Set(TRANSITIONS.map((r) => r.action))).toEqual(new Set(COMPLAINT_ACTION_TYPES));
  });

  test('no two rules compete for the same status and action', () => {
    const keys = TRANSITIONS.flatMap((r) => r.from.map((s) => `${s}:${r.action}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(
    ALL_CASES.map((c) => ({
      ...c,
      policy: findTransitionRule(c.status, c.action.type)?.policy,
      name: c.action.type,
    })),
  )('policy $policy: $status --$name--> $to', ({ status, action, state, to, effects, role }) => {
    const result = decideTransition(
      { ...base, ...state, status },
      action,
      contextFor(role ?? 'manager', `${role ?? 'manager'}-1`),
    );
    expect(result).toMatchObject({ ok: true, from: status, to });
    if (!result.ok) return;
    expect(result.state.status).toBe(to);
    expect(result.effects.map((e) => e.type)).toEqual(effects);
  });

  const statuses = Object.keys(COMPLAINT_STATUSES) as ComplaintStatus[];
  const forbidden = statuses.flatMap((status) =>
    COMPLAINT_ACTION_TYPES.filter((a) => findTransitionRule(status, a) === null).map((action) => ({
      status,
      action,
    })),
  );
  test.each(forbidden)('policy 2.3: $action is not allowed from $status', ({ status, action }) => {
    const result = decideTransition(
      { ...base, status },
      PASSING[action].action,
      contextFor('manager', 'manager-1'),
    );
    expect(result).toEqual({ ok: false, reason: 'transition_not_allowed' });
  });

  test('policy 1.3: the committee is open whenever the complainant turns to it, answered or not', () => {
    const from = TRANSITIONS.filter((r) => r.action === 'refer_to_committee').flatMap((r) => r.from);
    expect(new Set(from)).toEqual(
      new Set(['new', 'in_progress', 'declined_outside_procedure', 'answered', 'closed']),
    );
    const overdue = { ...base, status: 'in_progress' as const, answeredAt: null };
    const referred = decideTransition(overdue, { type: 'refer_to_committee' }, contextFor('employee'));
    expect(referred).toMatchObject({ ok: true, to: 'with_committee' });
  });

  test('policy 2.5: a posted letter counts from the posting day; prepared alone answers nothing', () => {
    const letter = { ...declined, explanationLetter: { preparedAt: NOW, postedOn: null } };
    const prepared = decideTransition(declined, { type: 'prepare_explanation_letter' }, contextFor());
    expect(prepared.ok && prepared.state).toMatchObject({
      status: 'declined_outside_procedure',
      answeredAt: null,
    });
    const posted = decideTransition(
      { ...letter, explanationLetter: { preparedAt: new Date('2026-06-08T09:00:00Z'), postedOn: null } },
      { type: 'record_letter_posted', postedOn: '2026-06-09' },
      contextFor(),
    );
    expect(posted.ok && posted.state.answeredAt?.toISOString()).toBe('2026-06-09T21:59:59.999Z');
    expect(posted.ok && posted.state.closedAt).toEqual(NOW);
    const today = decideTransition(
      letter,
      { type: 'record_letter_posted', postedOn: '2026-06-10' },
      contextFor(),
    );
    expect(today.ok && today.state.answeredAt).toEqual(NOW);
  });

  test('policy 2.3: terminal statuses offer only the criminal-offence flag', () => {
    for (const s of ['referred', 'withdrawn'] as const)
      expect(listAvailableActions(s)).toEqual(['flag_criminal_offence']);
    expect(listAvailableActions('closed')).toEqual(['refer_to_committee', 'flag_criminal_offence']);
  });
});

describe('guards refuse with a reason (policy 1.2–2.6)', () => {
  test.each([
    {
      name: 'policy 1.2: triage without a category',
      status: 'new',
      action: { ...ACCEPT, triage: { ...ACCEPT.triage, category: null } },
      reason: 'category_required',
    },
    {
      name: 'policy 2.5 f: complaint on a matter the committee handled',
      status: 'new',
      action: { ...ACCEPT, precedent: { reference: 'RKC-1', stage: 'followed_up' } },
      reason: 'matter_already_handled_by_committee',
    },
    {
      name: 'policy 2.5: ground without referral',
      status: 'new',
      action: { ...DECLINE, triage: { ...DECLINE.triage, ground: 'insurer_claim' } },
      reason: 'referral_detail_required',
    },
    {
      name: 'policy 2.6: repeat past the last response cannot be accepted',
      status: 'new',
      state: { repeat: recordOnlyRepeat.repeat },
      action: ACCEPT,
      reason: 'repeat_has_no_answer_duty',
    },
    {
      name: 'policy 2.6: recording without answer duty needs a record-only repeat',
      status: 'new',
      action: { type: 'record_without_answer_duty' },
      reason: 'answer_duty_applies',
    },
    {
      name: 'policy 1.3: assigning nobody',
      status: 'in_progress',
      action: { type: 'assign_handler', handlerId: '' },
      reason: 'handler_required',
    },
    {
      name: 'policy 2.3: extension without approval',
      status: 'in_progress',
      action: { ...EXTEND, request: { ...EXTEND.request, managerApproval: null } },
      reason: 'extension_requires_manager_approval',
    },
    {
      name: 'policy 2.3: answer without a conversation',
      status: 'in_progress',
      state: { ...readyToAnswer(), contacts: [] },
      action: { type: 'answer', draft: PLAIN_DRAFT },
      reason: 'answer_requires_contact',
    },
    {
      name: 'policy 2.4: answer without an assessment',
      status: 'in_progress',
      state: { ...readyToAnswer(), assessment: null },
      action: { type: 'answer', draft: PLAIN_DRAFT },
      reason: 'answer_requires_assessment',
    },
    {
      name: 'policy 2.3: answer without a known manager for the cc',
      status: 'in_progress',
      state: { ...readyToAnswer(), responsibleManagerId: null },
      action: { type: 'answer', draft: PLAIN_DRAFT },
      reason: 'manager_unknown',
    },
    {
      name: 'policy 2.5: explanation without outside-procedure triage',
      status: 'declined_outside_procedure',
      action: { type: 'send_explanation' },
      reason: 'triage_outside_procedure_required',
    },
    {
      name: 'policy 2.5: no e-mail after a letter was prepared',
      status: 'declined_outside_procedure',
      state: { ...declined, explanationLetter: { preparedAt: NOW, postedOn: null } },
      action: { type: 'send_explanation' },
      reason: 'explanation_letter_already_prepared',
    },
    {
      name: 'policy 2.5: a second letter',
      status: 'declined_outside_procedure',
      state: { ...declined, explanationLetter: { preparedAt: NOW, postedOn: null } },
      action: { type: 'prepare_explanation_letter' },
      reason: 'explanation_letter_already_prepared',
    },
    {
      name: 'policy 2.5: posted without a prepared letter',
      status: 'declined_outside_procedure',
      state: declined,
      action: { type: 'record_letter_posted', postedOn: '2026-06-10' },
      reason: 'letter_not_prepared',
    },
    {
      name: 'policy 2.5: posted tomorrow',
      status: 'declined_outside_procedure',
      state: { ...declined, explanationLetter: { preparedAt: NOW, postedOn: null } },
      action: { type: 'record_letter_posted', postedOn: '2026-06-11' },
      reason: 'letter_posted_in_future',
    },
    {
      name: 'policy 2.5: posted before it was prepared',
      status: 'declined_outside_procedure',
      state: { ...declined, explanationLetter: { preparedAt: NOW, postedOn: null } },
      action: { type: 'record_letter_posted', postedOn: '2026-06-09' },
      reason: 'letter_posted_before_prepared',
    },
    {
      name: 'policy 2.4: closing before compensation is paid',
      status: 'answered',
      state: {
        assessment: {
          ...KIND_A,
          demonstrableDamage: true,
          compensation: { amountCents: 5000, approval: approvalBy('manager'), paidAt: null },
        },
      },
      action: { type: 'close' },
      reason: 'compensation_not_paid',
    },
    {
      name: 'policy 1.3: one committee referral per complaint',
      status: 'answered',
      state: { committee },
      action: { type: 'refer_to_committee' },
      reason: 'committee_case_exists',
    },
    {
      name: 'policy 1.3: committee step without a case',
      status: 'with_committee',
      action: { type: 'record_committee_reference', reference: 'X' },
      reason: 'committee_case_required',
    },
    {
      name: 'policy 1.3: ruling before the reference',
      status: 'with_committee',
      state: { committee },
      action: { type: 'record_committee_ruling', ruling: RULING },
      reason: 'committee_reference_required',
    },
    {
      name: 'policy 1.3: board decision not by the board',
      status: 'with_committee',
      state: { committee: ruled },
      action: { type: 'record_board_decision', decision: { ...BOARD, approval: approvalBy('manager') } },
      reason: 'board_decision_requires_board',
    },
    {
      name: 'policy 1.3: follow-up before the board decision',
      status: 'with_committee',
      state: { committee: ruled },
      action: { type: 'record_committee_follow_up', followUp: FOLLOW_UP },
      reason: 'board_decision_required',
    },
    {
      name: 'policy 1.3: closing a committee case before follow-up',
      status: 'with_committee',
      state: { committee: decided },
      action: { type: 'close' },
      reason: 'committee_follow_up_required',
    },
    {
      name: 'policy 1.3: withdrawal without a reason',
      status: 'in_progress',
      action: { type: 'withdraw', reason: '' },
      reason: 'withdrawal_reason_required',
    },
    {
      name: 'policy 2.5: flagging twice',
      status: 'closed',
      state: { criminalOffence: { flaggedAt: NOW, flaggedBy: 'x' } },
      action: { type: 'flag_criminal_offence' },
      reason: 'criminal_offence_already_flagged',
    },
  ] as const)('$name → $reason', ({ status, state, action, reason }) => {
    const result = decideTransition(
      { ...base, ...(state ?? {}), status },
      action as ComplaintAction,
      contextFor('manager', 'manager-1'),
    );
    expect(result).toEqual({ ok: false, reason });
  });
});
