import type { ComplaintResponsibility } from '../../../../contract/complaints.ts';
import { errorCatalog } from '../../../../contract/errors.ts';
import {
  computeAnswerRecipients,
  isStatusIn,
  listResponsibilityProblems,
  MANAGER_TAKES_REASONS,
  type ManagerTakesReason,
  RESPONSIBILITY_OPEN_STATUSES,
  RESPONSIBILITY_PROBLEM_FIXERS,
} from '../../../../domain/index.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import type { ComplaintRow } from '../complaint.repository.ts';
import * as repository from '../complaint.repository.ts';

type Relations = {
  staff: readonly { id: string; name: string; active: boolean }[];
  departments: readonly { id: string; name: string }[];
  contractor: { id: string; name: string } | null;
};

/**
 * Who handles the complaint, where, who is accountable and who gets the cc (policy 1.3, 2.3), with the
 * gaps in the set-up that the domain sees and who can fix them (the admins, or the accountable manager).
 */
export async function buildResponsibility(
  trx: Scoped,
  row: ComplaintRow,
  relations: Relations,
): Promise<ComplaintResponsibility> {
  const person = (id: string | null) => {
    const found = id === null ? undefined : relations.staff.find((s) => s.id === id);
    return id === null ? null : { id, name: found?.name ?? '' };
  };
  const department = (id: string | null) =>
    id === null ? null : { id, name: relations.departments.find((d) => d.id === id)?.name ?? '' };
  const kind = row.subject_kind as NonNullable<ComplaintResponsibility['subject']>['kind'] | null;
  const subject =
    kind === null
      ? null
      : kind === 'employee'
        ? { kind, id: row.subject_employee_id, name: person(row.subject_employee_id)?.name ?? null }
        : kind === 'department'
          ? { kind, id: row.subject_department_id, name: department(row.subject_department_id)?.name ?? null }
          : kind === 'contractor'
            ? { kind, id: row.subject_contractor_id, name: relations.contractor?.name ?? null }
            : { kind, id: null, name: null };
  // policy 2.3: the cc is the domain's own computation, the one the answer step uses
  const recipients = computeAnswerRecipients({
    managerId: row.responsible_manager_id,
    managementAssistantIds: row.management_assistant_ids,
  });
  const cc = recipients.ok
    ? recipients.recipients.cc.flatMap((r) =>
        'userId' in r ? [{ id: r.userId, name: person(r.userId)?.name ?? '', role: r.role }] : [],
      )
    : [];
  const codes = listResponsibilityProblems({
    handlerId: row.handler_id,
    handlerActive: relations.staff.find((s) => s.id === row.handler_id)?.active ?? true,
    departmentId: row.department_id,
    managerId: row.responsible_manager_id,
    assistantIds: row.management_assistant_ids,
    open: isStatusIn(RESPONSIBILITY_OPEN_STATUSES, row.status),
  });
  const needsAdmins = codes.some((code) => RESPONSIBILITY_PROBLEM_FIXERS[code] === 'admin');
  const admins = needsAdmins ? await repository.listActiveAdmins(trx) : [];
  const manager = person(row.responsible_manager_id);
  const takes = row.manager_takes_reason as ManagerTakesReason | null;
  return {
    subject,
    concernedDepartment: department(row.concerned_department_id),
    handler: person(row.handler_id),
    handlingDepartment: department(row.department_id),
    accountableManager: manager,
    managerTakes:
      takes === null
        ? null
        : { reason: takes, ...(MANAGER_TAKES_REASONS[takes] ?? { nl: takes, en: takes }) },
    cc,
    problems: codes.map((code) => {
      const fixedBy = RESPONSIBILITY_PROBLEM_FIXERS[code];
      return {
        code,
        nl: errorCatalog[code].nl,
        en: errorCatalog[code].en,
        fixedBy,
        fixers: fixedBy === 'admin' ? admins : manager === null ? [] : [manager],
      };
    }),
  };
}
