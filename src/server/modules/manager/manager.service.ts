import type { EmployeeRepeatCountView, WaitingApproval } from '../../../contract/manager.ts';
import { APPROVAL_SUBJECTS } from '../../../contract/manager.ts';
import {
  type Assessment,
  type ConfidentialityReason,
  canSeeComplaint,
  countRepeatEventsPerEmployee,
  EMPLOYEE_RESPONSE_CAUSES,
  type EmployeeResponseCause,
  isAwaitingManagerRoute,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { reviveDates } from '../complaints/index.ts';
import * as repository from './manager.repository.ts';

const isCause = (value: string): value is EmployeeResponseCause =>
  Object.hasOwn(EMPLOYEE_RESPONSE_CAUSES, value);
const isSubject = (value: string): value is WaitingApproval['subject'] =>
  (APPROVAL_SUBJECTS as readonly string[]).includes(value);

/** Policy 2.6: the counts are for the employee's own manager, so the domain decides who sees which events. */
export async function employeeRepeatCounts(
  db: Database,
  manager: StaffPrincipal,
): Promise<{ items: EmployeeRepeatCountView[] }> {
  const rows = await inOrganization(db, manager.organizationId, (trx) =>
    repository.listEmployeeRepeatEvents(trx, manager.userId),
  );
  const names = new Map(rows.map((row) => [row.employeeId, row.employeeName]));
  const events = rows.flatMap((row) =>
    row.managerId !== null && isCause(row.cause)
      ? [
          {
            employeeId: row.employeeId,
            managerId: row.managerId,
            complaintId: row.complaintId,
            cause: row.cause,
            at: row.at,
          },
        ]
      : [],
  );
  const outcome = countRepeatEventsPerEmployee(events, { userId: manager.userId, role: 'manager' });
  if (!outcome.ok) throw new AppError('forbidden');
  return {
    items: outcome.counts.map((count) => ({
      ...count,
      employeeName: names.get(count.employeeId) ?? null,
    })),
  };
}

export async function approvalsWaitingFor(
  db: Database,
  manager: StaffPrincipal,
): Promise<{ items: WaitingApproval[] }> {
  const [rows, findings] = await inOrganization(db, manager.organizationId, (trx) =>
    Promise.all([
      repository.listWaitingApprovals(trx, manager.userId),
      repository.listPolicyFindings(trx, manager.userId),
    ]),
  );
  // Several requests for one subject before a decision: the oldest says how long it has been waiting.
  const seen = new Set<string>();
  const items: WaitingApproval[] = [];
  for (const row of rows) {
    const key = `${row.complaintId}/${row.subject}`;
    if (seen.has(key) || !isSubject(row.subject)) continue;
    if (
      !canSeeComplaint(manager, {
        ...row,
        confidentialReason: row.confidentialReason as ConfidentialityReason | null,
      })
    )
      continue;
    seen.add(key);
    items.push({
      complaintId: row.complaintId,
      reference: row.reference,
      version: row.version,
      subject: row.subject,
      amountCents:
        row.subject === 'compensation' && row.amountCents !== null ? Number(row.amountCents) : null,
      note: row.note,
      requestedAt: row.requestedAt.toISOString(),
      requestedByName: row.requestedByName,
      handlerName: row.handlerName,
      complainantName: row.complainantName,
      dueAt: row.dueAt.toISOString(),
    });
  }
  // policy 2.4: a wrong or missing policy waits for the manager's choice from the moment it is assessed
  for (const row of findings) {
    const assessment = reviveDates<Assessment | null>(row.assessment);
    const access = { ...row, confidentialReason: row.confidentialReason as ConfidentialityReason | null };
    if (!isAwaitingManagerRoute(assessment) || !canSeeComplaint(manager, access)) continue;
    if (assessment?.kind !== 'disagrees_with_policy') continue;
    items.push({
      complaintId: row.complaintId,
      reference: row.reference,
      version: null,
      subject: 'policy_finding',
      amountCents: null,
      finding: assessment.finding,
      note: null,
      requestedAt: (row.referredAt ?? new Date(0)).toISOString(),
      requestedByName: null,
      handlerName: row.handlerName,
      complainantName: row.complainantName,
      dueAt: row.hasAnswerTerm ? row.dueAt.toISOString() : null,
    });
  }
  return { items };
}
