// Intake channels (policy 2.1) plus the website ("digitaal waar mogelijk", policy 1.1).
export const INTAKE_CHANNELS = {
  email: 'E-mail',
  letter: 'Brief',
  phone: 'Telefoon',
  desk: 'Balie',
  web: 'Website',
} as const;
export type IntakeChannel = keyof typeof INTAKE_CHANNELS;

// The four complaint categories of policy 1.2, in the policy's order.
export const COMPLAINT_CATEGORIES = {
  no_or_late_answer: { number: 1, label: 'Geen of te laat antwoord op een verzoek of vraag' },
  repair_badly_done: { number: 2, label: 'Reparatie aan de woning niet goed uitgevoerd' },
  request_wrongly_handled: {
    number: 3,
    label: 'Melding of verzoek om onjuiste reden afgewezen of verkeerd behandeld',
  },
  treated_wrongly: {
    number: 4,
    label: 'Onjuist behandeld door een medewerker of een partij die namens ons werkt',
    // policy 1.2 + 2.5: discrimination *by* staff is a category-4 complaint, never the "discriminatory" ground
    hint: 'Een klacht over discriminatie door een medewerker of een partij die namens ons werkt hoort hier. Dat is géén reden om de klacht af te wijzen.',
  },
} as const;
export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;

// What the complaint is about: own staff, a department, or a third party working for us (policy 1.2);
// "none" when the complaint names no one in particular (routing then keeps it where it is, policy 2.3).
export type ComplaintSubject =
  | { readonly kind: 'employee'; readonly employeeId: string }
  | { readonly kind: 'department'; readonly departmentId: string }
  | { readonly kind: 'contractor'; readonly contractorName: string }
  | { readonly kind: 'none' };

// Signals that are not complaints go to their own process; the referral is recorded (policy 1.2).
export const NOT_A_COMPLAINT_KINDS = {
  repair_request: { label: 'Reparatieverzoek', referTo: 'repair_process' },
  nuisance_report: { label: 'Melding van overlast', referTo: 'nuisance_process' },
  housing_fraud_report: { label: 'Melding van woonfraude', referTo: 'housing_fraud_process' },
  question: { label: 'Vraag', referTo: 'customer_service' },
  other: { label: 'Anders', referTo: 'other_process' },
} as const;
export type NotAComplaintKind = keyof typeof NOT_A_COMPLAINT_KINDS;
