import { NOT_A_COMPLAINT_KINDS } from './complaint-category.ts';
import type { OUTSIDE_PROCEDURE_GROUNDS } from './outside-procedure-grounds.ts';

type ReferTo =
  | (typeof NOT_A_COMPLAINT_KINDS)[keyof typeof NOT_A_COMPLAINT_KINDS]['referTo']
  | (typeof OUTSIDE_PROCEDURE_GROUNDS)[keyof typeof OUTSIDE_PROCEDURE_GROUNDS]['referTo'];

/** Where a signal that is not handled as a complaint is sent; 'none' (policy 2.5 g) refers nowhere. */
export type ReferralTarget = Exclude<ReferTo, 'none'>;

// policy 1.2 (own processes for reports) and 2.5 a–f (the referral named in the explanation)
export const REFERRAL_TARGETS: Readonly<Record<ReferralTarget, { label: string }>> = {
  repair_process: { label: 'Reparatieverzoeken' },
  nuisance_process: { label: 'Meldingen van overlast' },
  housing_fraud_process: { label: 'Meldingen van woonfraude' },
  customer_service: { label: 'Klantenservice' },
  other_process: { label: 'Ander proces' },
  dispute_body: { label: 'Rechter, huurcommissie of andere geschilleninstantie' },
  procedure_or_ruling: { label: 'Eerdere uitspraak' },
  objection_procedure: { label: 'Bezwaarprocedure huur en servicekosten' },
  legal_basis: { label: 'Wettelijke basis van het overheidsbesluit' },
  insurer: { label: 'Verzekeraar' },
  committee_ruling: { label: 'Uitspraak van de regionale klachtencommissie' },
};

/** policy 1.2: the own processes a signal that is not a complaint goes to, referred at once (not in an explanation). */
export const NOT_A_COMPLAINT_TARGETS: ReadonlySet<ReferralTarget> = new Set(
  Object.values(NOT_A_COMPLAINT_KINDS).map((kind) => kind.referTo),
);

export function isNotAComplaintTarget(to: string): boolean {
  return (NOT_A_COMPLAINT_TARGETS as ReadonlySet<string>).has(to);
}
