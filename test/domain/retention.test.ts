import { describe, expect, test } from 'vitest';
import {
  addYears,
  DEFAULT_RETENTION_POLICY,
  decideErasure,
  decideRetention,
  type LegalHold,
  type RetentionFacts,
} from '../../src/domain/retention.ts';

const closed = (closedOn: string, extra: Partial<RetentionFacts> = {}): RetentionFacts => ({
  closedOn,
  anonymised: false,
  committeeCaseOpen: false,
  compensationUnpaid: false,
  holds: [],
  ...extra,
});

const hold = (placedOn: string, liftedOn: string | null): LegalHold => ({
  kind: 'huurcommissie',
  reason: 'Zaak bij de Huurcommissie',
  placedOn,
  liftedOn,
  derived: false,
});

const policy = DEFAULT_RETENTION_POLICY;

describe('retention (AVG storage limitation)', () => {
  test('kept through the day before the anniversary, anonymised on it', () => {
    expect(decideRetention(closed('2024-03-04'), policy, '2026-03-03')).toEqual({
      kind: 'keep',
      anonymiseOn: '2026-03-04',
    });
    expect(decideRetention(closed('2024-03-04'), policy, '2026-03-04')).toEqual({
      kind: 'anonymise',
      because: 'term_expired',
    });
  });

  test('29 February moves to 1 March, never earlier', () => {
    expect(addYears('2024-02-29', 2)).toBe('2026-03-01');
    expect(decideRetention(closed('2024-02-29'), policy, '2026-02-28').kind).toBe('keep');
    expect(decideRetention(closed('2024-02-29'), policy, '2026-03-01').kind).toBe('anonymise');
  });

  test('open and already anonymised complaints are left alone', () => {
    expect(decideRetention(closed('2020-01-01', { anonymised: true }), policy, '2026-01-01')).toEqual({
      kind: 'already_anonymised',
    });
    expect(decideRetention({ ...closed('2020-01-01'), closedOn: null }, policy, '2026-01-01')).toEqual({
      kind: 'open',
    });
  });

  test('an active hold keeps the data, up to the maximum after closing', () => {
    const facts = closed('2024-01-10', { holds: [hold('2025-12-01', null)] });
    const held = decideRetention(facts, policy, '2026-06-01');
    expect(held).toMatchObject({ kind: 'held', anonymiseOnAtLatest: '2029-01-10' });
    expect(decideRetention(facts, policy, '2029-01-09').kind).toBe('held');
    expect(decideRetention(facts, policy, '2029-01-10')).toEqual({
      kind: 'anonymise',
      because: 'hold_maximum_reached',
    });
  });

  test('a lifted hold stopped the clock for as many days as it lasted', () => {
    // 2025-12-01 → 2026-06-01 is 182 days: 2026-01-10 + 182 days = 2026-07-11
    const facts = closed('2024-01-10', { holds: [hold('2025-12-01', '2026-06-01')] });
    expect(decideRetention(facts, policy, '2026-07-10')).toEqual({ kind: 'keep', anonymiseOn: '2026-07-11' });
    expect(decideRetention(facts, policy, '2026-07-11').kind).toBe('anonymise');
  });

  test('holds the data shows: an open committee case, unpaid compensation', () => {
    const committee = decideRetention(
      closed('2023-01-01', { committeeCaseOpen: true }),
      policy,
      '2026-01-01',
    );
    expect(committee).toMatchObject({ kind: 'held', holds: [{ kind: 'committee', derived: true }] });
    const compensation = decideRetention(
      closed('2023-01-01', { compensationUnpaid: true }),
      policy,
      '2026-01-01',
    );
    expect(compensation).toMatchObject({ kind: 'held', holds: [{ kind: 'compensation', derived: true }] });
  });

  test('erasure on request waits for an open complaint and yields to a hold, otherwise is allowed at once', () => {
    expect(decideErasure({ ...closed('2026-01-01'), closedOn: null }, policy, '2026-02-01')).toEqual({
      allowed: false,
      reason: 'open',
      holds: [],
    });
    expect(
      decideErasure(closed('2026-01-01', { holds: [hold('2026-01-05', null)] }), policy, '2026-02-01'),
    ).toMatchObject({
      allowed: false,
      reason: 'held',
      holds: [{ kind: 'huurcommissie' }],
    });
    expect(decideErasure(closed('2026-01-01'), policy, '2026-02-01')).toEqual({ allowed: true });
  });
});
