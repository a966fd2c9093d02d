import { z } from 'zod';
import {
  APPROVAL_REQUEST_SUBJECTS,
  BOARD_TRACK_DECISIONS,
  CHOOSABLE_CONFIDENTIALITY_REASONS,
  CHOOSABLE_MANAGER_TAKES_REASONS,
  COMMITTEE_VERDICTS,
  COMPLAINT_ACTION_PATHS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  CONFIDENTIALITY_REASONS,
  CONTACT_KINDS,
  EMPLOYEE_RESPONSE_CAUSES,
  INTAKE_CHANNELS,
  LAWYER_INVOLVEMENT,
  NEXT_STEPS,
  NOT_A_COMPLAINT_KINDS,
  OUTSIDE_PROCEDURE_GROUNDS,
  POLICY_FINDINGS,
  REPEAT_RUNGS,
  TENANT_LOCALES,
  VERDICTS,
} from '../domain/index.ts';
import { adjustmentsInput } from './adjustments.ts';

function keysOf<T extends Record<string, unknown>>(record: T) {
  return z.enum(Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]);
}

export const intakeChannel = keysOf(INTAKE_CHANNELS).meta({ id: 'IntakeChannel' });
export const complaintStatus = keysOf(COMPLAINT_STATUSES).meta({ id: 'ComplaintStatus' });
export const complaintCategory = keysOf(COMPLAINT_CATEGORIES).meta({ id: 'ComplaintCategory' });
export const contactKind = keysOf(CONTACT_KINDS);
export const notAComplaintKind = keysOf(NOT_A_COMPLAINT_KINDS);
export const outsideProcedureGround = keysOf(OUTSIDE_PROCEDURE_GROUNDS);
export const verdict = keysOf(VERDICTS);
export const policyFinding = keysOf(POLICY_FINDINGS);
export const committeeVerdict = keysOf(COMMITTEE_VERDICTS);
export const nextStepCode = keysOf(NEXT_STEPS);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const instant = z.iso.datetime({ offset: true });
const localDay = z.iso.date();
const personRelation = z.enum(['tenant', 'prospective_tenant', 'buyer', 'other']);

export const complaintIdParams = z.object({ id: z.uuid() });

export const confidentialityReason = keysOf(CONFIDENTIALITY_REASONS).meta({ id: 'ConfidentialityReason' });
/** What a person may choose; `criminal_suspicion` comes only with flagging a suspected offence (policy 2.5). */
export const choosableConfidentialityReason = z
  .enum(CHOOSABLE_CONFIDENTIALITY_REASONS)
  .meta({ id: 'ChoosableConfidentialityReason' });

export const newComplainant = z
  .object({
    name: text(200),
    email: z.email().max(254).nullish(),
    phone: optionalText(40),
    postalAddress: optionalText(500),
    relation: personRelation.default('tenant'),
    unitId: z.uuid().nullish(),
  })
  .meta({ id: 'NewComplainant' });

export const newRepresentative = z
  .object({
    name: text(200),
    email: z.email().max(254).nullish(),
    phone: optionalText(40),
    relation: text(100).meta({ example: 'dochter' }),
    consentNoted: z.boolean(),
  })
  .meta({ id: 'NewRepresentative' });

export const repeatInput = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('disagrees_with_decision'),
      earlierComplaintId: z.uuid(),
      lawyer: keysOf(LAWYER_INVOLVEMENT).default('none'),
      newFacts: z.boolean(),
    }),
    z.object({
      kind: z.literal('employee_response'),
      earlierComplaintId: z.uuid(),
      lawyer: keysOf(LAWYER_INVOLVEMENT).default('none'),
      cause: keysOf(EMPLOYEE_RESPONSE_CAUSES),
      employeeId: z.uuid(),
    }),
  ])
  .meta({
    id: 'RepeatInput',
    description:
      'A repeat complaint (policy 2.6): the complainant disagrees with the decision, or the repeat was caused by an employee’s late, missing or poor response.',
  });

export const tenantLocale = z
  .enum(TENANT_LOCALES)
  .meta({ id: 'TenantLocale', description: 'A language the complainant can be written to in (issue 21).' });

