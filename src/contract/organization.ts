import { z } from 'zod';

/** What anyone may know about the corporation that serves this address (portal header, login page). */
export const publicOrganization = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string().describe('Name of the housing corporation'),
  })
  .meta({ id: 'PublicOrganization' });

export type PublicOrganization = z.infer<typeof publicOrganization>;

/** Issue 22: the organisation as its administrator edits it: its name and postal address (letters print both). */
export const organizationSettings = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('Name of the housing corporation, on letters and the portal'),
    postalAddress: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .nullable()
      .describe('Where complainants write to, one line per address line; the return address on letters')
      .meta({ example: 'Postbus 100\n2678 ZH Maasland' }),
  })
  .meta({ id: 'OrganizationSettings' });

export type OrganizationSettings = z.infer<typeof organizationSettings>;
