import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { quarterThemes, themeRequest } from '../../../contract/complaint-themes.ts';
import {
  actionDetail,
  actionListQuery,
  agenda,
  decisionInput,
  idParams,
  improvementAction,
  meeting,
  mergeIssuesInput,
  newActionInput,
  newMeetingInput,
  policyIssue,
  policyIssueListQuery,
  proposeIssueInput,
  quarter,
  quarterFigures,
  updateActionInput,
  updateMeetingInput,
} from '../../../contract/learning.ts';
import type { Quarter } from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { requireManagementTeam, requireReviewer } from './access/learning-access.ts';
import { createAction, getAction, listActions, updateAction } from './improvement-actions.service.ts';
import { exportMeetingPdf } from './meeting-pdf.service.ts';
import {
  approveMeeting,
  buildAgenda,
  computeQuarterFigures,
  createMeeting,
  getMeeting,
  recordDecision,
  updateMeeting,
} from './mt-review.service.ts';
import { listPolicyIssues, mergePolicyIssues, proposePolicyIssue } from './policy-issues.service.ts';
import { getQuarterThemes, requestThemes } from './themes.service.ts';

const tags = ['mt review'];
const quarterParams = z.object({ quarter });

export const learningRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const scoped = <T>(organizationId: string, work: Parameters<typeof inOrganization<T>>[2]) =>
    inOrganization(db, organizationId, work);

  app.get(
    '/api/mt/quarters/:quarter/agenda',
    {
      schema: {
        tags,
        summary:
          "The quarter's agenda: figures, repeats, exceptions, policy issues, open improvement actions",
        description: 'policy 3.1. Managers, MT, board and admins.',
        params: quarterParams,
        response: { 200: agenda },
      },
    },
    async (request) => {
      const staff = requireReviewer(request);
      return scoped(staff.organizationId, (trx) =>
        buildAgenda(trx, staff, request.params.quarter as Quarter, serverNow()),
      );
    },
  );

  app.get(
    '/api/mt/quarters/:quarter/figures',
    {
      schema: {
        tags,
        summary: "The quarter's figures (policy 3.2)",
        params: quarterParams,
        response: { 200: quarterFigures },
      },
    },
    async (request) => {
      const staff = requireReviewer(request);
      return scoped(staff.organizationId, (trx) =>
        computeQuarterFigures(trx, request.params.quarter as Quarter),
      );
    },
  );

  app.get(
    '/api/mt/quarters/:quarter/themes',
    {
      schema: {
        tags,
        summary: "The quarter's recurring themes (policy 3.1): size, trend, departments, top terms, examples",
        description:
          'Computed by the worker (decision 049), never in the request. Sizes count every complaint; examples ' +
          'name only complaints the reader may know of. Managers, MT, board and admins.',
        params: quarterParams,
        response: { 200: quarterThemes },
      },
    },
    async (request) => {
      const staff = requireReviewer(request);
      return scoped(staff.organizationId, (trx) =>
        getQuarterThemes(trx, staff, request.params.quarter as Quarter),
      );
    },
  );

  app.post(
    '/api/mt/quarters/:quarter/themes/run',
    {
      schema: {
        tags,
        summary: "Ask the worker to (re)compute the quarter's themes; it does so within a minute",
        params: quarterParams,
        response: { 202: themeRequest },
      },
    },
    async (request, reply) => {
      const staff = requireReviewer(request);
      const requested = await scoped(staff.organizationId, (trx) =>
        requestThemes(trx, staff, request.params.quarter as Quarter, serverNow()),
      );
      return reply.status(202).send(requested);
    },
  );

  app.get(
    '/api/mt/policy-issues',
    {
      schema: {
        tags,
        summary: "The MT's list: policy wrong or missing, exceptions, improvement suggestions, proposals",
        querystring: policyIssueListQuery,
        response: { 200: z.array(policyIssue) },
      },
    },
    async (request) => {
      const staff = requireReviewer(request);
      return scoped(staff.organizationId, (trx) => listPolicyIssues(trx, staff, request.query.status));
    },
  );

  app.post(
    '/api/mt/policy-issues',
    {
      schema: {
        tags,
        summary: 'Propose an item for the MT (managers and up)',
        body: proposeIssueInput,
        response: { 201: policyIssue },
      },
    },
    async (request, reply) => {
      const staff = requireReviewer(request);
      const created = await scoped(staff.organizationId, (trx) =>
        proposePolicyIssue(trx, staff, request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/mt/policy-issues/merge',
    {
      schema: {
        tags,
        summary: 'Merge items about the same policy (MT)',
        body: mergeIssuesInput,
        response: { 200: policyIssue },
      },
    },
    async (request) => {
      const staff = requireManagementTeam(request);
      return scoped(staff.organizationId, (trx) => mergePolicyIssues(trx, staff, request.body));
    },
  );

  app.post(
    '/api/mt/meetings',
    {
      schema: {
        tags,
        summary: 'Record an MT meeting (draft)',
        body: newMeetingInput,
        response: { 201: meeting },
      },
    },
    async (request, reply) => {
      const staff = requireManagementTeam(request);
      return reply
        .status(201)
        .send(await scoped(staff.organizationId, (trx) => createMeeting(trx, staff, request.body)));
    },
  );

  app.get(
    '/api/mt/meetings/:id',
    {
      schema: {
        tags,
        summary: 'An MT meeting with its decisions',
        params: idParams,
        response: { 200: meeting },
      },
    },
    async (request) => {
      const staff = requireReviewer(request);
      return scoped(staff.organizationId, (trx) => getMeeting(trx, request.params.id));
    },
  );

  app.get(
    '/api/mt/meetings/:id/pdf',
    {
      schema: {
        tags,
        summary: "The meeting's record as a PDF for the minutes archive",
        description:
          'Quarter, date, attendees, minutes and every decision (with the improvement action it created); ' +
          '"Vastgesteld op … door …" once approved, otherwise marked as a draft. Managers, MT, board and admins.',
        params: idParams,
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const staff = requireReviewer(request);
      const { pdf, fileName } = await exportMeetingPdf(db, staff, request.params.id, serverNow());
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.patch(
    '/api/mt/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Change date, attendees or minutes (not after approval)',
        params: idParams,
        body: updateMeetingInput,
        response: { 200: meeting },
      },
    },
    async (request) => {
      const staff = requireManagementTeam(request);
      return scoped(staff.organizationId, (trx) => updateMeeting(trx, request.params.id, request.body));
    },
  );

  app.post(
    '/api/mt/meetings/:id/decisions',
    {
      schema: {
        tags,
        summary:
          'Record a decision on an item; `new_action` creates the improvement action with its complaints',
        params: idParams,
        body: decisionInput,
        response: { 200: meeting },
      },
    },
    async (request) => {
      const staff = requireManagementTeam(request);
      return scoped(staff.organizationId, (trx) =>
        recordDecision(trx, staff, request.params.id, request.body, serverNow()),
      );
    },
  );

  app.post(
    '/api/mt/meetings/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve the minutes; the record is locked from then on',
        params: idParams,
        response: { 200: meeting },
      },
    },
    async (request) => {
      const staff = requireManagementTeam(request);
      return scoped(staff.organizationId, (trx) =>
        approveMeeting(trx, staff, request.params.id, serverNow()),
      );
    },
  );

  app.get(
    '/api/improvement-actions',
    {
      schema: {
        tags,
        summary: 'The register of improvement actions (verbeteracties)',
        querystring: actionListQuery,
        response: { 200: z.array(improvementAction) },
      },
    },
    async (request) => {
      const staff = requireReviewer(request);
      return scoped(staff.organizationId, (trx) => listActions(trx, staff, request.query, serverNow()));
    },
  );

  app.post(
    '/api/improvement-actions',
    {
      schema: {
        tags,
        summary: 'Create an improvement action (agreed when the MT creates it, proposed when a manager does)',
        body: newActionInput,
        response: { 201: improvementAction },
      },
    },
    async (request, reply) => {
      const staff = requireReviewer(request);
      return reply
        .status(201)
        .send(
          await scoped(staff.organizationId, (trx) => createAction(trx, staff, request.body, serverNow())),
        );
    },
  );

  app.get(
    '/api/improvement-actions/:id',
    {
      schema: {
        tags,
        summary: 'An improvement action with its complaints, notes and effect on later complaints',
        params: idParams,
        response: { 200: actionDetail },
      },
    },
    async (request) => {
      const staff = requireReviewer(request);
      return scoped(staff.organizationId, (trx) => getAction(trx, staff, request.params.id, serverNow()));
    },
  );

  app.patch(
    '/api/improvement-actions/:id',
    {
      schema: {
        tags,
        summary: 'Update status, owner, due date or add a progress note (MT, or the owner)',
        params: idParams,
        body: updateActionInput,
        response: { 200: actionDetail },
      },
    },
    async (request) => {
      const staff = requireReviewer(request);
      return scoped(staff.organizationId, (trx) =>
        updateAction(trx, staff, request.params.id, request.body, serverNow()),
      );
    },
  );
};
