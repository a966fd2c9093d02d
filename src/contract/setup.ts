import { z } from 'zod';
import { SETUP_GAP_KINDS } from '../domain/setup-gaps.ts';
import { emailAddress, staffRole } from './auth.ts';
import { phoneNumber, withoutNul } from './reference-data.ts';

/** The intake department a fresh installation gets unless the administrator names another. */
export const DEFAULT_INTAKE_DEPARTMENT = 'Klantcontact';

const optionalText = (max: number) => withoutNul(z.string().trim().min(1).max(max)).nullable().optional();

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
    intake: z
      .object({
        departmentName: z
          .string()
          .trim()
          .min(1)
          .max(200)
          .default(DEFAULT_INTAKE_DEPARTMENT)
          .describe('Website complaints go to this department; an existing one (from the demo) is reused'),
        administratorTakesCharge: z
          .boolean()
          .default(true)
          .describe(
            'A new intake department gets the administrator as its manager and management assistant, so a ' +
              'website complaint can be answered at once (policy 2.3)',
          ),
      })
      .prefault({}),
    contact: z
      .object({
        phone: phoneNumber.nullable().optional(),
        email: emailAddress.nullable().optional(),
      })
      .prefault({})
      .describe("How tenants reach the corporation (portal, letters); the demo's when empty"),
    committee: z
      .object({
        name: optionalText(200).meta({ example: 'Regionale Klachtencommissie Delfland' }),
        contact: optionalText(1000).meta({ example: 'Postbus 100, 2600 AC Delft' }),
        url: z
          .url({ protocol: /^https?$/ })
          .max(500)
          .nullable()
          .optional(),
      })
      .prefault({})
      .describe("The regional complaints committee (policy 1.3); the demo's when empty"),
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

export const setupGap = z
  .object({
    kind: z
      .enum(SETUP_GAP_KINDS)
      .describe(
        'intake_department_missing: website complaints have no department to go to; ' +
          'intake_department_without_manager: nobody answers for them; ' +
          'department_without_manager: a department nobody is responsible for; ' +
          'department_without_assistant: a department without an active management assistant of its own, so ' +
          'its answers cannot be copied to one (policy 2.3; routing takes the cc from the handling department); ' +
          'contact_details_missing: no phone number or e-mail address for tenants (policy 1.1); ' +
          'committee_details_missing: the regional complaints committee is not named or not reachable (policy 1.3)',
      ),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .meta({ id: 'SetupGap' });

export const setupGaps = z
  .object({ gaps: z.array(setupGap).describe('Empty when nothing is missing; in the order to fix them') })
  .meta({ id: 'SetupGaps' });

export type SetupGapView = z.infer<typeof setupGap>;
export type CompleteSetupInput = z.infer<typeof completeSetupInput>;