export const registerComplaintInput = z
  .object({
    channel: intakeChannel,
    receivedAt: instant
      .optional()
      .describe('When the complaint reached us; may lie in the past (letters, phone notes). Default: now.'),
    complainantId: z.uuid().optional().describe('An existing person; or give `complainant` to create one.'),
    complainant: newComplainant.optional(),
    representative: newRepresentative.optional(),
    unitId: z.uuid().optional(),
    housingComplexId: z.uuid().optional(),
    departmentId: z.uuid().optional().describe('Default: the handler’s department.'),
    handlerId: z.uuid().optional(),
    description: text(20_000).describe('The complaint in the complainant’s own words.'),
    desiredOutcome: optionalText(5000),
    confidential: z
      .boolean()
      .default(false)
      .describe(
        'Only those involved see it (policy 1.3, 2.5); needs `confidentialReason` (422 `confidential_reason_required` otherwise).',
      ),
    confidentialReason: choosableConfidentialityReason.optional(),
    confidentialReasonText: optionalText(2000).describe('Explanation; required for reason `other`.'),
    repeat: repeatInput.optional(),
    complainantLocale: tenantLocale
      .optional()
      .describe('The language mails and letters to the complainant are written in. Default: `nl`.'),
    adjustments: adjustmentsInput
      .optional()
      .describe(
        'What the complainant asked for (issue 26, decision 052), stored with the complaint in one transaction; ' +
          'needs a complainant. Refusals come back under `adjustments.…` (e.g. `adjustments.accessNeeds.consentGiven`).',
      ),
  })
  .meta({
    id: 'RegisterComplaintInput',
    example: {
      channel: 'phone',
      receivedAt: '2026-11-23T09:15:00+01:00',
      complainant: { name: 'Mevrouw J. de Vries', phone: '06 12345678', relation: 'tenant' },
      description: 'De lekkage in de badkamer is drie weken geleden gerepareerd maar lekt weer.',
      desiredOutcome: 'Dat de lekkage echt verholpen wordt.',
      confidential: false,
    },
  });

const flags = {
  suspectedCriminalOffence: z.boolean().default(false),
  allegesDiscriminationByStaff: z.boolean().default(false),
};

export const complaintSubjectInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('employee'), employeeId: z.uuid() }),
  z.object({ kind: z.literal('department'), departmentId: z.uuid() }),
  z.object({ kind: z.literal('contractor'), contractorId: z.uuid() }),
  z.object({ kind: z.literal('none') }),
]);

export const managerTakesReason = z.enum(CHOOSABLE_MANAGER_TAKES_REASONS).meta({ id: 'ManagerTakesReason' });

export const triageInput = z
  .discriminatedUnion('outcome', [
    z.object({
      outcome: z.literal('complaint'),
      category: complaintCategory,
      subject: complaintSubjectInput,
      managerTakes: managerTakesReason
        .nullish()
        .describe(
          'About an employee: the manager takes it over instead (policy 1.3, 2.6) — employee absent or left, or about their conduct and the complainant asks so. An inactive employee always means “left”.',
        ),
      ...flags,
    }),
    z.object({
      outcome: z.literal('not_a_complaint'),
      kind: notAComplaintKind,
      note: optionalText(2000),
      ...flags,
    }),
    z.object({
      outcome: z.literal('outside_procedure'),
      ground: outsideProcedureGround,
      referralDetail: optionalText(2000),
      ...flags,
    }),
  ])
  .meta({
    id: 'TriageInput',
    description:
      'Is it a complaint (policy 1.2), not a complaint (referred to its own process), or outside the procedure (policy 2.5)? A complaint is routed to whom it concerns (policy 1.3): about an employee to that employee (or their manager), about a department or a contractor to that department’s unassigned queue, subject “none” stays where it is. A suspected criminal offence makes the complaint confidential (reason `criminal_suspicion`); a complaint about a named employee does not (policy 1.3).',
  });

export const assignInput = z.object({ handlerId: z.uuid() }).meta({
  id: 'AssignInput',
  description:
    'Names the handler. A handler of another department takes the complaint there: department, accountable manager and cc follow (policy 1.3, 2.3).',
});

