import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { employeeRepeatCounts, waitingApprovals } from '../../../contract/manager.ts';
import { bulkAssignInput, bulkAssignResult } from '../../../contract/work-queue.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission, requireStaff } from '../../http/principal.ts';
import { bulkAssign } from './bulk-assignment.service.ts';
import * as service from './manager.service.ts';

export const managerRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/manager/employee-repeat-counts',
    {
      schema: {
        tags: ['manager'],
        summary: 'Repeat complaints caused by my employees’ late, missing or poor answers, per employee',
        description:
          'policy 2.6: "komt dit vaker voor dan weegt dit mee in de beoordeling van deze medewerker". Managers only; each manager sees the repeats they were put in charge of.',
        response: { 200: employeeRepeatCounts },
      },
    },
    async (request) =>
      service.employeeRepeatCounts(db, requireOrganizationPermission(request, 'employee_repeat_events.view')),
  );

  app.get(
    '/api/manager/approvals-waiting',
    {
      schema: {
        tags: ['manager'],
        summary: 'Approval requests addressed to me that are still waiting, oldest first',
        description:
          'policy 2.3, 2.4, 2.6: an answer, compensation, an exception or an extension waits for the manager. Empty for staff nobody asked.',
        response: { 200: waitingApprovals },
      },
    },
    async (request) => service.approvalsWaitingFor(db, requireStaff(request)),
  );

  app.post(
    '/api/complaints/bulk-assign',
    {
      schema: {
        tags: ['manager'],
        summary: 'Assign or reassign several complaints to one handler, each on its own',
        description:
          'issue 22, policy 2.3, 2.6: every complaint is assigned exactly as `POST /api/complaints/{id}/assign` would, in its own transaction and authorised on its own (the accountable manager assigns; others may only pick up unassigned complaints for themselves). The answer lists every complaint with its result; refused ones carry the reason. An unknown or inactive handler refuses the whole request (400, 422).',
        body: bulkAssignInput,
        response: { 200: bulkAssignResult },
      },
    },
    async (request) => bulkAssign(db, requireStaff(request), request.body),
  );
};
