import type { RegisterComplaintInput, TriageInputBody } from '../../../contract/complaints.ts';
import {
  type ChoosableConfidentialityReason,
  checkConfidentialityRequest,
  type IntakeChannel,
} from '../../../domain/index.ts';
import { fromDateTimeLocalValue } from '../complaints/format.ts';

export type YesNo = 'yes' | 'no';
export type SubjectKind = 'department' | 'employee' | 'contractor';

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
  description: string;
  desiredOutcome: string;
  confidential: YesNo;
  confidentialReason: ChoosableConfidentialityReason | '';
  confidentialReasonText: string;
  repeatOf: string;
  repeatNewFacts: boolean;
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
};

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
          },
        }
      : values.complainantId
        ? { complainantId: values.complainantId }
        : {}),
    description: values.description,
    desiredOutcome: orUndefined(values.desiredOutcome) ?? null,
    confidential: values.confidential === 'yes',
    ...(values.confidential === 'yes'
      ? {
          ...(values.confidentialReason ? { confidentialReason: values.confidentialReason } : {}),
          confidentialReasonText: orUndefined(values.confidentialReasonText) ?? null,
        }
      : {}),
    ...(values.repeatOf
      ? {
          repeat: {
            kind: 'disagrees_with_decision',
            earlierComplaintId: values.repeatOf,
            lawyer: 'none',
            newFacts: values.repeatNewFacts,
          },
        }
      : {}),
  } as RegisterComplaintInput;
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
  const key = { department: 'departmentId', employee: 'employeeId', contractor: 'contractorId' }[
    values.subjectKind
  ];
  return {
    outcome: 'complaint',
    category: values.category,
    subject: { kind: values.subjectKind, [key]: values.subjectId },
    ...flags,
  };
}

export type TriageBody = TriageInputBody;