export const transferInput = z
  .object({
    departmentId: z.uuid(),
    handlerId: z.uuid().nullish().describe('An employee of that department; empty: its unassigned queue.'),
    reason: text(2000).describe('Why the complaint goes to another department; shown on the timeline.'),
  })
  .meta({
    id: 'TransferInput',
    description:
      'Moves the complaint to another department (policy 1.3, 2.6): handler, handling department, accountable manager and cc assistants move together.',
  });

export const contactInput = z
  .object({
    kind: contactKind,
    direction: z.enum(['inbound', 'outbound']),
    at: instant.optional(),
    summary: text(20_000),
  })
  .meta({
    id: 'ContactInput',
    example: { kind: 'phone', direction: 'outbound', summary: 'Besproken met mevrouw.' },
  });

export const noteInput = z.object({ text: text(20_000) }).meta({ id: 'NoteInput' });

export const writtenOnlyInput = z
  .object({
    reason: text(2000).describe('Why the complaint is exceptionally handled in writing only (policy 2.3).'),
  })
  .meta({ id: 'WrittenOnlyInput' });

export const changeHousingComplexInput = z
  .object({
    housingComplexId: z
      .uuid()
      .nullable()
      .describe('The housing complex the complaint concerns (policy 2.2); null when it concerns none'),
    reason: text(1000).describe('Why the complex changes; kept on the timeline'),
  })
  .meta({ id: 'ChangeHousingComplexInput' });

export const changeComplainantLocaleInput = z
  .object({
    locale: tenantLocale.describe('The language later mails and letters to the complainant are written in'),
  })
  .meta({
    id: 'ChangeComplainantLocaleInput',
    description:
      'Issue 21 (policy 1.1): the language the complainant is written to in, changed after registration.',
  });

export const assessmentInput = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('policy_not_followed'),
      verdict,
      apologyOffered: z.boolean(),
      errorAdmitted: z.boolean(),
      demonstrableDamage: z.boolean(),
      compensationCents: z.number().int().positive().max(100_000_000).nullish(),
    }),
    z.object({
      kind: z.literal('disagrees_with_policy'),
      verdict,
      discussedWithColleagues: z.boolean(),
      finding: policyFinding,
      explanation: optionalText(10_000),
    }),
  ])
  .and(z.object({ improvementSuggestions: optionalText(10_000) }))
  .meta({
    id: 'AssessmentInput',
    description:
      'Policy 2.4: kind A — our policy was not followed (apology, admitted error, compensation for demonstrable damage); kind B — the complainant disagrees with our policy (discussed with colleagues, finding).',
  });

export const approvalSubject = z.enum(APPROVAL_REQUEST_SUBJECTS).meta({ id: 'ApprovalSubject' });

export const approvalInput = z
  .object({
    subject: z.enum(['answer', 'compensation', 'manager_decision']),
    text: optionalText(10_000).describe(
      'Required for a manager decision: how the complaint is to be handled.',
    ),
  })
  .meta({ id: 'ApprovalInput' });

export const approvalRequestInput = z
  .object({
    subject: approvalSubject,
    note: optionalText(5000),
  })
  .meta({ id: 'ApprovalRequestInput' });

export const approvalRefusalInput = z
  .object({
    subject: approvalSubject,
    reason: text(5000).describe('Why the manager refuses; the handler reads it on the timeline.'),
  })
  .meta({ id: 'ApprovalRefusalInput' });

const actionPath = z.enum(COMPLAINT_ACTION_PATHS as [string, ...string[]]);

/** policy 2.3, 2.4, 2.6: an approval the complaint still needs, who gives it and which steps wait for it. */
export const approvalWait = z
  .object({
    subject: approvalSubject,
    approver: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    requestedAt: z.string().nullable().describe('When it was asked for; null while nobody asked yet.'),
    amountCents: z.number().int().nullable().describe('For compensation: the amount awaiting approval.'),
    holds: z.array(actionPath).describe('The action paths that wait for this approval.'),
  })
  .meta({ id: 'ApprovalWait' });

