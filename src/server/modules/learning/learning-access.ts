import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../contract/problem.ts';
import { canDoOrganizationAction } from '../../../domain/index.ts';
import { AppError } from '../../http/app-error.ts';
import { requireOrganizationPermission, type StaffPrincipal } from '../../http/principal.ts';

/** Managers, MT, board and admins see and propose; the MT (with board and admin) records and decides (policy 3.1). */
export const requireReviewer = (request: FastifyRequest) =>
  requireOrganizationPermission(request, 'mt_review.propose');
export const requireManagementTeam = (request: FastifyRequest) =>
  requireOrganizationPermission(request, 'mt_review.manage');
export const isManagementTeam = (staff: StaffPrincipal) => canDoOrganizationAction(staff, 'mt_review.manage');

export function unknownIds(path: string): AppError {
  const error: FieldError = {
    in: 'body',
    path,
    code: 'invalid_reference',
    messages: { nl: 'Deze bestaat niet (meer).', en: 'This does not exist (any more).' },
  };
  return new AppError('validation_failed', { fieldErrors: [error] });
}
