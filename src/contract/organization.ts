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