export const legalAdviceInput = z.object({ summary: text(20_000) }).meta({ id: 'LegalAdviceInput' });

export const compensationPaidInput = z
  .object({ paidAt: instant.optional() })
  .meta({ id: 'CompensationPaidInput' });

export const extensionInput = z
  .object({ newDueDay: localDay, reason: text(2000), noticeText: text(10_000) })
  .meta({ id: 'ExtensionInput' });

export const answerInput = z
  .object({
    text: text(50_000),
    adoptsLegalAdvice: z.boolean().default(false),
    standsByEarlierDecision: z.boolean().default(false),
    statesLastResponse: z.boolean().default(false),
  })
  .meta({ id: 'AnswerInput' });

export const confidentialityInput = z
  .object({
    reason: choosableConfidentialityReason
      .optional()
      .describe('Why (required: 422 `confidential_reason_required`).'),
    text: optionalText(2000).describe('Explanation; required for reason `other`.'),
  })
  .meta({
    id: 'ConfidentialityInput',
    description:
      'Mark the complaint confidential with a reason (policy 1.3, 2.5). It is then seen only by the handler, the accountable manager, the employee it is about and their manager, the MT, the board and the legal adviser (docs/permissions.md).',
  });
export const liftConfidentialityInput = z
  .object({
    reason: optionalText(2000).describe(
      'Why the complaint need not be confidential any more (required: 422 `confidentiality_lift_reason_required`).',
    ),
  })
  .meta({ id: 'LiftConfidentialityInput' });

export const withdrawInput = z.object({ reason: text(2000) }).meta({ id: 'WithdrawInput' });
export const mergeInput = z
  .object({
    intoComplaintId: z
      .uuid()
      .describe(
        'The complaint that survives (A); this one (B) is merged into it and gets the status `merged`.',
      ),
  })
  .meta({ id: 'MergeInput' });
export const policyFindingInput = z
  .discriminatedUnion('route', [
    z.object({ route: z.literal('management_team') }),
    z.object({
      route: z.literal('exception'),
      text: text(10_000).describe('How this case is handled as an exception (the manager decides).'),
    }),
  ])
  .meta({
    id: 'PolicyFindingInput',
    description:
      'policy 2.4, 3.1: the manager puts a wrong or missing policy on the MT agenda (once), or decides this case as an exception.',
  });

export const letterPostedInput = z
  .object({ postedOn: localDay.describe('The day the letter was posted (Amsterdam calendar day).') })
  .meta({ id: 'LetterPostedInput' });

export const committeeReferenceInput = z
  .object({ reference: text(100) })
  .meta({ id: 'CommitteeReferenceInput' });
export const committeeRulingInput = z
  .object({ at: instant.optional(), verdict: committeeVerdict, summary: text(20_000) })
  .meta({ id: 'CommitteeRulingInput' });
export const boardDecisionInput = z
  .object({ adoptsAdvice: z.boolean(), text: text(20_000) })
  .meta({ id: 'BoardDecisionInput' });
export const boardTrackDecisionInput = z
  .object({
    decision: keysOf(BOARD_TRACK_DECISIONS).describe(
      'report_to_police and no_further_action close the complaint; back_to_procedure returns it where it came from with a fresh term; internal_investigation keeps it with the board until a final decision',
    ),
    text: text(20_000).describe('What the board decides and why (internal; never sent to the complainant)'),
  })
  .meta({ id: 'BoardTrackDecisionInput' });
export const committeeFollowUpInput = z
  .object({ at: instant.optional(), text: text(20_000) })
  .meta({ id: 'CommitteeFollowUpInput' });

const namedRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const termProgress = z.discriminatedUnion('state', [
  z.object({ state: z.literal('on_track'), workingDaysLeft: z.number().int() }),
  z.object({ state: z.literal('due_today'), workingDaysLeft: z.literal(0) }),
  z.object({ state: z.literal('overdue'), workingDaysLate: z.number().int() }),
  z.object({ state: z.literal('stopped') }),
  // policy 2.6: a repeat past the last response is recorded without an answer term
  z.object({ state: z.literal('no_term') }),
]);

