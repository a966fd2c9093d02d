// The seven grounds of policy 2.5 (a–g): not handled on substance, but explained within the term.
export const OUTSIDE_PROCEDURE_GROUNDS = {
  pending_at_dispute_body: {
    letter: 'a',
    referTo: 'dispute_body',
    detailRequired: true,
    label: 'De zaak ligt bij een rechter, huurcommissie, arbiter, mediator of andere geschilleninstantie',
    explanation:
      'Uw klacht gaat over een zaak die al bij {detail} ligt. Wij wachten de uitkomst van die procedure af.',
  },
  decided_by_dispute_body: {
    letter: 'b',
    referTo: 'procedure_or_ruling',
    detailRequired: true,
    label: 'Een van deze instanties heeft al een uitspraak gedaan',
    explanation: 'Over deze zaak is al een uitspraak gedaan ({detail}). Wij verwijzen u naar die uitspraak.',
  },
  rent_or_service_costs: {
    letter: 'c',
    referTo: 'objection_procedure',
    detailRequired: false,
    label: 'Huurverhoging, huurprijs of servicekosten',
    explanation: 'Voor de huurverhoging, de huurprijs of de servicekosten is er een aparte bezwaarprocedure.',
  },
  government_decision: {
    letter: 'd',
    referTo: 'legal_basis',
    detailRequired: true,
    label: 'Handhaving of uitvoering van een besluit van de overheid',
    explanation: 'Dit is een besluit van de overheid. De wettelijke basis is: {detail}.',
  },
  insurer_claim: {
    letter: 'e',
    referTo: 'insurer',
    detailRequired: true,
    label: 'Schadeclaim die een verzekeraar behandelt',
    explanation: 'Uw schadeclaim wordt behandeld door de verzekeraar ({detail}). Wij verwijzen u naar hen.',
  },
  handled_by_committee: {
    letter: 'f',
    referTo: 'committee_ruling',
    detailRequired: true,
    label: 'Eerder behandeld door de regionale klachtencommissie',
    explanation:
      'De regionale klachtencommissie heeft deze klacht al behandeld ({detail}). Wij verwijzen u naar haar uitspraak.',
  },
  discriminatory_content: {
    letter: 'g',
    referTo: 'none',
    detailRequired: false,
    label: 'De klacht zelf is discriminerend van aard',
    // policy 2.5 g is about the complaint's own content; discrimination *by* staff is category 4 (policy 1.2)
    hint: 'Alleen als de klacht zelf discriminerend is. Gaat de klacht óver discriminatie door een medewerker? Dan is het een klacht in categorie 4.',
    explanation: 'Wij nemen uw klacht niet in behandeling, omdat de klacht discriminerend van aard is.',
  },
} as const;
export type OutsideProcedureGround = keyof typeof OUTSIDE_PROCEDURE_GROUNDS;

/** The explanation owed to the complainant, naming the ground and its referral (policy 2.5). */
export function composeOutsideProcedureExplanation(
  ground: OutsideProcedureGround,
  detail: string | null,
): string {
  return OUTSIDE_PROCEDURE_GROUNDS[ground].explanation.replace('{detail}', detail ?? '');
}
