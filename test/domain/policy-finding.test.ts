import { describe, expect, test } from 'vitest';
import {
  type Assessment,
  decidePolicyFinding,
  isAwaitingManagerRoute,
  type PolicyFinding,
  putOnAgendaAtAnswer,
  referPolicyFinding,
} from '../../src/domain/index.ts';
import { approvalBy, KIND_A, KIND_B, NOW } from './fixtures.ts';

const b = (finding: PolicyFinding, extra: object = {}): Assessment => ({ ...KIND_B, finding, ...extra });
const DECISION = { approval: approvalBy('manager'), text: 'Uitzondering: de schutting mag blijven.' };
const ON_AGENDA = { managementTeamAgenda: { at: NOW, byUserId: 'manager-1' } };

describe('kind B findings reach the manager when the assessment is recorded (policy 2.4)', () => {
  test.each([
    { name: 'policy wrong', previous: null, next: b('policy_wrong'), effects: ['policy_wrong'] },
    { name: 'policy missing', previous: null, next: b('policy_missing'), effects: ['policy_missing'] },
    {
      name: 'policy wrong in this case',
      previous: null,
      next: b('policy_wrong_in_this_case'),
      effects: ['policy_wrong_in_this_case'],
    },
    {
      name: 'policy right: explained, not the manager’s',
      previous: null,
      next: b('policy_right'),
      effects: [],
    },
    { name: 'kind A', previous: null, next: KIND_A, effects: [] },
    { name: 'same finding again', previous: b('policy_wrong'), next: b('policy_wrong'), effects: [] },
    {
      name: 'a different finding is referred anew',
      previous: b('policy_wrong'),
      next: b('policy_missing'),
      effects: ['policy_missing'],
    },
    { name: 'from kind A to kind B', previous: KIND_A, next: b('policy_wrong'), effects: ['policy_wrong'] },
  ])('$name', ({ previous, next, effects }) => {
    const referred = referPolicyFinding(previous, next);
    expect(referred.map((e) => e.finding)).toEqual(effects);
    expect(referred.every((e) => e.type === 'refer_policy_finding_to_manager')).toBe(true);
  });
});

describe('the manager chooses: MT agenda or an exception (policy 2.4, 3.1)', () => {
  test.each([
    {
      name: 'wrong policy to the MT',
      a: b('policy_wrong'),
      choice: { route: 'management_team' },
      effects: ['put_on_management_team_agenda'],
    },
    {
      name: 'missing policy to the MT',
      a: b('policy_missing'),
      choice: { route: 'management_team' },
      effects: ['put_on_management_team_agenda'],
    },
    {
      name: 'exception with a text',
      a: b('policy_wrong_in_this_case'),
      choice: { route: 'exception', text: DECISION.text },
      effects: [],
    },
    {
      name: 'wrong in this case: after the MT the manager still decides the case',
      a: b('policy_wrong_in_this_case', ON_AGENDA),
      choice: { route: 'exception', text: DECISION.text },
      effects: [],
    },
  ] as const)('$name', ({ a, choice, effects }) => {
    const decided = decidePolicyFinding(a, choice, approvalBy('manager'));
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    expect(decided.effects.map((e) => e.type)).toEqual(effects);
    expect(isAwaitingManagerRoute(decided.assessment)).toBe(false);
  });

  test.each([
    {
      name: 'policy right',
      a: b('policy_right'),
      choice: { route: 'management_team' },
      reason: 'policy_finding_not_for_manager',
    },
    {
      name: 'no assessment',
      a: null,
      choice: { route: 'management_team' },
      reason: 'policy_finding_not_for_manager',
    },
    {
      name: 'kind A',
      a: KIND_A,
      choice: { route: 'management_team' },
      reason: 'policy_finding_not_for_manager',
    },
    {
      name: 'on the agenda twice',
      a: b('policy_wrong', ON_AGENDA),
      choice: { route: 'management_team' },
      reason: 'policy_finding_already_on_agenda',
    },
    {
      name: 'MT after an exception',
      a: b('policy_wrong', { managerDecision: DECISION }),
      choice: { route: 'management_team' },
      reason: 'policy_finding_already_decided',
    },
    {
      name: 'a second exception',
      a: b('policy_wrong_in_this_case', { managerDecision: DECISION }),
      choice: { route: 'exception', text: 'Nog een' },
      reason: 'policy_finding_already_decided',
    },
    {
      name: 'wrong policy already with the MT: no exception beside it',
      a: b('policy_wrong', ON_AGENDA),
      choice: { route: 'exception', text: 'x' },
      reason: 'policy_finding_already_decided',
    },
    {
      name: 'exception without a text',
      a: b('policy_wrong'),
      choice: { route: 'exception', text: '  ' },
      reason: 'manager_decision_required',
    },
  ] as const)('$name → $reason', ({ a, choice, reason }) => {
    expect(decidePolicyFinding(a, choice, approvalBy('manager'))).toEqual({ ok: false, reason });
  });

  test('only a manager decides', () => {
    expect(
      decidePolicyFinding(b('policy_wrong'), { route: 'management_team' }, approvalBy('employee')),
    ).toEqual({
      ok: false,
      reason: 'manager_decision_required',
    });
  });
});

describe('the answer puts a finding on the MT agenda only when nobody did yet (exactly once)', () => {
  test.each([
    { name: 'wrong policy, manager did nothing yet', a: b('policy_wrong'), effects: 1 },
    { name: 'missing policy, manager did nothing yet', a: b('policy_missing'), effects: 1 },
    { name: 'already on the agenda by the manager', a: b('policy_wrong', ON_AGENDA), effects: 0 },
    {
      name: 'manager decided an exception',
      a: b('policy_missing', { managerDecision: DECISION }),
      effects: 0,
    },
    {
      name: 'wrong in this case is decided, not an agenda item',
      a: b('policy_wrong_in_this_case'),
      effects: 0,
    },
    { name: 'policy right', a: b('policy_right'), effects: 0 },
    { name: 'kind A', a: KIND_A, effects: 0 },
  ])('$name', ({ a, effects }) => {
    const result = putOnAgendaAtAnswer(a, NOW);
    expect(result.effects).toHaveLength(effects);
    if (effects === 1) {
      expect(isAwaitingManagerRoute(result.assessment)).toBe(false);
      expect(putOnAgendaAtAnswer(result.assessment, NOW).effects).toEqual([]);
    }
  });
});