export const timelineEvent = z
  .object({
    id: z.number().int(),
    type: z.string(),
    at: z.string(),
    actor: z.object({
      kind: z.enum(['staff', 'token', 'system']),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    contact: z.object({ kind: contactKind, direction: z.enum(['inbound', 'outbound']) }).nullable(),
    summary: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEvent' });

export const complaintResponsibility = z
  .object({
    subject: z
      .object({
        kind: z.enum(['employee', 'department', 'contractor', 'none']),
        id: z.uuid().nullable(),
        name: z.string().nullable(),
      })
      .nullable()
      .describe('Whom the complaint is about; null before triage.'),
    concernedDepartment: namedRef.describe('The department the complaint is about.'),
    handler: namedRef.describe('null: in the handling department’s unassigned queue (“onverdeeld”).'),
    handlingDepartment: namedRef.describe('Where it is handled and counted (policy 3.2).'),
    accountableManager: namedRef.describe('policy 2.3: “de leidinggevende blijft eindverantwoordelijk”.'),
    managerTakes: z
      .object({ reason: z.string(), nl: z.string(), en: z.string() })
      .nullable()
      .describe('Why the manager took the complaint over from the employee it is about.'),
    cc: z
      .array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['manager', 'management_assistant']) }))
      .describe('policy 2.3: who gets the answer in cc.'),
    problems: z.array(
      z.object({
        code: z.string(),
        nl: z.string(),
        en: z.string(),
        fixedBy: z.enum(['admin', 'manager']),
        fixers: z.array(z.object({ id: z.uuid(), name: z.string() })),
      }),
    ),
  })
  .meta({
    id: 'ComplaintResponsibility',
    description:
      'Who handles the complaint and who is accountable (policy 1.3, 2.3), with any gap in the set-up and who can fix it.',
  });

