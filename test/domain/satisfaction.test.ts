import { describe, expect, test } from 'vitest';
import {
  SATISFACTION_FOLLOW_UP_AT_OR_BELOW,
  type SatisfactionScores,
  satisfactionNeedsFollowUp,
} from '../../src/domain/index.ts';

describe('a low satisfaction score asks the manager to follow up (policy 1.3, 2.3)', () => {
  test.each<[SatisfactionScores, boolean]>([
    [{ handling: 1, outcome: 1 }, true],
    [{ handling: 2, outcome: 5 }, true],
    [{ handling: 5, outcome: 2 }, true],
    [{ handling: 3, outcome: 3 }, false],
    [{ handling: 3, outcome: 5 }, false],
    [{ handling: 5, outcome: 3 }, false],
    [{ handling: 5, outcome: 5 }, false],
  ])('%o → follow up: %s', (scores, expected) => {
    expect(satisfactionNeedsFollowUp(scores)).toBe(expected);
  });

  test('the threshold is the one the portal shows "not satisfied" at: 2 on a scale of 1 to 5', () => {
    expect(SATISFACTION_FOLLOW_UP_AT_OR_BELOW).toBe(2);
  });
});
