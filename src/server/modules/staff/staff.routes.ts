import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createDepartmentInput,
  createdStaffUser,
  createStaffUserInput,
  department,
  idParams,
  staffUser,
  updateDepartmentInput,
  updateStaffUserInput,
} from '../../../contract/staff.ts';
import type { Database } from '../../db/database.ts';
import { clientInfo } from '../../http/authentication.ts';
import { requireOrganizationPermission, requireStaff } from '../../http/principal.ts';
import * as service from './staff.service.ts';

const listUsersQuery = z.object({
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  departmentId: z.uuid().optional(),
  search: z.string().trim().max(100).optional(),
});

export const staffRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  app.get(
    '/api/departments',
    {
      schema: {
        tags: ['staff'],
        summary: 'Departments (afdelingen) with their manager',
        description: 'Every staff member may read this (needed to assign and route complaints).',
        response: { 200: z.array(department) },
      },
    },
    async (request) => service.listDepartments(db, requireStaff(request)),
  );

  app.post(
    '/api/admin/departments',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a department',
        body: createDepartmentInput,
        response: { 201: department },
      },
    },
    async (request, reply) => {
      const staff = requireOrganizationPermission(request, 'admin.manage_users');
      return reply.status(201).send(await service.createDepartment(db, staff, request.body));
    },
  );

  app.patch(
    '/api/admin/departments/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Rename a department, set its manager, or (de)activate it',
        params: idParams,
        body: updateDepartmentInput,
        response: { 200: department },
      },
    },
    async (request) =>
      service.updateDepartment(
        db,
        requireOrganizationPermission(request, 'admin.manage_users'),
        request.params.id,
        request.body,
      ),
  );

  app.get(
    '/api/staff',
    {
      schema: {
        tags: ['staff'],
        summary: 'Staff members (for assigning handlers and managers)',
        querystring: listUsersQuery,
        response: { 200: z.array(staffUser) },
      },
    },
    async (request) => service.listUsers(db, requireStaff(request), request.query),
  );

  app.get(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'One staff account',
        params: idParams,
        response: { 200: staffUser },
      },
    },
    async (request) =>
      service.getUser(db, requireOrganizationPermission(request, 'admin.manage_users'), request.params.id),
  );

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Create a staff account',
        description: 'Without `password` a strong initial password is generated and returned once.',
        body: createStaffUserInput,
        response: { 201: createdStaffUser },
      },
    },
    async (request, reply) => {
      const staff = requireOrganizationPermission(request, 'admin.manage_users');
      return reply.status(201).send(await service.createUser(db, staff, request.body, clientInfo(request)));
    },
  );

  app.patch(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Change a staff account: name, e-mail, department, roles, active',
        description:
          'Deactivating ends all sessions and keeps all history. The last active administrator stays.',
        params: idParams,
        body: updateStaffUserInput,
        response: { 200: staffUser },
      },
    },
    async (request) =>
      service.updateUser(
        db,
        requireOrganizationPermission(request, 'admin.manage_users'),
        request.params.id,
        request.body,
        clientInfo(request),
      ),
  );
};