export const complaintDetail = z
  .object({
    id: z.uuid(),
    reference: z.string().meta({ example: 'K-2026-00042' }),
    matterId: z
      .uuid()
      .nullable()
      .describe(
        "The id of the matter's first complaint (policy 2.6); null when the reader may not see that complaint",
      ),
    status: complaintStatus,
    channel: intakeChannel,
    receivedAt: z.string(),
    registeredAt: z.string(),
    registeredBy: namedRef,
    complainant: z
      .object({
        id: z.uuid(),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        relation: z.string(),
      })
      .nullable(),
    representative: z
      .object({
        id: z.uuid(),
        name: z.string(),
        relation: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        consentNoted: z.boolean(),
      })
      .nullable()
      .describe('Someone complaining on the complainant’s behalf (policy 1.1), with how to reach them'),
    unit: z.object({ id: z.uuid(), address: z.string(), postcode: z.string() }).nullable(),
    housingComplex: z.object({ id: z.uuid(), name: z.string(), complexNumber: z.string() }).nullable(),
    department: namedRef,
    description: z.string(),
    desiredOutcome: z.string().nullable(),
    confidential: z.boolean(),
    confidentialReason: z
      .object({ code: confidentialityReason, text: z.string().nullable() })
      .nullable()
      .describe('Why the complaint is confidential; null when it is not.'),
    complainantLocale: tenantLocale.describe('The language mails and letters to the complainant are in.'),
    criminalSuspicion: z.boolean(),
    triage: z.record(z.string(), z.unknown()).nullable(),
    category: complaintCategory.nullable(),
    subject: z.object({ kind: z.string(), id: z.uuid().nullable(), name: z.string().nullable() }).nullable(),
    subjectEmployeeDepartmentId: z
      .uuid()
      .nullable()
      .describe(
        'The current department of the employee the complaint is about; its manager sees a confidential complaint (policy 1.3).',
      ),
    handler: namedRef,
    responsibleManager: namedRef,
    responsibility: complaintResponsibility,
    term: z.object({
      startDay: z.string(),
      /** false: no answer term (policy 2.6); the due dates are then null. */
      answerTerm: z.boolean(),
      originalDueAt: z.string().nullable(),
      dueAt: z.string().nullable(),
      extensions: z.array(z.record(z.string(), z.unknown())),
      progress: termProgress,
      explanation: z
        .object({
          receivedDay: z.string(),
          startDay: z.string().describe('Day 0 of the term; it does not count'),
          startRule: z.enum(['day_of_receipt', 'after_cut_off', 'day_off', 'restarted']),
          cutOffTime: z.string(),
          workingDays: z.number().int(),
          originalDueDay: z.string(),
          dueDay: z.string(),
          extended: z.boolean(),
        })
        .nullable()
        .describe('How the term is counted (policy 2.3); null without an answer term'),
    }),
    repeat: z
      .object({
        earlierComplaintId: z
          .uuid()
          .nullable()
          .describe(
            'null when the reader may not see the earlier complaint (it is not named, as an unknown one)',
          ),
        kind: z.enum(['disagrees_with_decision', 'employee_response']),
        lawyer: keysOf(LAWYER_INVOLVEMENT).describe(
          'A lawyer wrote or threatens the escalation (policy 2.6)',
        ),
        cause: keysOf(EMPLOYEE_RESPONSE_CAUSES)
          .nullable()
          .describe('In an employee-caused repeat: late, no or poor answer'),
        employee: namedRef.describe('In an employee-caused repeat: the employee whose answer caused it'),
        rung: keysOf(REPEAT_RUNGS),
        rungLabel: z.string(),
        answerDuty: z.boolean(),
        requirements: z.record(z.string(), z.unknown()),
      })
      .nullable(),
    writtenOnlyReason: z.string().nullable(),
    assessment: z.record(z.string(), z.unknown()).nullable(),
    outcome: verdict.nullable(),
    compensationCents: z.number().int().nullable(),
    improvementSuggestions: z.string().nullable(),
    managerApproval: z.record(z.string(), z.unknown()).nullable(),
    legalAdvice: z.record(z.string(), z.unknown()).nullable(),
    committee: z.record(z.string(), z.unknown()).nullable(),
    boardTrack: z
      .object({
        startedAt: z.string(),
        returnTo: complaintStatus.describe('Where back_to_procedure takes the complaint'),
        stoppedTerm: z.object({ originalDueAt: z.string(), dueAt: z.string() }),
        explanation: z.object({ sentAt: z.string(), text: z.string(), onTime: z.boolean() }).nullable(),
        decisions: z.array(
          z.object({
            kind: keysOf(BOARD_TRACK_DECISIONS),
            label: z.string(),
            text: z.string(),
            at: z.string(),
            by: namedRef,
          }),
        ),
        endedAt: z.string().nullable(),
        reminderDay: z
          .string()
          .nullable()
          .describe('From this working day the board is reminded while it has not decided; null once it did'),
      })
      .nullable()
      .describe("policy 2.5: the board's track of a suspected criminal offence"),
    answer: z
      .object({
        text: z.string(),
        answeredAt: z.string(),
        recipients: z.record(z.string(), z.unknown()).nullable(),
      })
      .nullable(),
    withdrawal: z.record(z.string(), z.unknown()).nullable(),
    explanationLetter: z
      .object({ preparedAt: z.string(), postedOn: z.string().nullable() })
      .nullable()
      .describe(
        'policy 2.5: the explanation as a letter to post (no e-mail address) and the day it was posted.',
      ),
    closedAt: z.string().nullable(),
    mergedInto: z
      .object({ id: z.uuid(), reference: z.string() })
      .nullable()
      .describe(
        'Issue 22: the complaint this one was merged into (status `merged`), when the reader may see it.',
      ),
    mergedFrom: z
      .array(z.object({ id: z.uuid(), reference: z.string(), receivedAt: z.string() }))
      .describe(
        'Issue 22: complaints received twice that were merged into this one (those the reader may see).',
      ),
    nextSteps: z.array(z.object({ code: nextStepCode, nl: z.string(), en: z.string() })),
    approvals: z.object({
      waiting: z.array(approvalWait),
      proposedSubject: approvalSubject
        .nullable()
        .describe('What a request for approval is most likely about now (the first one not yet asked for).'),
    }),
    version: z.number().int(),
    timeline: z.array(timelineEvent),
  })
  .meta({ id: 'ComplaintDetail' });

