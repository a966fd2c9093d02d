import type { Assessment, Verdict } from './assessment.ts';
import type { Cents } from './money.ts';
import { isManagerApproval } from './roles.ts';

// Issue 22: what the officer writes is the middle of a letter. The salutation ("Beste …,") and the sign-off
// ("Met vriendelijke groet, …") belong to the message template around it (policy 2.3: one answer, sent as
// one letter); a text that brings its own gets them twice.

const SALUTATION = /^(beste|geachte|lieve|hallo|dear|hello|hi)\b[^\n]{0,80}?,\s*$/i;
const CLOSING =
  /^(met vriendelijke groet(en)?|vriendelijke groet(en)?|hoogachtend|kind regards|best regards|regards|yours sincerely|yours faithfully)[\s,.!]*$/i;

export type LetterFrame = Readonly<{ salutation: string | null; closing: string | null }>;

/**
 * The salutation (the first line, when it is one) and the sign-off (any line that is only a closing
 * formula) a text carries. Both null for a text that is only the middle of a letter.
 */
export function findLetterFrame(text: string): LetterFrame {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const first = lines[0] ?? '';
  return {
    salutation: SALUTATION.test(first) ? first : null,
    closing: lines.find((line) => CLOSING.test(line)) ?? null,
  };
}

/** How many salutations and sign-offs a whole letter has: exactly one of each is right. */
export function countLetterFrames(letter: string): { salutations: number; closings: number } {
  const lines = letter
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return {
    salutations: lines.filter((line) => SALUTATION.test(line)).length,
    closings: lines.filter((line) => CLOSING.test(line)).length,
  };
}

/** The verdict as a complainant reads it, in a sentence ("uw klacht is gegrond"). */
export const VERDICT_PHRASES: Record<'nl' | 'en', Record<Verdict, string>> = {
  nl: { upheld: 'gegrond', partly_upheld: 'deels gegrond', not_upheld: 'ongegrond' },
  en: { upheld: 'justified', partly_upheld: 'partly justified', not_upheld: 'not justified' },
};

/**
 * The compensation an answer may promise (policy 2.4): only an amount the manager approved. An amount
 * still waiting for approval is not filled in, so a letter never promises what was not agreed.
 */
export function approvedCompensation(assessment: Assessment | null): Cents | null {
  if (assessment?.kind !== 'policy_not_followed' || assessment.compensation === null) return null;
  return isManagerApproval(assessment.compensation.approval) ? assessment.compensation.amountCents : null;
}
