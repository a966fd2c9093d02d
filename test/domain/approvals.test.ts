import { describe, expect, test } from 'vitest';
import {
  type ApprovalHistoryEntry,
  type ApprovalSubject,
  type Assessment,
  type ComplaintState,
  checkApprovalGiving,
  checkApprovalRefusal,
  describeNextStep,
  listApprovalsNeeded,
  listApprovalWaits,
  listNextSteps,
  listOpenApprovalRequests,
  type OpenApprovalRequest,
  proposeApprovalSubject,
} from '../../src/domain/index.ts';
import { approvalBy, KIND_A, KIND_B, NOW, openState, readyToAnswer } from './fixtures.ts';

const WITH_DAMAGE: Assessment = {
  ...KIND_A,
  demonstrableDamage: true,
  compensation: { amountCents: 7500, approval: null, paidAt: null },
};
const DAMAGE_APPROVED: Assessment = {
  ...KIND_A,
  demonstrableDamage: true,
  compensation: { amountCents: 7500, approval: approvalBy('manager'), paidAt: null },
};
const DAMAGE_APPROVED_BY_EMPLOYEE: Assessment = {
  ...KIND_A,
  demonstrableDamage: true,
  compensation: { amountCents: 7500, approval: approvalBy('employee'), paidAt: null },
};
const EXCEPTION: Assessment = { ...KIND_B, finding: 'policy_wrong_in_this_case', explanation: null };
const EXCEPTION_DECIDED: Assessment = {
  ...EXCEPTION,
  managerDecision: { approval: approvalBy('manager'), text: 'Eenmalig vergoeden.' },
};

/** An employee-caused repeat (policy 2.6): the employee's own manager approves the answer. */
function employeeRepeat(overrides: Partial<ComplaintState> = {}): ComplaintState {
  const opened = openState({
    repeat: {
      kind: 'employee_response',
      earlierComplaintId: 'earlier-1',
      lawyer: 'none',
      cause: 'late',
      employeeId: 'employee-2',
      managerId: 'manager-2',
    },
  });
  return { ...readyToAnswer(), repeat: opened.repeat, responsibleManagerId: 'manager-2', ...overrides };
}

const asked = (subject: ApprovalSubject, managerId = 'manager-1'): OpenApprovalRequest => ({
  subject,
  managerId,
  at: NOW,
});

describe('which approvals a complaint still needs (policy 2.4, 2.6)', () => {
  test.each<[string, ComplaintState, ApprovalSubject[]]>([
    ['kind A without compensation', readyToAnswer(), []],
    ['compensation not approved', readyToAnswer({}, WITH_DAMAGE), ['compensation']],
    ['compensation approved by the manager', readyToAnswer({}, DAMAGE_APPROVED), []],
    [
      'compensation "approved" by an employee',
      readyToAnswer({}, DAMAGE_APPROVED_BY_EMPLOYEE),
      ['compensation'],
    ],
    ['policy right (kind B)', readyToAnswer({}, KIND_B), []],
    ['policy wrong in this case, undecided', readyToAnswer({}, EXCEPTION), ['manager_decision']],
    ['policy wrong in this case, decided', readyToAnswer({}, EXCEPTION_DECIDED), []],
    ['employee repeat without approval', employeeRepeat(), ['answer']],
    [
      'employee repeat approved by another manager',
      employeeRepeat({ managerApproval: approvalBy('manager', 'manager-1') }),
      ['answer'],
    ],
    [
      'employee repeat approved by its manager',
      employeeRepeat({ managerApproval: approvalBy('manager', 'manager-2') }),
      [],
    ],
    [
      'employee repeat with compensation',
      employeeRepeat({ assessment: WITH_DAMAGE }),
      ['compensation', 'answer'],
    ],
  ])('%s', (_, state, expected) => {
    expect(listApprovalsNeeded(state)).toEqual(expected);
  });
});

describe('what waits for which approval, and for whom', () => {
  test.each<[string, ComplaintState, OpenApprovalRequest[], object[]]>([
    ['nothing needed', readyToAnswer(), [], []],
    [
      'compensation holds the answer and the payment, for the accountable manager',
      readyToAnswer({}, WITH_DAMAGE),
      [],
      [
        {
          subject: 'compensation',
          approverId: 'manager-1',
          requestedAt: null,
          holds: ['answer', 'compensation-paid'],
        },
      ],
    ],
    [
      'asked of a manager no longer accountable: the accountable one approves, asked since then',
      readyToAnswer({}, WITH_DAMAGE),
      [asked('compensation', 'manager-9')],
      [
        {
          subject: 'compensation',
          approverId: 'manager-1',
          requestedAt: NOW,
          holds: ['answer', 'compensation-paid'],
        },
      ],
    ],
    [
      'an employee repeat waits for the manager put in charge',
      employeeRepeat(),
      [],
      [{ subject: 'answer', approverId: 'manager-2', requestedAt: null, holds: ['answer'] }],
    ],
  ])('%s', (_, state, open, expected) => {
    expect(listApprovalWaits(state, open)).toEqual(expected);
  });
});