export const complaintListItem = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: complaintStatus,
    channel: intakeChannel,
    receivedAt: z.string(),
    complainantName: z.string().nullable(),
    housingComplexName: z.string().nullable(),
    category: complaintCategory.nullable(),
    handlerId: z.uuid().nullable(),
    handlerName: z.string().nullable(),
    dueAt: z.string().nullable(),
    progress: termProgress,
    confidential: z.boolean(),
    repeat: z.boolean(),
  })
  .meta({ id: 'ComplaintListItem' });

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20));
const boolFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The work queue's page size when none is asked for (the web app asks for the same). */
export const WORK_QUEUE_PAGE_SIZE = 50;

export const complaintListQuery = z.object({
  status: csv(complaintStatus).optional(),
  category: csv(complaintCategory).optional(),
  channel: csv(intakeChannel).optional(),
  handlerId: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  departmentId: z.uuid().optional(),
  housingComplexId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  complainantId: z.uuid().optional(),
  contractorId: z.uuid().optional(),
  overdue: boolFlag.optional(),
  dueWithinWorkingDays: z.coerce.number().int().min(0).max(60).optional(),
  receivedFrom: localDay.optional(),
  receivedTo: localDay.optional(),
  repeat: boolFlag.optional(),
  confidential: boolFlag.optional(),
  open: boolFlag
    .optional()
    .describe(
      '`true`: only complaints whose procedure has not ended (the queue default); `false`: only ended ones',
    ),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Dutch full-text search plus reference, name, address, postcode'),
  sort: z.enum(['due', 'received', 'received_asc']).default('due'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(WORK_QUEUE_PAGE_SIZE),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuery>;

export const complaintPage = z
  .object({ items: z.array(complaintListItem), nextCursor: z.string().nullable() })
  .meta({ id: 'ComplaintPage' });

export const statusCounts = z
  .object({
    counts: z.record(z.string(), z.number().int()),
    overdue: z.number().int(),
    total: z.number().int(),
    totalIsLowerBound: z
      .boolean()
      .describe(
        'true when a search found more matches than are counted (1,000 of each kind): every count is then a lower bound and `total` at most 1,000',
      ),
  })
  .meta({ id: 'ComplaintStatusCounts' });

export const likelyRepeatsQuery = z.object({
  complainantId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  text: z.string().trim().max(20_000).optional(),
});

export const likelyRepeat = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: complaintStatus,
    receivedAt: z.string(),
    description: z.string(),
    similarity: z.number(),
    sameComplainant: z.boolean(),
    sameUnit: z.boolean(),
  })
  .meta({ id: 'LikelyRepeat' });

/** Issue 22: likely duplicates of a registered complaint, or of one being registered. */
export const likelyDuplicatesQuery = z.object({
  complaintId: z.uuid().optional().describe('A registered complaint: its own complainant, text and receipt'),
  complainantId: z.uuid().optional().describe('While registering: the complainant'),
  text: z.string().trim().max(20_000).optional(),
  receivedAt: instant.optional().describe('While registering: when it was received (default now)'),
});

export const likelyDuplicate = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: complaintStatus,
    receivedAt: z.string(),
    description: z.string(),
    similarity: z.number().describe('Share of the shorter text’s significant words in the other (0–1)'),
    daysApart: z.number().int(),
    mergeable: z.boolean().describe('Whether the subject can be merged into it now (decideMerge)'),
  })
  .meta({ id: 'LikelyDuplicate' });

export type RegisterComplaintInput = z.infer<typeof registerComplaintInput>;
export type TriageInputBody = z.infer<typeof triageInput>;
export type TransferInput = z.infer<typeof transferInput>;
export type AssessmentInputBody = z.infer<typeof assessmentInput>;
export type ConfidentialityInputBody = z.infer<typeof confidentialityInput>;
export type LiftConfidentialityInputBody = z.infer<typeof liftConfidentialityInput>;
export type ComplaintDetail = z.infer<typeof complaintDetail>;
export type ComplaintResponsibility = z.infer<typeof complaintResponsibility>;
export type ComplaintListItem = z.infer<typeof complaintListItem>;
