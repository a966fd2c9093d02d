import { describe, expect, test } from 'vitest';
import {
  type Assessment,
  checkAssessment,
  formatEuroCents,
  isCompensationSettled,
  type PolicyFinding,
  parseEuroAmount,
} from '../../src/domain/index.ts';
import { approvalBy, KIND_A, KIND_B, NOW } from './fixtures.ts';

const DAMAGE = {
  ...KIND_A,
  demonstrableDamage: true,
  compensation: { amountCents: 12_550, approval: approvalBy('manager'), paidAt: null },
} as const;

describe('kind A: policy or procedure not followed (policy 2.4)', () => {
  test.each([
    { name: 'apology and admission, no damage', a: KIND_A, expected: { ok: true, effects: [] } },
    {
      name: 'partly upheld is fine',
      a: { ...KIND_A, verdict: 'partly_upheld' },
      expected: { ok: true, effects: [] },
    },
    { name: 'damage compensated, approved', a: DAMAGE, expected: { ok: true, effects: [] } },
    {
      name: 'no apology',
      a: { ...KIND_A, apologyOffered: false },
      expected: { ok: false, reason: 'apology_required' },
    },
    {
      name: 'no admission',
      a: { ...KIND_A, errorAdmitted: false },
      expected: { ok: false, reason: 'error_admission_required' },
    },
    {
      name: 'an admitted error cannot be "not upheld"',
      a: { ...KIND_A, verdict: 'not_upheld' },
      expected: { ok: false, reason: 'verdict_conflicts_with_error' },
    },
    {
      name: 'demonstrable damage without compensation',
      a: { ...DAMAGE, compensation: null },
      expected: { ok: false, reason: 'compensation_required_for_damage' },
    },
    {
      name: 'compensation without demonstrable damage',
      a: { ...DAMAGE, demonstrableDamage: false },
      expected: { ok: false, reason: 'compensation_requires_demonstrable_damage' },
    },
    {
      name: 'compensation not in whole cents',
      a: { ...DAMAGE, compensation: { ...DAMAGE.compensation, amountCents: 12.5 } },
      expected: { ok: false, reason: 'compensation_amount_invalid' },
    },
    {
      name: 'compensation of zero',
      a: { ...DAMAGE, compensation: { ...DAMAGE.compensation, amountCents: 0 } },
      expected: { ok: false, reason: 'compensation_amount_invalid' },
    },
    {
      name: 'compensation not approved',
      a: { ...DAMAGE, compensation: { ...DAMAGE.compensation, approval: null } },
      expected: { ok: false, reason: 'compensation_requires_approval' },
    },
    {
      name: 'compensation approved by a non-manager',
      a: { ...DAMAGE, compensation: { ...DAMAGE.compensation, approval: approvalBy('employee') } },
      expected: { ok: false, reason: 'compensation_requires_approval' },
    },
  ])('policy 2.4 kind A: $name', ({ a, expected }) => {
    expect(checkAssessment(a as Assessment)).toEqual(expected);
  });

  test('policy 2.4: approved compensation must be paid before closing', () => {
    expect(isCompensationSettled(DAMAGE)).toBe(false);
    expect(isCompensationSettled({ ...DAMAGE, compensation: { ...DAMAGE.compensation, paidAt: NOW } })).toBe(
      true,
    );
    expect(isCompensationSettled(KIND_A)).toBe(true);
    expect(isCompensationSettled(null)).toBe(true);
  });
});

describe('kind B: complainant disagrees with the policy (policy 2.4)', () => {
  const decided = { approval: approvalBy('manager'), text: 'In dit geval vergoeden we de kosten.' };
  test.each([
    { finding: 'policy_right', extra: {}, expected: { ok: true, effects: [] } },
    {
      finding: 'policy_wrong',
      extra: {},
      expected: { ok: true, effects: [{ type: 'put_on_management_team_agenda', finding: 'policy_wrong' }] },
    },
    {
      finding: 'policy_wrong_in_this_case',
      extra: { managerDecision: decided },
      expected: { ok: true, effects: [] },
    },
    {
      finding: 'policy_missing',
      extra: {},
      expected: { ok: true, effects: [{ type: 'put_on_management_team_agenda', finding: 'policy_missing' }] },
    },
  ] as const)('policy 2.4 kind B: $finding', ({ finding, extra, expected }) => {
    expect(checkAssessment({ ...KIND_B, finding: finding as PolicyFinding, ...extra })).toEqual(expected);
  });

  test.each([
    {
      name: 'not discussed with colleagues',
      a: { ...KIND_B, discussedWithColleagues: false },
      reason: 'colleague_discussion_required',
    },
    {
      name: 'policy right but not explained',
      a: { ...KIND_B, explanation: '  ' },
      reason: 'explanation_required',
    },
    {
      name: 'wrong in this case without a manager decision',
      a: { ...KIND_B, finding: 'policy_wrong_in_this_case' },
      reason: 'manager_decision_required',
    },
    {
      name: 'wrong in this case decided by a non-manager',
      a: {
        ...KIND_B,
        finding: 'policy_wrong_in_this_case',
        managerDecision: { ...decided, approval: approvalBy('employee') },
      },
      reason: 'manager_decision_required',
    },
    {
      name: 'wrong in this case with an empty decision',
      a: { ...KIND_B, finding: 'policy_wrong_in_this_case', managerDecision: { ...decided, text: '' } },
      reason: 'manager_decision_required',
    },
  ] as const)('policy 2.4 kind B: $name → $reason', ({ a, reason }) => {
    expect(checkAssessment(a as Assessment)).toEqual({ ok: false, reason });
  });

  test.each(['upheld', 'partly_upheld', 'not_upheld'] as const)(
    'policy 2.4: kind B allows verdict %s',
    (verdict) => {
      expect(checkAssessment({ ...KIND_B, verdict }).ok).toBe(true);
    },
  );
});

describe('compensation in integer cents (policy 2.4)', () => {
  test.each([
    { text: '12', cents: 1200 },
    { text: '12,5', cents: 1250 },
    { text: '12,50', cents: 1250 },
    { text: '12.05', cents: 1205 },
    { text: '€ 0,99', cents: 99 },
  ])('policy 2.4: "$text" is $cents cents', ({ text, cents }) => {
    expect(parseEuroAmount(text)).toEqual({ ok: true, cents });
  });

  test.each(['', '12,505', '-3', '1.250,00', 'twaalf'])('policy 2.4: "%s" is not an amount', (text) => {
    expect(parseEuroAmount(text)).toEqual({ ok: false, reason: 'amount_invalid' });
  });

  test('policy 2.4: amounts are shown in Dutch notation', () => {
    expect(formatEuroCents(123_450).replace(/\s/g, ' ')).toBe('€ 1.234,50');
  });
});
