import { z } from 'zod';
import { ACTION_STATUSES, MT_DECISIONS, POLICY_ISSUE_SOURCES } from '../domain/index.ts';

const keys = <T extends Record<string, unknown>>(record: T) =>
  z.enum(Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]);

export const quarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/)
  .meta({ id: 'Quarter', example: '2026-Q3' });
export const policyIssueSource = keys(POLICY_ISSUE_SOURCES);
export const mtDecision = keys(MT_DECISIONS);
export const actionStatus = keys(ACTION_STATUSES).meta({ id: 'ImprovementActionStatus' });
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const ref = z.object({ id: z.uuid(), name: z.string() }).nullable();
const complaintRef = z.object({ id: z.uuid(), reference: z.string() });

export const idParams = z.object({ id: z.uuid() });

export const policyIssue = z
  .object({
    id: z.uuid(),
    source: policyIssueSource,
    title: z.string(),
    description: z.string().nullable(),
    raisedBy: ref,
    status: z.enum(['open', 'decided', 'merged']),
    mergedIntoId: z.uuid().nullable(),
    complaints: z.array(complaintRef),
    createdAt: z.string(),
  })
  .meta({ id: 'PolicyIssue' });

export const proposeIssueInput = z
  .object({
    title: text(300),
    description: optionalText(20_000),
    complaintIds: z.array(z.uuid()).max(100).default([]),
  })
  .meta({ id: 'ProposePolicyIssue' });

export const mergeIssuesInput = z
  .object({ intoId: z.uuid(), issueIds: z.array(z.uuid()).min(1).max(100) })
  .meta({ id: 'MergePolicyIssues' });

export const policyIssueListQuery = z.object({
  status: z.enum(['open', 'decided', 'merged']).optional(),
});

const count = z.object({ key: z.string().nullable(), label: z.string(), count: z.number().int() });

export const quarterFigures = z
  .object({
    quarter,
    received: z.number().int(),
    byCategory: z.array(count),
    byDepartment: z.array(count),
    byComplex: z.array(count),
    answered: z.number().int(),
    answeredOnTime: z.number().int(),
    onTimeRate: z.number().nullable(),
    repeats: z.number().int(),
    outsideProcedureByGround: z.array(count),
    compensationPaidCents: z.number().int(),
    satisfaction: z
      .object({
        responses: z.number().int(),
        averageHandling: z
          .number()
          .nullable()
          .describe('Mean handling score; null on fewer than 5 responses (decision 050)'),
        averageOutcome: z
          .number()
          .nullable()
          .describe('Mean outcome score; null on fewer than 5 responses (decision 050)'),
      })
      .nullable(),
  })
  .meta({ id: 'QuarterFigures' });

export const improvementAction = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    owner: ref,
    department: ref,
    dueOn: z.string().nullable(),
    status: actionStatus,
    overdue: z.boolean(),
    droppedReason: z.string().nullable(),
    result: z.string().nullable(),
    scope: z.object({
      category: z.string().nullable(),
      housingComplexId: z.uuid().nullable(),
      contractorId: z.uuid().nullable(),
    }),
    complaints: z.array(complaintRef),
    policyIssueIds: z.array(z.uuid()),
    /** The quarter's theme the action was made from (issue 26), if any. */
    sourceTheme: z
      .object({ quarter, key: z.string(), name: z.string(), size: z.number().int() })
      .nullable()
      .default(null),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .meta({ id: 'ImprovementAction' });

export const agenda = z
  .object({
    quarter,
    figures: quarterFigures,
    repeatComplaints: z.array(complaintRef.extend({ rung: z.string().nullable() })),
    exceptions: z.array(policyIssue),
    policyIssues: z.array(policyIssue),
    openActions: z.array(improvementAction),
    meetings: z.array(z.object({ id: z.uuid(), heldOn: z.string(), status: z.enum(['draft', 'approved']) })),
  })
  .meta({ id: 'MtAgenda' });

export const newActionInput = z
  .object({
    title: text(300),
    description: optionalText(20_000),
    ownerId: z.uuid().nullish(),
    departmentId: z.uuid().nullish(),
    dueOn: z.iso.date().nullish(),
    complaintIds: z.array(z.uuid()).max(200).default([]),
    policyIssueIds: z.array(z.uuid()).max(100).default([]),
    theme: z
      .object({ quarter, key: z.string().min(1).max(400) })
      .optional()
      .describe(
        "Made from this quarter's theme: its complaints the caller may know of are linked (issue 26).",
      ),
    scope: z
      .object({
        category: z.string().max(60).nullish(),
        housingComplexId: z.uuid().nullish(),
        contractorId: z.uuid().nullish(),
      })
      .optional(),
  })
  .meta({ id: 'NewImprovementAction' });

export const updateActionInput = z
  .object({
    status: actionStatus.optional(),
    reason: optionalText(5000).describe('Required when dropping the action.'),
    result: optionalText(20_000).describe('Required when the action is done.'),
    ownerId: z.uuid().nullish(),
    dueOn: z.iso.date().nullish(),
    note: optionalText(20_000).describe('A progress note.'),
  })
  .meta({ id: 'UpdateImprovementAction' });

export const actionListQuery = z.object({
  status: actionStatus.optional(),
  ownerId: z.union([z.uuid(), z.literal('me')]).optional(),
  departmentId: z.uuid().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const actionDetail = improvementAction
  .extend({
    notes: z.array(
      z.object({
        kind: z.enum(['note', 'status_change']),
        text: z.string(),
        author: z.string(),
        at: z.string(),
      }),
    ),
    effect: z
      .object({
        basis: z.string().describe('Which complaints are counted: the same category / complex / contractor.'),
        quarters: z.array(z.object({ quarter, count: z.number().int(), afterCompletion: z.boolean() })),
      })
      .nullable(),
  })
  .meta({ id: 'ImprovementActionDetail' });

export const newMeetingInput = z
  .object({
    quarter,
    heldOn: z.iso.date(),
    attendeeIds: z.array(z.uuid()).max(50).default([]),
    otherAttendees: optionalText(2000),
    minutes: z.string().max(100_000).default(''),
  })
  .meta({ id: 'NewMtMeeting' });

export const updateMeetingInput = newMeetingInput
  .partial()
  .omit({ quarter: true })
  .meta({ id: 'UpdateMtMeeting' });

export const decisionInput = z
  .object({
    policyIssueId: z.uuid().nullish(),
    subject: text(500),
    decision: mtDecision,
    reason: optionalText(10_000),
    action: newActionInput.omit({ policyIssueIds: true }).optional(),
  })
  .meta({ id: 'MtDecisionInput' });

export const meeting = z
  .object({
    id: z.uuid(),
    quarter,
    heldOn: z.string(),
    attendees: z.array(z.object({ id: z.uuid(), name: z.string() })),
    otherAttendees: z.string().nullable(),
    minutes: z.string(),
    status: z.enum(['draft', 'approved']),
    approvedAt: z.string().nullable(),
    approvedBy: ref,
    decisions: z.array(
      z.object({
        id: z.uuid(),
        policyIssueId: z.uuid().nullable(),
        subject: z.string(),
        decision: mtDecision,
        reason: z.string().nullable(),
        improvementActionId: z.uuid().nullable(),
        decidedBy: z.string(),
        at: z.string(),
      }),
    ),
  })
  .meta({ id: 'MtMeeting' });
