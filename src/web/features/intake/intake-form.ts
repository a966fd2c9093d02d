import type { AdjustmentsInput } from '../../../contract/adjustments.ts';
import type { RegisterComplaintInput, TriageInputBody } from '../../../contract/complaints.ts';
import { normalizePostcode, POSTCODE_PATTERN } from '../../../contract/reference-data.ts';
import {
  type ChoosableConfidentialityReason,
  checkConfidentialityRequest,
  type EmployeeResponseCause,
  type IntakeChannel,
  type LawyerInvolvement,
  type TenantLocale,
} from '../../../domain/index.ts';
import {
  type AdjustmentsDraft,
  blankAdjustmentsDraft,
  isEmptyAdjustments,
  toAdjustmentsInput,
} from '../complaint/forms/adjustments-draft.ts';
import { fromDateTimeLocalValue } from '../complaints/format.ts';

export type YesNo = 'yes' | 'no';
export type SubjectKind = 'department' | 'employee' | 'contractor' | 'none';
export type RepeatKind = 'disagrees_with_decision' | 'employee_response';

/** Everything the intake screen holds, as the inputs hold it (strings, '' for nothing chosen). */
export type IntakeValues = {
  channel: IntakeChannel;
  receivedAt: string;
  complainantId: string;
  newPerson: boolean;
  newPersonName: string;
  newPersonPhone: string;
  newPersonEmail: string;
  newPersonRelation: 'tenant' | 'prospective_tenant' | 'buyer' | 'other';
  /** A new caller's address (issue 22): looked up by postcode and house number in the imported units. */
  newPersonPostcode: string;
  newPersonHouseNumber: string;
  newPersonAddition: string;
  newPersonStreet: string;
  newPersonPlace: string;
  /** The unit found at that address; '' when none was found (the address is then kept as typed). */
  newPersonUnitId: string;
  description: string;
  desiredOutcome: string;
  /** The language mails and letters to the complainant go in (issue 21). */
  complainantLocale: TenantLocale;
  /** Issue 26: every adjustment heard at intake, in the case page's own field groups (decision 052). */
  adjustments: AdjustmentsDraft;
  confidential: YesNo;
  confidentialReason: ChoosableConfidentialityReason | '';
  confidentialReasonText: string;
  /** Someone complaining on the complainant's behalf (policy 1.1: "of hun naasten"). */
  hasRepresentative: boolean;
  representativeName: string;
  representativeRelation: string;
  representativePhone: string;
  representativeEmail: string;
  representativeConsent: boolean;
  /** A complex named explicitly (policy 2.2); '' leaves it to the unit's complex. */
  housingComplexId: string;
  repeatOf: string;
  repeatKind: RepeatKind;
  repeatNewFacts: boolean;
  repeatLawyer: LawyerInvolvement;
  repeatCause: EmployeeResponseCause | '';
  repeatEmployeeId: string;
  isReferral: YesNo;
  referralKind: string;
  referralNote: string;
  isOutside: YesNo;
  ground: string;
  groundDetail: string;
  criminal: YesNo;
  discrimination: YesNo;
  category: string;
  subjectKind: SubjectKind;
  subjectId: string;
  /** About an employee: '' or why their manager takes it over (policy 1.3, 2.6). */
  managerTakes: string;
};

/** A fresh intake: nothing chosen yet, no repeat, no representative. */
export function blankIntakeValues(channel: IntakeChannel, receivedAt: string): IntakeValues {
  return {
    channel,
    receivedAt,
    complainantId: '',
    newPerson: false,
    newPersonName: '',
    newPersonPhone: '',
    newPersonEmail: '',
    newPersonRelation: 'tenant',
    newPersonPostcode: '',
    newPersonHouseNumber: '',
    newPersonAddition: '',
    newPersonStreet: '',
    newPersonPlace: '',
    newPersonUnitId: '',
    description: '',
    desiredOutcome: '',
    complainantLocale: 'nl',
    adjustments: blankAdjustmentsDraft(),
    confidential: 'no',
    confidentialReason: '',
    confidentialReasonText: '',
    hasRepresentative: false,
    representativeName: '',
    representativeRelation: '',
    representativePhone: '',
    representativeEmail: '',
    representativeConsent: false,
    housingComplexId: '',
    repeatOf: '',
    repeatKind: 'disagrees_with_decision',
    repeatNewFacts: false,
    repeatLawyer: 'none',
    repeatCause: '',
    repeatEmployeeId: '',
    isReferral: 'no',
    referralKind: '',
    referralNote: '',
    isOutside: 'no',
    ground: '',
    groundDetail: '',
    criminal: 'no',
    discrimination: 'no',
    category: '',
    subjectKind: 'department',
    subjectId: '',
    managerTakes: '',
  };
}

