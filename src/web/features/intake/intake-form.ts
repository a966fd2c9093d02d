import type { RegisterComplaintInput, TriageInputBody } from '../../../contract/complaints.ts';
import type { IntakeChannel } from '../../../domain/index.ts';
import { fromDateTimeLocalValue } from '../complaints/format.ts';

export type YesNo = 'yes' | 'no';
export type SubjectKind = 'department' | 'employee' | 'contractor' | 'none';

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
  /** About an employee: '' or why their manager takes it over (policy 1.3, 2.6). */
  managerTakes: string;
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
    confidential: false,
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
