import { describe, expect, test } from 'vitest';
import {
  assessRequirements,
  countStatuses,
  SELF_ASSESSMENT_REQUIREMENTS,
  type SelfAssessmentEvidence,
  summarizeSatisfactionFigures,
} from '../../src/domain/index.ts';
import { baseEvidence } from './self-assessment-fixture.ts';

const base = baseEvidence;
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
      met: 20,
      partly: 2,
      not_met: 0,
      not_measurable: 8,
    });
  });

  test('version 2026.2: every framework has several requirements; "none" ones say what is missing', () => {
    const { version, requirements } = SELF_ASSESSMENT_REQUIREMENTS;
    expect(version).toBe('2026.2');
    expect(requirements.length).toBeGreaterThanOrEqual(30);
    for (const framework of ['woningwet', 'model_regulation', 'uk_code_2024'])
      expect(requirements.filter((r) => r.framework === framework).length).toBeGreaterThanOrEqual(3);
    for (const r of requirements) {
      const assessed = assessRequirements([r], base)[0];
      expect(assessed).not.toHaveProperty('notMeasurable');
      if (r.evidence !== 'none') continue;
      expect(r.notMeasurable?.nl.length).toBeGreaterThan(20);
      expect(assessed?.status).toBe('not_measurable');
      expect(assessed?.missing).toEqual(r.notMeasurable);
    }
  });

  test('triage: at most 10 % refused is met, more is partly, nothing received not measurable', () => {
    const at = (outsideProcedure: number, notAComplaint: number, received = 20) => ({
      ...base,
      triage: { ...base.triage, received, outsideProcedure, notAComplaint },
    });
    expect(status(at(1, 1), 'UK-2-EXCLUSIONS')).toBe('met');
    expect(status(at(2, 1), 'UK-2-EXCLUSIONS')).toBe('partly');
    expect(status(at(20, 0), 'MR-WHO-MAY-COMPLAIN')).toBe('partly');
    expect(status(at(0, 0, 0), 'UK-1-DEFINITION')).toBe('not_measurable');
    const refused = assessRequirements(SELF_ASSESSMENT_REQUIREMENTS.requirements, at(2, 1)).find(
      (r) => r.id === 'UK-2-EXCLUSIONS',
    );
    expect(refused?.missing?.en).toBe(
      '3 of 20 complaints refused (more than 10%): show that the grounds were fair.',
    );
  });

  test('remedies: every upheld complaint with a remedy is met, some partly, none not met', () => {
    const at = (upheld: number, upheldWithRemedy: number) => ({
      ...base,
      remedies: { ...base.remedies, upheld, upheldWithRemedy },
    });
    expect(status(at(5, 5), 'UK-7-PUTTING-RIGHT')).toBe('met');
    expect(status(at(5, 3), 'UK-7-PUTTING-RIGHT')).toBe('partly');
    expect(status(at(5, 0), 'UK-5-REMEDY-IN-ANSWER')).toBe('not_met');
    expect(status(at(0, 0), 'UK-7-PUTTING-RIGHT')).toBe('not_measurable');
  });

  test('extensions: explained and kept is met, late after it partly, unexplained not met, none not measurable', () => {
    const at = (extended: number, explained: number, onTimeAfterExtension: number) => ({
      ...base,
      extensions: { answered: 20, extended, explained, onTimeAfterExtension },
    });
    expect(status(at(2, 2, 2), 'UK-6-EXTENSION')).toBe('met');
    expect(status(at(2, 2, 1), 'UK-6-EXTENSION')).toBe('partly');
    expect(status(at(2, 1, 2), 'UK-6-EXTENSION')).toBe('not_met');
    expect(status(at(0, 0, 0), 'UK-6-EXTENSION')).toBe('not_measurable');
    const late = assessRequirements(SELF_ASSESSMENT_REQUIREMENTS.requirements, at(3, 2, 2)).find(
      (r) => r.id === 'UK-6-EXTENSION',
    );
    expect(late?.missing?.nl).toBe(
      '1 verlengingen zonder reden of bericht aan de klager. 1 klachten ook na verlenging te laat beantwoord.',
    );
  });
});
