// The complainant's rating of the handling (the policy's title: "Klachten zijn welkom", satisfaction is
// measured) and what a low one sets in motion.

/** Scores run from 1 (very dissatisfied) to 5 (very satisfied), for the handling and for the outcome. */
export type SatisfactionScores = Readonly<{ handling: number; outcome: number }>;

/** A score this low, on either question, asks the accountable manager to follow up (policy 1.3, 2.3). */
export const SATISFACTION_FOLLOW_UP_AT_OR_BELOW = 2;

/**
 * policy 1.3, 2.3: the manager stays ultimately responsible; a complainant who is not satisfied with the
 * handling or with its outcome is followed up by them (and is told of the complaints committee).
 */
export function satisfactionNeedsFollowUp(scores: SatisfactionScores): boolean {
  return (
    scores.handling <= SATISFACTION_FOLLOW_UP_AT_OR_BELOW ||
    scores.outcome <= SATISFACTION_FOLLOW_UP_AT_OR_BELOW
  );
}
