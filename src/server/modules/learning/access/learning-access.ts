import type { FastifyRequest } from 'fastify';
import { canDoOrganizationAction } from '../../../../domain/index.ts';
import { requireOrganizationPermission, type StaffPrincipal } from '../../../http/principal.ts';

/** Managers, MT, board and admins see and propose; the MT (with board and admin) records and decides (policy 3.1). */
export const requireReviewer = (request: FastifyRequest) =>
  requireOrganizationPermission(request, 'mt_review.propose');
export const requireManagementTeam = (request: FastifyRequest) =>
  requireOrganizationPermission(request, 'mt_review.manage');
export const isManagementTeam = (staff: StaffPrincipal) => canDoOrganizationAction(staff, 'mt_review.manage');
