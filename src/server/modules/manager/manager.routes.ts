import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { employeeRepeatCounts, waitingApprovals } from '../../../contract/manager.ts';
import type { Database } from '../../db/database.ts';
import { requireOrganizationPermission, requireStaff } from '../../http/principal.ts';
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
};
