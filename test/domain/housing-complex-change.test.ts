import { describe, expect, test } from 'vitest';
import { decideHousingComplexChange } from '../../src/domain/index.ts';

describe('changing the housing complex of a complaint (policy 2.2)', () => {
  test.each([
    [
      'a move to another complex',
      { currentComplexId: 'a', newComplexId: 'b', reason: 'Verkeerd adres' },
      true,
    ],
    [
      'a complex set afterwards',
      { currentComplexId: null, newComplexId: 'b', reason: 'Alsnog bekend' },
      true,
    ],
    [
      'a complex removed',
      { currentComplexId: 'a', newComplexId: null, reason: 'Gaat niet over een woning' },
      true,
    ],
  ])('%s is allowed, with the reason trimmed', (_, change, ok) => {
    const decision = decideHousingComplexChange({ ...change, reason: `  ${change.reason} ` });
    expect(decision).toEqual({
      ok,
      from: change.currentComplexId,
      to: change.newComplexId,
      reason: change.reason,
    });
  });

  test.each([
    [
      'no reason',
      { currentComplexId: 'a', newComplexId: 'b', reason: '' },
      'housing_complex_change_requires_reason',
    ],
    [
      'only spaces',
      { currentComplexId: 'a', newComplexId: 'b', reason: '   ' },
      'housing_complex_change_requires_reason',
    ],
    [
      'the same complex',
      { currentComplexId: 'a', newComplexId: 'a', reason: 'x' },
      'housing_complex_unchanged',
    ],
    ['still none', { currentComplexId: null, newComplexId: null, reason: 'x' }, 'housing_complex_unchanged'],
  ])('%s is refused', (_, change, reason) => {
    expect(decideHousingComplexChange(change)).toEqual({ ok: false, reason });
  });
});
