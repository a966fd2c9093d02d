import { describe, expect, test } from 'vitest';
import {
  assessRequirements,
  countStatuses,
  PORTAL_ACCESSIBILITY_AUDIT,
  SELF_ASSESSMENT_REQUIREMENTS,
  type SelfAssessmentEvidence,
  summarizeSatisfactionFigures,
} from '../../src/domain/index.ts';

const base: SelfAssessmentEvidence = {
  terms: { answered: 20, onTimeOriginal: 19, onTimeExtended: 19, extended: 0 },
  committee: { configured: true, referred: 1, ruled: 1, rulings: [{ label: 'Ongegrond', count: 1 }] },
  publication: { portalOnline: true, committeeOnPortal: true },
  learning: { mtReviewsHeld: 4, actionsOpened: 2, actionsDone: 1 },
  satisfaction: summarizeSatisfactionFigures(
    [5, 4, 4, 3, 5].map((s) => ({
      requested: true,
      scores: { handling: s, outcome: s },
      toCommittee: false,
    })),
  ),
  accessibility: PORTAL_ACCESSIBILITY_AUDIT,
};
const status = (evidence: SelfAssessmentEvidence, id: string) =>
  assessRequirements(SELF_ASSESSMENT_REQUIREMENTS.requirements, evidence).find((r) => r.id === id)?.status;

describe('the self-assessment (decision 050)', () => {
  test('the requirements file: unique ids, every framework, a source and nl/en text for each', () => {
    const { requirements } = SELF_ASSESSMENT_REQUIREMENTS;
    expect(new Set(requirements.map((r) => r.id)).size).toBe(requirements.length);
    expect(new Set(requirements.map((r) => r.framework))).toEqual(
      new Set(['woningwet', 'model_regulation', 'uk_code_2024']),
    );
    for (const r of requirements) {
      expect(r.sourceUrl).toMatch(/^https:\/\//);
      expect(r.text.nl.length).toBeGreaterThan(20);
      expect(r.text.en.length).toBeGreaterThan(20);
    }
  });

  test('terms: 95 % on time is met, 80 % partly, less not met, nothing answered not measurable', () => {
    expect(status(base, 'UK-6-TIMESCALES')).toBe('met');
    const at = (onTime: number, answered = 20) => ({
      ...base,
      terms: { ...base.terms, answered, onTimeExtended: onTime },
    });
    expect(status(at(16), 'UK-6-TIMESCALES')).toBe('partly');
    expect(status(at(15), 'UK-6-TIMESCALES')).toBe('not_met');
    expect(status(at(0, 0), 'UK-6-TIMESCALES')).toBe('not_measurable');
  });

  test('learning, committee and satisfaction', () => {
    expect(status(base, 'UK-9-LEARNING')).toBe('met');
    expect(
      status({ ...base, learning: { mtReviewsHeld: 3, actionsOpened: 2, actionsDone: 0 } }, 'UK-9-LEARNING'),
    ).toBe('partly');
    expect(
      status({ ...base, learning: { mtReviewsHeld: 0, actionsOpened: 0, actionsDone: 0 } }, 'UK-9-LEARNING'),
    ).toBe('not_met');
    expect(status({ ...base, committee: { ...base.committee, configured: false } }, 'WW-55B-COMMITTEE')).toBe(
      'not_met',
    );
    expect(
      status({ ...base, committee: { ...base.committee, referred: 3, ruled: 1 } }, 'WW-55B-REGULATION'),
    ).toBe('partly');
    expect(status(base, 'UK-8-SELF-ASSESSMENT')).toBe('met');
    const four = summarizeSatisfactionFigures(
      [5, 4, 4, 3].map((s) => ({ requested: true, scores: { handling: s, outcome: s }, toCommittee: false })),
    );
    expect(status({ ...base, satisfaction: four }, 'UK-8-SELF-ASSESSMENT')).toBe('partly');
    expect(countStatuses(assessRequirements(SELF_ASSESSMENT_REQUIREMENTS.requirements, base))).toEqual({
      met: 7,
      partly: 2,
      not_met: 0,
      not_measurable: 0,
    });
  });
});
