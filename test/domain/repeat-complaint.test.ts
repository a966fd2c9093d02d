import { describe, expect, test } from 'vitest';
import {
  classifyRepeat,
  countRepeatEventsPerEmployee,
  countRepeatsWithoutNewFacts,
  type EmployeeRepeatEvent,
  NO_EXTRA_REQUIREMENTS,
  type RepeatInput,
} from '../../src/domain/index.ts';
import { NOW } from './fixtures.ts';

function disagrees(
  newFacts: boolean,
  earlier: boolean[],
  lawyer: RepeatInput['lawyer'] = 'none',
): RepeatInput {
  return {
    earlierComplaintId: 'c-1',
    lawyer,
    kind: 'disagrees_with_decision',
    newFacts,
    earlierRepeats: earlier.map((f) => ({ newFacts: f })),
  };
}

const EMPLOYEE: RepeatInput = {
  earlierComplaintId: 'c-1',
  lawyer: 'none',
  kind: 'employee_response',
  cause: 'late',
  employeeId: 'emp-3',
  managerId: 'manager-7',
};

describe('the rungs of repeat complaints (policy 2.6)', () => {
  test.each([
    {
      name: 'new facts → assess again under 2.4',
      input: disagrees(true, []),
      rung: 'reassess',
      duty: true,
      req: {},
    },
    {
      name: 'new facts after two stand-bys start over',
      input: disagrees(true, [false, false]),
      rung: 'reassess',
      duty: true,
      req: {},
    },
    {
      name: 'no new facts → stand by the decision',
      input: disagrees(false, []),
      rung: 'stand_by',
      duty: true,
      req: { standByDecision: true },
    },
    {
      name: 'next repeat without new facts → "last response"',
      input: disagrees(false, [false]),
      rung: 'last_response',
      duty: true,
      req: { standByDecision: true, lastResponseStatement: true },
    },
    {
      name: 'later repeats → recorded without answer duty',
      input: disagrees(false, [false, false]),
      rung: 'record_only',
      duty: false,
      req: {},
    },
    {
      name: 'and again later',
      input: disagrees(false, [false, false, false, false]),
      rung: 'record_only',
      duty: false,
      req: {},
    },
    {
      name: 'new facts reset the ladder: stand by again',
      input: disagrees(false, [false, false, true]),
      rung: 'stand_by',
      duty: true,
      req: { standByDecision: true },
    },
  ] as const)('policy 2.6: $name', ({ input, rung, duty, req }) => {
    const result = classifyRepeat(input);
    expect(result.rung).toBe(rung);
    expect(result.answerDuty).toBe(duty);
    expect(result.requirements).toEqual({ ...NO_EXTRA_REQUIREMENTS, ...req });
    expect(result.earlierComplaintId).toBe('c-1');
    expect(result.effects).toEqual([]);
  });

  test('policy 2.6: the ladder counts only the trailing run without new facts', () => {
    expect(countRepeatsWithoutNewFacts([])).toBe(0);
    expect(countRepeatsWithoutNewFacts([{ newFacts: false }, { newFacts: true }, { newFacts: false }])).toBe(
      1,
    );
  });

  test.each(['written_by_lawyer', 'lawyer_threatened'] as const)(
    'policy 2.6: lawyer escalation (%s) → legal advice required and adopted in the answer',
    (lawyer) => {
      const result = classifyRepeat(disagrees(false, [], lawyer));
      expect(result.requirements.legalAdvice).toBe(true);
      expect(result.effects).toEqual([{ type: 'request_legal_advice' }]);
    },
  );

  test('policy 2.6: a lawyer escalation past the last response is still put to legal and answered', () => {
    const result = classifyRepeat(disagrees(false, [false, false], 'written_by_lawyer'));
    expect(result).toMatchObject({
      rung: 'record_only',
      answerDuty: true,
      requirements: { legalAdvice: true },
    });
  });

  test('policy 2.6: caused by an employee → manager decides the handler, must approve, owns the term, event counted', () => {
    expect(classifyRepeat(EMPLOYEE)).toEqual({
      earlierComplaintId: 'c-1',
      rung: 'manager_led',
      answerDuty: true,
      requirements: { ...NO_EXTRA_REQUIREMENTS, managerApproval: true, approvingManagerId: 'manager-7' },
      managingManagerId: 'manager-7',
      effects: [
        { type: 'consult_manager', managerId: 'manager-7' },
        { type: 'count_employee_repeat_event', employeeId: 'emp-3', cause: 'late' },
      ],
    });
  });

  test('policy 2.6: caused by an employee and escalated by a lawyer → both manager approval and legal advice', () => {
    const result = classifyRepeat({ ...EMPLOYEE, lawyer: 'lawyer_threatened' });
    expect(result.requirements).toMatchObject({ managerApproval: true, legalAdvice: true });
    expect(result.effects[0]).toEqual({ type: 'request_legal_advice' });
  });
});

describe('employee-caused repeats counted per employee, manager view only (policy 2.6)', () => {
  const event = (
    employeeId: string,
    managerId: string,
    cause: EmployeeRepeatEvent['cause'],
  ): EmployeeRepeatEvent => ({
    employeeId,
    managerId,
    cause,
    complaintId: `${employeeId}-${cause}`,
    at: NOW,
  });
  const EVENTS = [
    event('emp-3', 'manager-7', 'late'),
    event('emp-3', 'manager-7', 'poor_answer'),
    event('emp-4', 'manager-7', 'no_answer'),
    event('emp-9', 'manager-8', 'late'),
  ];

  test('policy 2.6: the manager sees counts for their own employees only', () => {
    expect(countRepeatEventsPerEmployee(EVENTS, { userId: 'manager-7', role: 'manager' })).toEqual({
      ok: true,
      counts: [
        { employeeId: 'emp-3', count: 2, causes: { late: 1, no_answer: 0, poor_answer: 1 } },
        { employeeId: 'emp-4', count: 1, causes: { late: 0, no_answer: 1, poor_answer: 0 } },
      ],
    });
  });

  test.each([
    'employee',
    'management_assistant',
    'management_team',
    'board',
    'admin',
    'legal',
    'complainant',
  ] as const)('policy 2.6: a %s cannot see the counts', (role) => {
    expect(countRepeatEventsPerEmployee(EVENTS, { userId: 'x', role })).toEqual({
      ok: false,
      reason: 'manager_only',
    });
  });
});
