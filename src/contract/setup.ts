import { z } from 'zod';
import { emailAddress, staffRole } from './auth.ts';

export const setupTokenInput = z
  .object({ token: z.string().min(10).max(200) })
  .meta({ id: 'SetupTokenInput' });

export const setupStatus = z
  .object({ valid: z.literal(true), organizationName: z.string() })
  .meta({ id: 'SetupStatus' });

export const completeSetupInput = z
  .object({
    token: z.string().min(10).max(200),
    organizationName: z.string().trim().min(1).max(200).meta({ example: 'Wonen Midden-Delfland' }),
    administrator: z.object({
      name: z.string().trim().min(1).max(200),
      email: emailAddress,
      password: z.string().min(1).max(1024),
    }),
    loadDemo: z
      .boolean()
      .default(false)
      .describe('Also create the demo organisation: departments, staff, complexes'),
  })
  .meta({ id: 'CompleteSetupInput' });

export const demoAccount = z.object({
  name: z.string(),
  email: z.string(),
  roles: z.array(staffRole),
  department: z.string().nullable(),
  password: z.string().describe('Shown this once'),
});

export const setupResult = z
  .object({ demoAccounts: z.array(demoAccount).describe('Empty unless the demo was loaded') })
  .meta({ id: 'SetupResult' });

export type DemoAccount = z.infer<typeof demoAccount>;
