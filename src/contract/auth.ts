import { z } from 'zod';
import { STAFF_ROLES } from '../domain/permissions.ts';

export const staffRole = z.enum(STAFF_ROLES).meta({
  id: 'StaffRole',
  description:
    'employee = medewerker, manager = leidinggevende, management_assistant = managementassistent, ' +
    'management_team = MT, board = directie, legal = jurist, admin = beheerder, ' +
    'privacy_officer = functionaris gegevensbescherming (privacy officer)',
});

export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254))
  .meta({ example: 'j.devries@wonenmiddendelfland.nl' });

export const loginInput = z
  .object({
    email: emailAddress,
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'LoginInput' });

export const secondFactorInput = z
  .object({
    code: z
      .string()
      .regex(/^\s*\d{3}\s?\d{3}\s*$/)
      .meta({ example: '123456', description: 'Six digits from the authenticator app' }),
  })
  .meta({ id: 'SecondFactorInput' });

export const currentUser = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    roles: z.array(staffRole),
    departmentId: z.uuid().nullable(),
    managedDepartmentIds: z.array(z.uuid()),
    organizationId: z.uuid(),
    secondFactorEnabled: z.boolean(),
    mustEnrollSecondFactor: z.boolean(),
  })
  .meta({ id: 'CurrentUser' });

/**
 * Whether this browser has a complete staff session (the web app's probe before it shows a page). Answers 200
 * either way, so a visitor on the sign-in page gets no 401 in the console; `/api/auth/me` keeps its 401.
 */
export const sessionState = z
  .object({
    signedIn: z.boolean().describe('False without a session, or while the second step of sign-in is pending'),
    user: currentUser.nullable(),
  })
  .meta({ id: 'SessionState' });

export const loginResult = z
  .object({
    status: z.enum(['signed_in', 'second_factor_required']),
  })
  .meta({ id: 'LoginResult' });

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(1024),
    newPassword: z.string().min(1).max(1024),
  })
  .meta({ id: 'ChangePasswordInput' });

export const secondFactorSetup = z
  .object({
    secret: z.string().describe('Base32 secret, for manual entry'),
    otpauthUri: z.string().describe('otpauth:// URI, for a QR code'),
  })
  .meta({ id: 'SecondFactorSetup' });

export const disableSecondFactorInput = z
  .object({ password: z.string().min(1).max(1024), code: secondFactorInput.shape.code })
  .meta({ id: 'DisableSecondFactorInput' });

export type LoginInput = z.infer<typeof loginInput>;
export type CurrentUser = z.infer<typeof currentUser>;
export type SessionState = z.infer<typeof sessionState>;
