import { getEndOfLocalDay, toLocalDate } from './business-time.ts';
import { isLocalDate, type LocalDate } from './local-date.ts';
import {
  type ComplaintAccess,
  canSeeComplaint,
  decideComplaintAction,
  type StaffActor,
} from './permissions.ts';
import { fail, type Outcome, succeed } from './result.ts';

// The explanation outside the procedure (policy 2.5) for a complainant we cannot e-mail: a letter to post.

export type ExplanationDelivery = 'email' | 'post';

/** A letter prepared for the post and, once somebody posted it, the day it went out. */
export type ExplanationLetter = Readonly<{ preparedAt: Date; postedOn: LocalDate | null }>;

export type LetterPostedProblem =
  | 'letter_not_prepared'
  | 'letter_already_posted'
  | 'letter_posted_date_invalid'
  | 'letter_posted_in_future'
  | 'letter_posted_before_prepared';

/**
 * policy 2.5 + 2.1 ("digitaal waar mogelijk"): the explanation goes by e-mail when we have an address for the
 * complainant (or their representative), otherwise by post. A letter is only prepared by the system; it has
 * not reached the complainant until somebody posts it.
 */
export function chooseExplanationDelivery(hasEmailAddress: boolean): ExplanationDelivery {
  return hasEmailAddress ? 'email' : 'post';
}

/**
 * The instant a posted explanation counts as given (policy 2.5 "binnen de termijn"): the end of the posting
 * day, or now when that is earlier (posted today). So it is on time exactly when posted on or before the due
 * day; "prepared" alone counts for nothing.
 */
export function postedExplanationInstant(postedOn: LocalDate, now: Date): Date {
  const end = getEndOfLocalDay(postedOn);
  return end.getTime() < now.getTime() ? end : now;
}

/** Is this a posting date we can record for this letter? Not in the future, not before it was prepared. */
export function checkLetterPosted(
  letter: ExplanationLetter | null,
  postedOn: LocalDate,
  now: Date,
): Outcome<{ letter: ExplanationLetter; answeredAt: Date }, LetterPostedProblem> {
  if (letter === null) return fail('letter_not_prepared');
  if (letter.postedOn !== null) return fail('letter_already_posted');
  if (!isLocalDate(postedOn)) return fail('letter_posted_date_invalid');
  if (postedOn > toLocalDate(now)) return fail('letter_posted_in_future');
  if (postedOn < toLocalDate(letter.preparedAt)) return fail('letter_posted_before_prepared');
  return succeed({ letter: { ...letter, postedOn }, answeredAt: postedExplanationInstant(postedOn, now) });
}

/**
 * Who marks a letter as posted (policy 2.3: the management assistant keeps the registration complete):
 * a management assistant who may see the complaint, or whoever may handle it.
 */
export function mayMarkLetterPosted(actor: StaffActor, complaint: ComplaintAccess): boolean {
  if (!canSeeComplaint(actor, complaint)) return false;
  if (actor.roles.includes('management_assistant')) return true;
  return decideComplaintAction(actor, 'complaint.handle', complaint).allowed;
}
