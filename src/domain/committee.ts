import {
  type ComplaintAccess,
  canDoOrganizationAction,
  canSeeComplaint,
  decideComplaintAction,
  type StaffActor,
} from './permissions.ts';
import { fail, hasText, type Outcome, succeed } from './result.ts';
import type { Approval } from './roles.ts';

// The regional complaints committee (regionale klachtencommissie) for complainants not satisfied (policy 1.3).
export const COMMITTEE_VERDICTS = {
  well_founded: 'Gegrond',
  partly_well_founded: 'Deels gegrond',
  unfounded: 'Ongegrond',
} as const;
export type CommitteeVerdict = keyof typeof COMMITTEE_VERDICTS;

export type CommitteeRuling = Readonly<{ at: Date; verdict: CommitteeVerdict; summary: string }>;
export type BoardDecision = Readonly<{ approval: Approval; adoptsAdvice: boolean; text: string }>;
export type CommitteeFollowUp = Readonly<{ at: Date; text: string }>;

export type CommitteeCase = Readonly<{
  referredAt: Date;
  reference: string | null;
  ruling: CommitteeRuling | null;
  boardDecision: BoardDecision | null;
  followUp: CommitteeFollowUp | null;
}>;

export type CommitteeStage = 'referred' | 'reference_recorded' | 'ruled' | 'board_decided' | 'followed_up';

export type CommitteeProblem =
  | 'committee_reference_required'
  | 'committee_reference_already_recorded'
  | 'committee_ruling_required'
  | 'committee_ruling_already_recorded'
  | 'committee_ruling_summary_required'
  | 'board_decision_requires_board'
  | 'board_decision_text_required'
  | 'board_decision_required'
  | 'board_decision_already_recorded'
  | 'follow_up_text_required'
  | 'follow_up_already_recorded';

type CaseOutcome = Outcome<{ committee: CommitteeCase }, CommitteeProblem>;

export function getCommitteeStage(c: CommitteeCase): CommitteeStage {
  if (c.followUp !== null) return 'followed_up';
  if (c.boardDecision !== null) return 'board_decided';
  if (c.ruling !== null) return 'ruled';
  return c.reference === null ? 'referred' : 'reference_recorded';
}

/** Referral of the complainant to the committee is recorded (policy 1.3). */
export function startCommitteeCase(referredAt: Date): CommitteeCase {
  return { referredAt, reference: null, ruling: null, boardDecision: null, followUp: null };
}

/** The committee's own case reference (policy 1.3). */
export function recordCommitteeReference(c: CommitteeCase, reference: string): CaseOutcome {
  if (c.reference !== null) return fail('committee_reference_already_recorded');
  if (!hasText(reference)) return fail('committee_reference_required');
  return succeed({ committee: { ...c, reference: reference.trim() } });
}

/** The committee's ruling (its advice to the board) needs the case reference first (policy 1.3). */
export function recordCommitteeRuling(c: CommitteeCase, ruling: CommitteeRuling): CaseOutcome {
  if (c.reference === null) return fail('committee_reference_required');
  if (c.ruling !== null) return fail('committee_ruling_already_recorded');
  if (!hasText(ruling.summary)) return fail('committee_ruling_summary_required');
  return succeed({ committee: { ...c, ruling } });
}

/** The board (directie) decides on the committee's advice (policy 1.3, 2.5 "directie"). */
export function recordBoardDecision(c: CommitteeCase, decision: BoardDecision): CaseOutcome {
  if (c.ruling === null) return fail('committee_ruling_required');
  if (c.boardDecision !== null) return fail('board_decision_already_recorded');
  if (decision.approval.role !== 'board') return fail('board_decision_requires_board');
  if (!hasText(decision.text)) return fail('board_decision_text_required');
  return succeed({ committee: { ...c, boardDecision: decision } });
}

/** What was done after the board's decision, so the complainant can be told (policy 1.3). */
export function recordCommitteeFollowUp(c: CommitteeCase, followUp: CommitteeFollowUp): CaseOutcome {
  if (c.boardDecision === null) return fail('board_decision_required');
  if (c.followUp !== null) return fail('follow_up_already_recorded');
  if (!hasText(followUp.text)) return fail('follow_up_text_required');
  return succeed({ committee: { ...c, followUp } });
}

export type CommitteePrecedent = Readonly<{ reference: string | null; stage: CommitteeStage }>;

/**
 * A committee case on the same matter, pending or decided: a later complaint on that matter falls under
 * ground 2.5 f ("eerder door de regionale klachtencommissie behandeld"). Latest referral wins.
 */
export function findCommitteePrecedent(
  cases: readonly { readonly matterId: string; readonly committee: CommitteeCase }[],
  matterId: string,
): CommitteePrecedent | null {
  const onMatter = cases
    .filter((c) => c.matterId === matterId)
    .sort((a, b) => b.committee.referredAt.getTime() - a.committee.referredAt.getTime());
  const latest = onMatter[0];
  if (latest === undefined) return null;
  return { reference: latest.committee.reference, stage: getCommitteeStage(latest.committee) };
}

/**
 * Who puts together a complaint's dossier for the committee (policy 1.3): whoever handles the complaint (its
 * handler or accountable manager), or those who read every report (MT, board, management assistants).
 */
export function mayExportCommitteeDossier(actor: StaffActor, complaint: ComplaintAccess): boolean {
  if (!canSeeComplaint(actor, complaint)) return false;
  if (canDoOrganizationAction(actor, 'reports.view_all')) return true;
  return decideComplaintAction(actor, 'complaint.handle', complaint).allowed;
}
