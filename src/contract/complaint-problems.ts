import type { TransitionProblem } from '../domain/index.ts';

type Entry = { status: number; nl: string; en: string };
const refused = (nl: string, en: string) => ({ status: 422, nl, en }) as const;

/** Every reason the domain core can refuse a step on a complaint, as API error codes (409/422). */
export const complaintProblemCatalog = {
  transition_not_allowed: {
    status: 409,
    nl: 'Deze stap kan niet in de huidige status van de klacht.',
    en: 'This step is not possible in the complaint’s current status.',
  },
  received_in_future: refused(
    'De ontvangstdatum ligt in de toekomst.',
    'The date received is in the future.',
  ),
  category_required: refused('Kies een categorie voor de klacht.', 'Choose a category for the complaint.'),
  subject_required: refused(
    'Geef aan over wie de klacht gaat: een medewerker, een afdeling of een derde.',
    'State who the complaint is about: an employee, a department or a third party.',
  ),
  discrimination_by_staff_is_category_4: refused(
    'Een klacht over discriminatie door een medewerker is altijd een klacht in categorie 4 (onjuist behandeld).',
    'A complaint about discrimination by staff is always a category 4 complaint (treated wrongly).',
  ),
  matter_already_handled_by_committee: refused(
    'De regionale klachtencommissie heeft deze kwestie al in behandeling (gehad); de klacht valt buiten de procedure (grond f).',
    'The regional complaints committee has (had) this matter; the complaint is outside the procedure (ground f).',
  ),
  referral_detail_required: refused(
    'Vul in waarnaar u de klager verwijst (instantie, uitspraak, wettelijke basis of verzekeraar).',
    'Fill in where the complainant is referred to (body, ruling, legal basis or insurer).',
  ),
  note_required_for_other: refused(
    'Licht toe wat voor melding dit is.',
    'Explain what kind of report this is.',
  ),
  extension_day_invalid: refused('Deze datum is ongeldig.', 'This date is invalid.'),
  extension_requires_reason: refused(
    'Geef de reden waarom de termijn niet gehaald wordt.',
    'Give the reason why the term cannot be met.',
  ),
  extension_requires_manager_approval: refused(
    'Alleen de leidinggevende kan de termijn verlengen.',
    'Only the manager can extend the term.',
  ),
  extension_requires_complainant_notice: refused(
    'Schrijf het bericht aan de klager over de nieuwe datum.',
    'Write the notice to the complainant about the new date.',
  ),
  extension_must_be_later: refused(
    'De nieuwe datum moet na de huidige uiterste datum liggen.',
    'The new date must be after the current due date.',
  ),
  extension_day_not_working_day: refused(
    'De nieuwe datum moet een werkdag zijn.',
    'The new date must be a working day.',
  ),
  answer_requires_contact: refused(
    'Bespreek de klacht eerst telefonisch of persoonlijk met de klager, of leg vast waarom dat niet kan.',
    'First discuss the complaint with the complainant by phone or in person, or record why that is not possible.',
  ),
  answer_requires_assessment: refused(
    'Leg eerst de beoordeling van de klacht vast.',
    'Record the assessment of the complaint first.',
  ),
  apology_required: refused(
    'Is ons beleid niet gevolgd, dan bieden we excuses aan.',
    'When our policy was not followed, we apologise.',
  ),
  error_admission_required: refused(
    'Is ons beleid niet gevolgd, dan geven we toe dat er een fout is gemaakt.',
    'When our policy was not followed, we admit the mistake.',
  ),
  verdict_conflicts_with_error: refused(
    'Een toegegeven fout maakt de klacht niet ongegrond.',
    'An admitted mistake does not make the complaint unfounded.',
  ),
  compensation_required_for_damage: refused(
    'Bij aantoonbare schade hoort een vergoeding.',
    'Demonstrable damage must be compensated.',
  ),
  compensation_requires_demonstrable_damage: refused(
    'Een vergoeding is alleen voor aantoonbare schade.',
    'Compensation is only for demonstrable damage.',
  ),
  compensation_amount_invalid: refused(
    'Het bedrag van de vergoeding is ongeldig.',
    'The compensation amount is invalid.',
  ),
  compensation_requires_approval: refused(
    'De leidinggevende moet de vergoeding eerst goedkeuren.',
    'The manager must approve the compensation first.',
  ),
  // policy 2.3, 2.4, 2.6: the manager decides an approval once
  approval_already_decided: {
    status: 409,
    nl: 'Hierover is al beslist: de goedkeuring is al gegeven.',
    en: 'This has already been decided: the approval has already been given.',
  },
  approval_not_requested: {
    status: 409,
    nl: 'Er is geen openstaand verzoek om goedkeuring hierover; er valt niets af te wijzen.',
    en: 'There is no open request for approval of this; there is nothing to refuse.',
  },
  colleague_discussion_required: refused(
    'Bespreek de klacht eerst met collega’s.',
    'Discuss the complaint with colleagues first.',
  ),
  explanation_required: refused(
    'Schrijf de uitleg van het beleid voor de klager.',
    'Write the explanation of the policy for the complainant.',
  ),
  manager_decision_required: refused(
    'De leidinggevende beslist over de afhandeling als het beleid in dit geval niet klopt.',
    'The manager decides on the handling when the policy is wrong in this case.',
  ),
  answer_requires_manager_approval: refused(
    'Deze herhaalde klacht heeft het akkoord van de leidinggevende nodig.',
    'This repeat complaint needs the manager’s approval.',
  ),
  answer_requires_legal_advice: refused('Vraag eerst advies aan de jurist.', 'Obtain legal advice first.'),
  answer_must_adopt_legal_advice: refused(
    'Het antwoord moet het advies van de jurist volgen.',
    'The answer must follow the legal advice.',
  ),
  answer_must_stand_by_decision: refused(
    'Zonder nieuwe feiten blijft u bij de eerdere beslissing.',
    'Without new facts you stand by the earlier decision.',
  ),
  answer_must_state_last_response: refused(
    'Vermeld dat dit de laatste keer is dat we op deze kwestie reageren.',
    'State that this is the last time we respond on this matter.',
  ),
  manager_unknown: refused(
    'Er is geen leidinggevende bekend voor deze klacht; het antwoord gaat in cc naar de leidinggevende.',
    'No manager is known for this complaint; the answer is copied to the manager.',
  ),
  // Routing (issue 19, policy 1.3, 2.3, 2.6): a refused route changes nothing. The set-up gaps are also shown
  // on the case (`responsibility.problems`), with who can fix them.
  handler_inactive: refused(
    'Deze medewerker is niet meer actief en kan de klacht niet behandelen. Kies iemand anders.',
    'This employee is no longer active and cannot handle the complaint. Choose someone else.',
  ),
  handler_not_in_department: refused(
    'Deze medewerker werkt niet bij de gekozen afdeling. Kies een medewerker van die afdeling, of alleen de afdeling.',
    'This employee does not work in the chosen department. Choose an employee of that department, or only the department.',
  ),
  department_unknown: refused(
    'Deze afdeling bestaat niet (meer).',
    'This department does not exist (any more).',
  ),
  department_without_manager: {
    status: 409,
    nl: 'Deze afdeling heeft geen leidinggevende; iemand moet eindverantwoordelijk zijn. Een beheerder kan een leidinggevende instellen bij Beheer → Afdelingen.',
    en: 'This department has no manager; someone must be accountable. An administrator can set a manager under Admin → Departments.',
  },
  employee_without_department: {
    status: 409,
    nl: 'Deze medewerker hoort niet bij een afdeling, dus er is geen leidinggevende. Een beheerder kan de afdeling instellen bij Beheer → Gebruikers.',
    en: 'This employee belongs to no department, so there is no manager. An administrator can set the department under Admin → Users.',
  },
  contractor_without_department: {
    status: 409,
    nl: 'Voor deze aannemer is geen verantwoordelijke afdeling ingesteld. Een beheerder kan die instellen bij de aannemers.',
    en: 'No responsible department is set for this contractor. An administrator can set it with the contractors.',
  },
  intake_department_unset: {
    status: 409,
    nl: 'Er is geen afdeling ingesteld die klachten van de website en per e-mail ontvangt. Een beheerder kan die instellen.',
    en: 'No department is set to receive complaints from the website and by e-mail. An administrator can set it.',
  },
  department_without_assistant: {
    status: 409,
    nl: 'Deze afdeling heeft geen managementassistent; het antwoord gaat in cc alleen naar de leidinggevende. Een beheerder kan een managementassistent aan de afdeling toevoegen.',
    en: 'This department has no management assistant; the answer is copied to the manager only. An administrator can add a management assistant to the department.',
  },
  transfer_reason_required: refused(
    'Geef aan waarom de klacht naar een andere afdeling gaat.',
    'State why the complaint goes to another department.',
  ),
  committee_reference_required: refused(
    'Leg eerst het kenmerk van de klachtencommissie vast.',
    'Record the complaints committee’s reference first.',
  ),
  committee_reference_already_recorded: refused(
    'Het kenmerk van de commissie is al vastgelegd.',
    'The committee’s reference has already been recorded.',
  ),
  committee_ruling_required: refused(
    'Leg eerst de uitspraak van de commissie vast.',
    'Record the committee’s ruling first.',
  ),
  committee_ruling_already_recorded: refused(
    'De uitspraak van de commissie is al vastgelegd.',
    'The committee’s ruling has already been recorded.',
  ),
  committee_ruling_summary_required: refused(
    'Vat de uitspraak van de commissie samen.',
    'Summarise the committee’s ruling.',
  ),
  board_decision_requires_board: refused(
    'Alleen de directie beslist over het advies van de commissie.',
    'Only the board decides on the committee’s advice.',
  ),
  board_decision_text_required: refused(
    'Beschrijf het besluit van de directie.',
    'Describe the board’s decision.',
  ),
  board_decision_required: refused(
    'Leg eerst het besluit van de directie vast.',
    'Record the board’s decision first.',
  ),
  board_decision_already_recorded: refused(
    'Het besluit van de directie is al vastgelegd.',
    'The board’s decision has already been recorded.',
  ),
  follow_up_text_required: refused(
    'Beschrijf wat er met het besluit is gedaan.',
    'Describe what was done with the decision.',
  ),
  follow_up_already_recorded: refused(
    'De opvolging is al vastgelegd.',
    'The follow-up has already been recorded.',
  ),
  repeat_has_no_answer_duty: refused(
    'Op deze herhaalde klacht hebben we al voor het laatst gereageerd; leg hem vast zonder nieuw antwoord.',
    'We already gave our last response on this matter; record the repeat without a new answer.',
  ),
  answer_duty_applies: refused('Deze klacht moet beantwoord worden.', 'This complaint must be answered.'),
  handler_required: refused('Kies een behandelaar.', 'Choose a handler.'),
  handler_assignment_requires_manager: refused(
    'Bij deze herhaalde klacht bepaalt de leidinggevende wie hem behandelt.',
    'For this repeat complaint the manager decides who handles it.',
  ),
  triage_outside_procedure_required: refused(
    'Alleen een klacht buiten de procedure krijgt een uitleg in plaats van een antwoord.',
    'Only a complaint outside the procedure gets an explanation instead of an answer.',
  ),
  // Issue 21: a letter (acknowledgement or answer) needs an address for the window envelope
  postal_address_missing: refused(
    'Er is geen postadres van de klager bekend. Vul het adres in bij de klager (of koppel de woning) en maak de brief daarna opnieuw.',
    'No postal address is known for the complainant. Add the address (or link the home) and make the letter again.',
  ),
  committee_case_exists: refused(
    'Deze klacht is al aan de klachtencommissie voorgelegd.',
    'This complaint has already been referred to the complaints committee.',
  ),
  committee_case_required: refused(
    'Deze klacht ligt niet bij de klachtencommissie.',
    'This complaint is not with the complaints committee.',
  ),
  committee_follow_up_required: refused(
    'Sluit de klacht pas af als het besluit van de directie is opgevolgd.',
    'Close the complaint only after the board’s decision has been followed up.',
  ),
  compensation_not_paid: refused(
    'Betaal eerst de toegezegde vergoeding.',
    'Pay the promised compensation first.',
  ),
  withdrawal_reason_required: refused(
    'Geef aan waarom de klacht wordt ingetrokken.',
    'State why the complaint is withdrawn.',
  ),
  criminal_offence_already_flagged: refused(
    'Het vermoeden van een strafbaar feit is al gemeld aan de directie.',
    'The suspected criminal offence has already been reported to the board.',
  ),
  // The board's track of a suspected criminal offence (policy 2.5)
  not_on_board_track: {
    status: 409,
    nl: 'Deze klacht ligt niet bij de directie. Alleen bij een vermoeden van een strafbaar feit neemt de directie een besluit.',
    en: 'This complaint is not with the board. The board only decides on a suspected criminal offence.',
  },
  board_track_decided: {
    status: 409,
    nl: 'De directie heeft al een eindbesluit over deze klacht genomen.',
    en: 'The board has already taken a final decision on this complaint.',
  },
  board_track_decision_requires_board: refused(
    'Alleen de directie kan dit besluit vastleggen.',
    'Only the board can record this decision.',
  ),
  board_track_decision_text_required: refused(
    'Schrijf op wat de directie besluit en waarom.',
    'Write down what the board decides and why.',
  ),
  board_track_investigation_already_started: {
    status: 409,
    nl: 'Het interne onderzoek is al vastgelegd. Leg nu het eindbesluit vast.',
    en: 'The internal investigation has already been recorded. Record the final decision now.',
  },
  board_track_explanation_already_sent: {
    status: 409,
    nl: 'De uitleg aan de klager is al verstuurd.',
    en: 'The explanation to the complainant has already been sent.',
  },
  confidential_reason_required: refused(
    'Kies waarom de klacht vertrouwelijk is.',
    'Choose why the complaint is confidential.',
  ),
  confidential_reason_text_required: refused(
    'Schrijf op waarom de klacht vertrouwelijk is.',
    'Write down why the complaint is confidential.',
  ),
  confidentiality_lift_reason_required: refused(
    'Schrijf op waarom de klacht niet meer vertrouwelijk hoeft te zijn.',
    'Write down why the complaint need not be confidential any more.',
  ),
  already_confidential: {
    status: 409,
    nl: 'Deze klacht is al vertrouwelijk.',
    en: 'This complaint is already confidential.',
  },
  not_confidential: {
    status: 409,
    nl: 'Deze klacht is niet vertrouwelijk.',
    en: 'This complaint is not confidential.',
  },
  explanation_letter_already_prepared: {
    status: 409,
    nl: 'De brief met de uitleg is al klaargezet om te posten.',
    en: 'The letter with the explanation has already been prepared for the post.',
  },
  letter_not_prepared: {
    status: 409,
    nl: 'Er staat geen brief klaar om te posten.',
    en: 'There is no letter waiting to be posted.',
  },
  letter_already_posted: {
    status: 409,
    nl: 'Deze brief is al gepost.',
    en: 'This letter has already been posted.',
  },
  letter_posted_date_invalid: refused('Deze datum is ongeldig.', 'This date is invalid.'),
  letter_posted_in_future: refused(
    'De datum van posten kan niet in de toekomst liggen.',
    'The posting date cannot be in the future.',
  ),
  letter_posted_before_prepared: refused(
    'De brief kan niet gepost zijn voordat hij klaarstond.',
    'The letter cannot have been posted before it was prepared.',
  ),
  policy_finding_not_for_manager: {
    status: 409,
    nl: 'Deze beoordeling hoeft niet naar de leidinggevende: het beleid klopt volgens de beoordeling.',
    en: 'This assessment does not go to the manager: according to it the policy is right.',
  },
  policy_finding_already_on_agenda: {
    status: 409,
    nl: 'Dit staat al op de MT-agenda.',
    en: 'This is already on the MT agenda.',
  },
  policy_finding_already_decided: {
    status: 409,
    nl: 'De leidinggevende heeft hierover al beslist.',
    en: 'The manager has already decided on this.',
  },
  precondition_failed: {
    status: 412,
    nl: 'Iemand anders heeft deze klacht intussen gewijzigd. Laad hem opnieuw.',
    en: 'Someone else changed this complaint in the meantime. Reload it.',
  },
  idempotency_key_reused: refused(
    'Deze Idempotency-Key is al gebruikt voor een ander verzoek.',
    'This Idempotency-Key was already used for a different request.',
  ),
  complaint_not_open: {
    status: 409,
    nl: 'Deze klacht is afgesloten; dit kan niet meer.',
    en: 'This complaint is closed; this is no longer possible.',
  },
  // Issue 22 (decision 035): merging a complaint received twice
  merge_into_itself: refused(
    'Een klacht kan niet met zichzelf worden samengevoegd.',
    'A complaint cannot be merged into itself.',
  ),
  already_merged: {
    status: 409,
    nl: 'Deze klacht is al samengevoegd met een andere klacht.',
    en: 'This complaint has already been merged into another complaint.',
  },
  merge_target_merged: {
    status: 409,
    nl: 'De klacht waarmee u wilt samenvoegen is zelf al samengevoegd; kies de klacht die behandeld wordt.',
    en: 'The complaint to merge into has itself been merged; choose the complaint that is being handled.',
  },
  merge_not_possible_in_status: {
    status: 409,
    nl: 'Alleen een nieuwe klacht of een klacht in behandeling kan worden samengevoegd.',
    en: 'Only a new complaint or one being handled can be merged.',
  },
  merge_target_ended: {
    status: 409,
    nl: 'De klacht waarmee u wilt samenvoegen is al afgerond.',
    en: 'The complaint to merge into has already ended.',
  },
  merge_other_complainant: refused(
    'Alleen klachten van dezelfde klager kunnen worden samengevoegd.',
    'Only complaints of the same complainant can be merged.',
  ),
} as const satisfies Record<TransitionProblem | 'received_in_future', Entry> & Record<string, Entry>;
