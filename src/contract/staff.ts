import { z } from 'zod';
import { emailAddress, staffRole } from './auth.ts';

const name = z.string().trim().min(1).max(200);

export const department = z
  .object({
    id: z.uuid(),
    name: z.string(),
    managerUserId: z.uuid().nullable(),
    managerName: z.string().nullable(),
    active: z.boolean(),
    staffCount: z.number().int(),
  })
  .meta({ id: 'Department' });

export const createDepartmentInput = z
  .object({
    name: z.string().trim().min(1).max(120).meta({ example: 'Vastgoed & Onderhoud' }),
    managerUserId: z.uuid().nullable().optional(),
  })
  .meta({ id: 'CreateDepartmentInput' });

export const updateDepartmentInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    managerUserId: z.uuid().nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateDepartmentInput' });

export const staffUser = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    roles: z.array(staffRole),
    active: z.boolean(),
    secondFactorEnabled: z.boolean(),
    ssoLinkAllowed: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StaffUser' });

export const createStaffUserInput = z
  .object({
    name: name.meta({ example: 'Jan de Vries' }),
    email: emailAddress,
    departmentId: z.uuid().nullable().optional(),
    roles: z.array(staffRole).min(1).max(7),
    password: z
      .string()
      .max(1024)
      .optional()
      .describe('Initial password; when omitted a strong one is generated and returned once'),
    ssoLinkAllowed: z.boolean().optional().describe('Allow the first single sign-on login to link by e-mail'),
  })
  .meta({ id: 'CreateStaffUserInput' });

export const updateStaffUserInput = z
  .object({
    name: name.optional(),
    email: emailAddress.optional(),
    departmentId: z.uuid().nullable().optional(),
    roles: z.array(staffRole).min(1).max(7).optional(),
    active: z.boolean().optional().describe('false deactivates: sessions end, history stays'),
    ssoLinkAllowed: z.boolean().optional(),
  })
  .meta({ id: 'UpdateStaffUserInput' });

export const createdStaffUser = z
  .object({
    user: staffUser,
    initialPassword: z.string().nullable().describe('Only when generated: shown this once, never again'),
  })
  .meta({ id: 'CreatedStaffUser' });

export const idParams = z.object({ id: z.uuid() });

export type StaffUser = z.infer<typeof staffUser>;
export type Department = z.infer<typeof department>;