const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The register call's body; validated with the API's own schema before it is sent. */
export function toRegisterBody(values: IntakeValues): RegisterComplaintInput {
  const receivedAt = fromDateTimeLocalValue(values.receivedAt);
  return {
    channel: values.channel,
    ...(receivedAt ? { receivedAt } : {}),
    ...(values.newPerson
      ? {
          complainant: {
            name: values.newPersonName,
            email: orUndefined(values.newPersonEmail) ?? null,
            phone: orUndefined(values.newPersonPhone) ?? null,
            relation: values.newPersonRelation,
            postalAddress: newPersonAddress(values),
            ...(values.newPersonUnitId ? { unitId: values.newPersonUnitId } : {}),
          },
        }
      : values.complainantId
        ? { complainantId: values.complainantId }
        : {}),
    description: values.description,
    desiredOutcome: orUndefined(values.desiredOutcome) ?? null,
    complainantLocale: values.complainantLocale,
    confidential: values.confidential === 'yes',
    ...(values.confidential === 'yes'
      ? {
          ...(values.confidentialReason ? { confidentialReason: values.confidentialReason } : {}),
          confidentialReasonText: orUndefined(values.confidentialReasonText) ?? null,
        }
      : {}),
    ...(values.hasRepresentative
      ? {
          representative: {
            name: values.representativeName,
            relation: values.representativeRelation,
            phone: orUndefined(values.representativePhone) ?? null,
            email: orUndefined(values.representativeEmail) ?? null,
            consentNoted: values.representativeConsent,
          },
        }
      : {}),
    ...(values.housingComplexId ? { housingComplexId: values.housingComplexId } : {}),
    ...(values.repeatOf ? { repeat: toRepeat(values) } : {}),
    // issue 26 (decision 052): stored with the complaint in the registration's own transaction
    ...withAdjustments(values),
  } as RegisterComplaintInput;
}

/** "Oude Delft 14A, 2611 AB Delft", or null until street, number, postcode and place are all there. */
export function newPersonAddress(values: IntakeValues): string | null {
  const street = values.newPersonStreet.trim();
  const number = values.newPersonHouseNumber.trim();
  const postcode = normalizePostcode(values.newPersonPostcode);
  const place = values.newPersonPlace.trim();
  if (!street || !number || !postcode || !place) return null;
  const spaced = POSTCODE_PATTERN.test(postcode) ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode;
  return `${street} ${number}${values.newPersonAddition.trim().toUpperCase()}, ${spaced} ${place}`;
}

/** policy 1.3, 2.5: the reason a confidential complaint needs, checked by the domain's own rule before sending. */
export function confidentialityErrors(values: IntakeValues): Record<string, { nl: string; en: string }> {
  if (values.confidential !== 'yes') return {};
  const checked = checkConfidentialityRequest({
    reason: values.confidentialReason || undefined,
    text: values.confidentialReasonText,
  });
  if (checked.ok) return {};
  return checked.reason === 'confidential_reason_text_required'
    ? { confidentialReasonText: { nl: 'Schrijf de reden op.', en: 'Write down the reason.' } }
    : { confidentialReason: { nl: 'Kies een reden.', en: 'Choose a reason.' } };
}

/** policy 2.6: a disagreement climbs the ladder; an employee's late, missing or poor answer goes to the manager. */
function toRepeat(values: IntakeValues) {
  const common = { earlierComplaintId: values.repeatOf, lawyer: values.repeatLawyer };
  return values.repeatKind === 'employee_response'
    ? { kind: values.repeatKind, ...common, cause: values.repeatCause, employeeId: values.repeatEmployeeId }
    : { kind: values.repeatKind, ...common, newFacts: values.repeatNewFacts };
}

/**
 * An employee-caused repeat waits for the employee's manager to choose the handler (policy 2.6), who then
 * triages it; the intake only registers it.
 */
export function leavesTriageToHandler(values: IntakeValues): boolean {
  return values.repeatOf !== '' && values.repeatKind === 'employee_response';
}

/** The triage call's body, from the guided questions; unknown choices stay '' so validation names them. */
export function toTriageBody(values: IntakeValues): unknown {
  const flags = {
    suspectedCriminalOffence: values.criminal === 'yes',
    allegesDiscriminationByStaff: values.discrimination === 'yes',
  };
  if (values.isReferral === 'yes')
    return {
      outcome: 'not_a_complaint',
      kind: values.referralKind,
      note: orUndefined(values.referralNote) ?? null,
      ...flags,
    };
  if (values.isOutside === 'yes')
    return {
      outcome: 'outside_procedure',
      ground: values.ground,
      referralDetail: orUndefined(values.groundDetail) ?? null,
      ...flags,
    };
  if (values.subjectKind === 'none')
    return { outcome: 'complaint', category: values.category, subject: { kind: 'none' }, ...flags };
  const key = { department: 'departmentId', employee: 'employeeId', contractor: 'contractorId' }[
    values.subjectKind
  ];
  return {
    outcome: 'complaint',
    category: values.category,
    subject: { kind: values.subjectKind, [key]: values.subjectId },
    ...(values.subjectKind === 'employee' && values.managerTakes !== ''
      ? { managerTakes: values.managerTakes }
      : {}),
    ...flags,
  };
}

export type TriageBody = TriageInputBody;

function withAdjustments(values: IntakeValues): { adjustments?: AdjustmentsInput } {
  const adjustments = toAdjustments(values);
  return adjustments === null ? {} : { adjustments };
}

/** Issue 26: the adjustments heard at intake (the whole set, as the case page sends it), or null when none. */
export function toAdjustments(values: IntakeValues): AdjustmentsInput | null {
  const input = toAdjustmentsInput(values.adjustments);
  return isEmptyAdjustments(input) ? null : input;
}
