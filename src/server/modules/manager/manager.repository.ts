import { sql } from 'kysely';
import { APPROVAL_REQUEST_STATUSES } from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { subjectEmployeeDepartment } from '../complaints/index.ts';

/**
 * Employee-caused repeat events with the manager they count for: the manager 2.6 put in charge of the repeat
 * (the employee's own manager), or the complaint's responsible manager for older rows without one.
 */
export async function listEmployeeRepeatEvents(trx: Scoped, managerId: string) {
  return trx
    .selectFrom('complaint_event as e')
    .innerJoin('complaint as c', 'c.id', 'e.complaint_id')
    .leftJoin('staff_user as s', (join) => join.on(sql<boolean>`s.id::text = e.payload->>'employeeId'`))
    .select([
      'e.complaint_id as complaintId',
      'e.at',
      sql<string>`e.payload->>'employeeId'`.as('employeeId'),
      sql<string>`e.payload->>'cause'`.as('cause'),
      sql<string | null>`coalesce(c.repeat->>'managingManagerId', c.responsible_manager_id::text)`.as(
        'managerId',
      ),
      's.name as employeeName',
    ])
    .where('e.type', '=', 'employee_repeat_event')
    .where(
      sql<boolean>`coalesce(c.repeat->>'managingManagerId', c.responsible_manager_id::text) = ${managerId}`,
    )
    .execute();
}

/** Approval requests addressed to this manager that no approval has followed yet, oldest first. */
export async function listWaitingApprovals(trx: Scoped, managerId: string) {
  return trx
    .selectFrom('complaint_event as e')
    .innerJoin('complaint as c', 'c.id', 'e.complaint_id')
    .leftJoin('staff_user as requester', 'requester.id', 'e.actor_user_id')
    .leftJoin('staff_user as handler', 'handler.id', 'c.handler_id')
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .select([
      'c.id as complaintId',
      'c.reference',
      'c.handler_id as handlerId',
      'c.responsible_manager_id as responsibleManagerId',
      'c.department_id as departmentId',
      'c.confidential',
      'c.confidential_reason_code as confidentialReason',
      'c.subject_employee_id as subjectEmployeeId',
      subjectEmployeeDepartment('c').as('subjectEmployeeDepartmentId'),
      'c.due_at as dueAt',
      'e.at as requestedAt',
      'e.summary as note',
      sql<string>`e.payload->>'subject'`.as('subject'),
      'requester.name as requestedByName',
      'handler.name as handlerName',
      'p.name as complainantName',
    ])
    .where('e.type', '=', 'approval_requested')
    .where(sql<boolean>`e.payload->>'managerId' = ${managerId}`)
    .where('c.status', 'in', [...APPROVAL_REQUEST_STATUSES])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('complaint_event as g')
            .select('g.id')
            .whereRef('g.complaint_id', '=', 'e.complaint_id')
            .where('g.type', 'in', ['approval_given', 'approval_refused'])
            .whereRef('g.id', '>', 'e.id'),
        ),
      ),
    )
    .orderBy('e.at', 'asc')
    .orderBy('e.id', 'asc')
    .execute();
}

/**
 * Kind-B findings for this accountable manager (policy 2.4) with when they were referred; the domain decides
 * which still wait for the manager's choice. Withdrawn complaints included: the policy question remains.
 */
export async function listPolicyFindings(trx: Scoped, managerId: string) {
  return trx
    .selectFrom('complaint as c')
    .leftJoin('staff_user as handler', 'handler.id', 'c.handler_id')
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .select([
      'c.id as complaintId',
      'c.reference',
      'c.handler_id as handlerId',
      'c.responsible_manager_id as responsibleManagerId',
      'c.department_id as departmentId',
      'c.confidential',
      'c.confidential_reason_code as confidentialReason',
      'c.subject_employee_id as subjectEmployeeId',
      subjectEmployeeDepartment('c').as('subjectEmployeeDepartmentId'),
      'c.due_at as dueAt',
      'c.has_answer_term as hasAnswerTerm',
      'c.assessment',
      sql<Date | null>`(select max(e.at) from complaint_event e
        where e.complaint_id = c.id and e.type = 'policy_finding_referred')`.as('referredAt'),
      'handler.name as handlerName',
      'p.name as complainantName',
    ])
    .where('c.responsible_manager_id', '=', managerId)
    .where(sql<boolean>`c.assessment->>'kind' = 'disagrees_with_policy'`)
    .orderBy('c.received_at', 'asc')
    .execute();
}