describe('open requests from the timeline', () => {
  const at = (minute: number) => new Date(NOW.getTime() + minute * 60_000);
  const entry = (kind: ApprovalHistoryEntry['kind'], subject: ApprovalSubject, minute: number) => ({
    kind,
    subject,
    at: at(minute),
    managerId: kind === 'requested' ? 'manager-1' : null,
  });
  test.each<[string, ApprovalHistoryEntry[], ApprovalSubject[]]>([
    ['none', [], []],
    ['asked', [entry('requested', 'compensation', 1)], ['compensation']],
    ['asked, then given', [entry('requested', 'compensation', 1), entry('given', 'compensation', 2)], []],
    ['asked, then refused', [entry('requested', 'compensation', 1), entry('refused', 'compensation', 2)], []],
    [
      'refused, asked again',
      [
        entry('requested', 'compensation', 1),
        entry('refused', 'compensation', 2),
        entry('requested', 'compensation', 3),
      ],
      ['compensation'],
    ],
    [
      'a decision on another subject leaves it open',
      [entry('requested', 'answer', 1), entry('given', 'compensation', 2)],
      ['answer'],
    ],
  ])('%s', (_, history, expected) => {
    expect(listOpenApprovalRequests(history).map((r) => r.subject)).toEqual(expected);
  });

  test('asked twice: the first request says since when it waits', () => {
    const open = listOpenApprovalRequests([entry('requested', 'answer', 1), entry('requested', 'answer', 5)]);
    expect(open).toEqual([{ subject: 'answer', managerId: 'manager-1', at: at(1) }]);
  });
});

describe('what the request form proposes', () => {
  test.each<[string, ComplaintState, OpenApprovalRequest[], ApprovalSubject | null]>([
    ['nothing pending', readyToAnswer(), [], null],
    ['the compensation awaiting approval', readyToAnswer({}, WITH_DAMAGE), [], 'compensation'],
    ['the assessment B decision', readyToAnswer({}, EXCEPTION), [], 'manager_decision'],
    ['the repeat answer', employeeRepeat(), [], 'answer'],
    [
      'the one not yet asked for',
      employeeRepeat({ assessment: WITH_DAMAGE }),
      [asked('compensation')],
      'answer',
    ],
    [
      'all asked: the first',
      employeeRepeat({ assessment: WITH_DAMAGE }),
      [asked('compensation'), asked('answer')],
      'compensation',
    ],
  ])('%s', (_, state, open, expected) => {
    expect(proposeApprovalSubject(state, open)).toBe(expected);
  });
});

describe('the next step after asking', () => {
  test.each<[string, ComplaintState, OpenApprovalRequest[], string]>([
    ['not asked: ask for approval', readyToAnswer({}, WITH_DAMAGE), [], 'obtain_manager_approval'],
    [
      'asked: wait for the approver',
      readyToAnswer({}, WITH_DAMAGE),
      [asked('compensation')],
      'await_manager_approval',
    ],
    [
      'asked something else: still ask',
      readyToAnswer({}, WITH_DAMAGE),
      [asked('answer')],
      'obtain_manager_approval',
    ],
    [
      'one of two asked: still ask',
      employeeRepeat({ assessment: WITH_DAMAGE }),
      [asked('compensation')],
      'obtain_manager_approval',
    ],
  ])('%s', (_, state, open, step) => {
    const steps = listNextSteps(state, open);
    expect(steps[0]).toBe(step);
    expect(steps).toContain('send_answer');
  });

  test('waiting names the approver; without a name it stays general', () => {
    expect(describeNextStep('await_manager_approval', { approverName: 'Sanne de Vries' })).toEqual({
      nl: 'Wacht op goedkeuring van Sanne de Vries',
      en: 'Waiting for approval of Sanne de Vries',
    });
    expect(describeNextStep('await_manager_approval', { approverName: null }).nl).toBe(
      'Wacht op goedkeuring van de leidinggevende',
    );
    expect(describeNextStep('send_answer', { approverName: 'Sanne' }).nl).toBe('Verstuur het antwoord');
  });
});

describe('a decision is taken once', () => {
  test.each<[string, ComplaintState, ApprovalSubject, string | null]>([
    ['compensation not yet approved', readyToAnswer({}, WITH_DAMAGE), 'compensation', null],
    ['compensation approved', readyToAnswer({}, DAMAGE_APPROVED), 'compensation', 'approval_already_decided'],
    ['decision taken', readyToAnswer({}, EXCEPTION_DECIDED), 'manager_decision', 'approval_already_decided'],
    [
      'answer approved by another manager',
      employeeRepeat({ managerApproval: approvalBy('manager', 'manager-1') }),
      'answer',
      null,
    ],
    [
      'answer approved by its manager',
      employeeRepeat({ managerApproval: approvalBy('manager', 'manager-2') }),
      'answer',
      'approval_already_decided',
    ],
  ])('giving: %s', (_, state, subject, problem) => {
    expect(checkApprovalGiving(state, subject)).toBe(problem);
  });

  test.each<[string, ComplaintState, OpenApprovalRequest[], string]>([
    ['asked', readyToAnswer({}, WITH_DAMAGE), [asked('compensation')], 'ok'],
    ['not asked', readyToAnswer({}, WITH_DAMAGE), [], 'approval_not_requested'],
    ['already approved', readyToAnswer({}, DAMAGE_APPROVED), [], 'approval_already_decided'],
  ])('refusing: %s', (_, state, open, expected) => {
    const outcome = checkApprovalRefusal(state, open, 'compensation');
    expect(outcome.ok ? 'ok' : outcome.reason).toBe(expected);
  });
});
