import type { FastifyRequest } from 'fastify';
import { canDoOrganizationAction } from '../../../../domain/index.ts';
import { AppError } from '../../../http/app-error.ts';
import { requireStaff, type StaffPrincipal } from '../../../http/principal.ts';

// Who sees which report (policy 2.2, 3.2): the MT, the board and management assistants see every report;
// a manager sees the reports of the departments they manage.

export type ReportViewer = { staff: StaffPrincipal; departmentId: string | null };

export function requireReportViewer(
  request: FastifyRequest,
  departmentId: string | null | undefined,
): ReportViewer {
  const staff = requireStaff(request);
  if (canDoOrganizationAction(staff, 'reports.view_all'))
    return { staff, departmentId: departmentId ?? null };
  if (!canDoOrganizationAction(staff, 'reports.view_department')) throw new AppError('forbidden');
  if (departmentId) {
    if (!staff.managedDepartmentIds.includes(departmentId)) throw new AppError('report_department_required');
    return { staff, departmentId };
  }
  // One department managed: that is the report they mean.
  if (staff.managedDepartmentIds.length === 1)
    return { staff, departmentId: staff.managedDepartmentIds[0] as string };
  throw new AppError('report_department_required');
}

/** The complex dossier holds whole case files with names: for those who see every report only. */
export function requireDossierViewer(request: FastifyRequest): StaffPrincipal {
  const staff = requireStaff(request);
  if (!canDoOrganizationAction(staff, 'reports.view_all')) throw new AppError('forbidden');
  return staff;
}

/** Report jobs are followed by whoever started one: anyone with a report permission. */
export function requireAnyReportPermission(request: FastifyRequest): StaffPrincipal {
  const staff = requireStaff(request);
  if (
    !canDoOrganizationAction(staff, 'reports.view_department') &&
    !canDoOrganizationAction(staff, 'reports.view_all')
  ) {
    throw new AppError('forbidden');
  }
  return staff;
}
