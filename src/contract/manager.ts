import { z } from 'zod';
import { EMPLOYEE_RESPONSE_CAUSES } from '../domain/index.ts';

const causes = Object.keys(EMPLOYEE_RESPONSE_CAUSES) as (keyof typeof EMPLOYEE_RESPONSE_CAUSES)[];

export const employeeRepeatCount = z
  .object({
    employeeId: z.uuid(),
    employeeName: z.string().nullable(),
    count: z.number().int(),
    causes: z.object(
      Object.fromEntries(causes.map((c) => [c, z.number().int()])) as Record<
        (typeof causes)[number],
        z.ZodNumber
      >,
    ),
  })
  .meta({ id: 'EmployeeRepeatCount' });

export const employeeRepeatCounts = z.object({ items: z.array(employeeRepeatCount) }).meta({
  id: 'EmployeeRepeatCounts',
  description:
    'Repeat complaints caused by a late, missing or poor answer, per employee, for their own manager only (policy 2.6).',
});

export const APPROVAL_SUBJECTS = [
  'answer',
  'compensation',
  'manager_decision',
  'extension',
  // policy 2.4: a wrong or missing policy, waiting for "op de MT-agenda" or "zelf beslissen"
  'policy_finding',
] as const;

export const waitingApproval = z
  .object({
    complaintId: z.uuid(),
    reference: z.string(),
    version: z
      .number()
      .int()
      .nullable()
      .describe("The complaint's version for If-Match when deciding in place; null for a policy finding."),
    subject: z.enum(APPROVAL_SUBJECTS),
    amountCents: z
      .number()
      .int()
      .nullable()
      .describe('For subject `compensation`: the amount (euro cents) awaiting approval.'),
    finding: z
      .enum(['policy_right', 'policy_wrong', 'policy_wrong_in_this_case', 'policy_missing'])
      .optional()
      .describe('For subject `policy_finding`: what the assessment found (policy 2.4).'),
    note: z.string().nullable(),
    requestedAt: z.iso.datetime(),
    requestedByName: z.string().nullable(),
    handlerName: z.string().nullable(),
    complainantName: z.string().nullable(),
    dueAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'WaitingApproval' });

export const waitingApprovals = z
  .object({ items: z.array(waitingApproval) })
  .meta({ id: 'WaitingApprovals' });

export type EmployeeRepeatCountView = z.infer<typeof employeeRepeatCount>;
export type WaitingApproval = z.infer<typeof waitingApproval>;
