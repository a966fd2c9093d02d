import {
  PORTAL_ACCESSIBILITY_AUDIT,
  type SelfAssessmentEvidence,
  summarizeSatisfactionFigures,
} from '../../src/domain/index.ts';

/** A year's evidence where every measurable requirement is met: the self-assessment's unit tests vary one part. */
export const baseEvidence: SelfAssessmentEvidence = {
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
  triage: { received: 20, takenIntoHandling: 18, outsideProcedure: 1, notAComplaint: 1, boardTrack: 0 },
  remedies: { answered: 20, upheld: 5, upheldWithRemedy: 5, compensationGranted: 2 },
  extensions: { answered: 20, extended: 2, explained: 2, onTimeAfterExtension: 2 },
  acknowledgement: {
    counted: 20,
    onTime: 20,
    lateAcknowledged: 0,
    notAcknowledged: 0,
    pending: 0,
    byPortal: 5,
    byMessage: 15,
    lateMedianWorkingDays: null,
  },
  boardDecisions: { ruled: 1, boardDecided: 1, adoptedAdvice: 1, followedUp: 1, decisionWorkingDays: [4] },
  adjustments: {
    complaints: 2,
    complainants: 2,
    emailedDespitePreference: 0,
    callBackAsked: 1,
    callBackMissed: 0,
    callBackOpen: 0,
  },
};
