import type { CommitteePrecedent } from './committee.ts';
import {
  type ComplaintCategory,
  type ComplaintSubject,
  NOT_A_COMPLAINT_KINDS,
  type NotAComplaintKind,
} from './complaint-category.ts';
import { OUTSIDE_PROCEDURE_GROUNDS, type OutsideProcedureGround } from './outside-procedure-grounds.ts';
import { fail, hasText, type Outcome, succeed } from './result.ts';

type TriageFlags = {
  /** policy 2.5: "ernstig vermoeden tot strafbaar feit" → the board is informed at once. */
  readonly suspectedCriminalOffence: boolean;
  /** The complainant says staff (or a party working for us) discriminated against them. */
  readonly allegesDiscriminationByStaff: boolean;
};

export type TriageInput = TriageFlags &
  (
    | {
        readonly outcome: 'complaint';
        readonly category: ComplaintCategory | null;
        readonly subject: ComplaintSubject | null;
      }
    | { readonly outcome: 'not_a_complaint'; readonly kind: NotAComplaintKind; readonly note: string | null }
    | {
        readonly outcome: 'outside_procedure';
        readonly ground: OutsideProcedureGround;
        readonly referralDetail: string | null;
      }
  );

export type Referral = Readonly<{ to: string; detail: string | null }>;

export type TriageDecision = Readonly<{ boardMustBeInformed: boolean }> &
  (
    | {
        readonly outcome: 'complaint';
        readonly category: ComplaintCategory;
        readonly subject: ComplaintSubject;
        readonly answerDuty: 'answer';
      }
    | {
        readonly outcome: 'not_a_complaint';
        readonly kind: NotAComplaintKind;
        readonly referral: Referral;
        readonly answerDuty: 'none';
      }
    | {
        readonly outcome: 'outside_procedure';
        readonly ground: OutsideProcedureGround;
        readonly referral: Referral;
        readonly answerDuty: 'explanation_within_term';
      }
  );

export type TriageProblem =
  | 'category_required'
  | 'subject_required'
  | 'discrimination_by_staff_is_category_4'
  | 'matter_already_handled_by_committee'
  | 'referral_detail_required'
  | 'note_required_for_other';

/** Decide what an incoming signal is (policy 1.2, 2.5); the result is stored and drives the lifecycle. */
export function decideTriage(
  input: TriageInput,
  precedent: CommitteePrecedent | null,
): Outcome<{ decision: TriageDecision }, TriageProblem> {
  const boardMustBeInformed = input.suspectedCriminalOffence; // policy 2.5: board informed whatever the outcome
  if (input.outcome === 'complaint') {
    if (input.category === null) return fail('category_required'); // policy 1.2: every complaint has a category
    if (input.subject === null) return fail('subject_required'); // policy 1.2: own staff, department or third party
    // policy 1.2: discrimination by staff is "onjuist behandeld" — category 4
    if (input.allegesDiscriminationByStaff && input.category !== 'treated_wrongly') {
      return fail('discrimination_by_staff_is_category_4');
    }
    // policy 2.5 f: a matter the regional committee has (had) is not taken into handling again
    if (precedent !== null) return fail('matter_already_handled_by_committee');
    const { category, subject } = input;
    return succeed({
      decision: { outcome: 'complaint', category, subject, answerDuty: 'answer', boardMustBeInformed },
    });
  }
  // policy 1.2: an allegation of discrimination by staff is always a complaint in its own right
  if (input.allegesDiscriminationByStaff) return fail('discrimination_by_staff_is_category_4');
  if (input.outcome === 'not_a_complaint') {
    // policy 1.2: repair, nuisance and fraud reports go to their own process; the referral is recorded
    if (input.kind === 'other' && !hasText(input.note)) return fail('note_required_for_other');
    const referral = { to: NOT_A_COMPLAINT_KINDS[input.kind].referTo, detail: input.note?.trim() || null };
    return succeed({
      decision: {
        outcome: 'not_a_complaint',
        kind: input.kind,
        referral,
        answerDuty: 'none',
        boardMustBeInformed,
      },
    });
  }
  const ground = OUTSIDE_PROCEDURE_GROUNDS[input.ground];
  // policy 2.5 f: the committee's reference is the referral when we know it
  const fallback = input.ground === 'handled_by_committee' ? (precedent?.reference ?? null) : null;
  const detail = hasText(input.referralDetail) ? input.referralDetail.trim() : fallback;
  // policy 2.5: each ground refers somewhere concrete (body, ruling, legal basis, insurer, committee ruling)
  if (ground.detailRequired && detail === null) return fail('referral_detail_required');
  return succeed({
    decision: {
      outcome: 'outside_procedure',
      ground: input.ground,
      referral: { to: ground.referTo, detail },
      answerDuty: 'explanation_within_term', // policy 2.5: "binnen de afgesproken termijn uitleggen"
      boardMustBeInformed,
    },
  });
}
