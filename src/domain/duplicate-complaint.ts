import { toLocalDate } from './business-time.ts';
import type { ComplaintStatus } from './complaint-state.ts';
import { toEpochDay } from './local-date.ts';
import { fail, type Outcome, succeed } from './result.ts';
import { ENDED_STATUSES, isStatusIn, MERGEABLE_STATUSES } from './status-sets.ts';

// Issue 22 (decision 035): a duplicate is the same complaint received twice — the same complainant, about the same
// thing, within days (a letter and a phone call, a form sent twice). It is merged into the other one and is not
// handled or counted on its own. A repeat complaint (repeat-complaint.ts, policy 2.6) is a new complaint about an
// earlier one's decision or handling: it is handled and counted. The two rules never share a case: a duplicate
// is found among complaints received close together, before either has been answered.

/** Calendar days between the two receipts within which a complaint can be the same one received twice. */
export const DUPLICATE_WINDOW_DAYS = 14;
/** Share of the shorter text's significant words found in the other text (0–1). */
export const DUPLICATE_MIN_SIMILARITY = 0.5;

/** Short Dutch and English words that say nothing about what the complaint is about. */
const STOP_WORDS = new Set(
  'aan als bij dat de den der des deze die dit door een en er het hij hem haar heb heeft hun ik in is je jij '
    .concat(
      'maar me met mij mijn na naar niet nog nu of om ons ook op over te tot u uw van voor was wat we wel ',
    )
    .concat(
      'werd wij worden zal ze zij zijn zo and are for from has have her his not our that the their this ',
    )
    .concat('was were will with you your')
    .split(' '),
);

/** The significant words of a text: lower case, without accents, at least three letters, no stop words. */
export function significantWords(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
  return new Set(words);
}

/** How much two texts share: the share of the shorter one's significant words that the other has (0–1). */
export function textSimilarity(a: string, b: string): number {
  const left = significantWords(a);
  const right = significantWords(b);
  const smaller = left.size <= right.size ? left : right;
  const larger = smaller === left ? right : left;
  if (smaller.size === 0) return 0;
  let shared = 0;
  for (const word of smaller) if (larger.has(word)) shared += 1;
  return shared / smaller.size;
}

export type DuplicateCandidate = Readonly<{
  id: string;
  complainantId: string | null;
  receivedAt: Date;
  description: string;
  status: ComplaintStatus;
}>;

/** The complaint being registered or looked at; `id` is null while it is not registered yet. */
export type DuplicateSubject = Readonly<{
  id: string | null;
  complainantId: string | null;
  receivedAt: Date;
  description: string;
}>;

export type LikelyDuplicate = Readonly<{ id: string; similarity: number; daysApart: number }>;

/** Days between the two receipts' local (Amsterdam) calendar days. */
function daysApart(a: Date, b: Date): number {
  return Math.abs(toEpochDay(toLocalDate(a)) - toEpochDay(toLocalDate(b)));
}

/**
 * Is `other` likely the same complaint as `subject`, received twice? Same complainant, received within
 * DUPLICATE_WINDOW_DAYS of each other, similar text, and `other` not already merged or ended.
 */
export function assessDuplicate(
  subject: DuplicateSubject,
  other: DuplicateCandidate,
): LikelyDuplicate | null {
  if (other.id === subject.id) return null;
  if (subject.complainantId === null || other.complainantId !== subject.complainantId) return null;
  if (isStatusIn(ENDED_STATUSES, other.status)) return null;
  const apart = daysApart(subject.receivedAt, other.receivedAt);
  if (apart > DUPLICATE_WINDOW_DAYS) return null;
  const similarity = textSimilarity(subject.description, other.description);
  if (similarity < DUPLICATE_MIN_SIMILARITY) return null;
  return { id: other.id, similarity, daysApart: apart };
}

/** The likely duplicates among `candidates`, most similar first, then closest in time. */
export function findLikelyDuplicates(
  subject: DuplicateSubject,
  candidates: readonly DuplicateCandidate[],
): LikelyDuplicate[] {
  return candidates
    .map((candidate) => assessDuplicate(subject, candidate))
    .filter((found): found is LikelyDuplicate => found !== null)
    .sort((a, b) => b.similarity - a.similarity || a.daysApart - b.daysApart);
}

export type MergeSide = Readonly<{
  id: string;
  status: ComplaintStatus;
  mergedIntoId: string | null;
  complainantId: string | null;
}>;

export type MergeRefusal =
  | 'merge_into_itself'
  | 'already_merged'
  | 'merge_target_merged'
  | 'merge_not_possible_in_status'
  | 'merge_target_ended'
  | 'merge_other_complainant';

/**
 * May `duplicate` (B) be merged into `survivor` (A)? B must still be at its start (new or in handling, nothing
 * answered), A must not have ended or been merged itself, and both must be the same complainant's. `repeat` is
 * true when B is already merged into A: the same request again changes nothing.
 */
export function decideMerge(
  duplicate: MergeSide,
  survivor: MergeSide,
): Outcome<{ repeat: boolean }, MergeRefusal> {
  if (duplicate.id === survivor.id) return fail('merge_into_itself');
  if (duplicate.mergedIntoId !== null)
    return duplicate.mergedIntoId === survivor.id ? succeed({ repeat: true }) : fail('already_merged');
  if (survivor.mergedIntoId !== null) return fail('merge_target_merged');
  if (!isStatusIn(MERGEABLE_STATUSES, duplicate.status)) return fail('merge_not_possible_in_status');
  if (isStatusIn(ENDED_STATUSES, survivor.status)) return fail('merge_target_ended');
  if (duplicate.complainantId === null || duplicate.complainantId !== survivor.complainantId)
    return fail('merge_other_complainant');
  return succeed({ repeat: false });
}
