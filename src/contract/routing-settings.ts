import { z } from 'zod';

// The organisation's routing rule (policy 1.3): who handles a complaint about an employee's conduct.

export const routingSettings = z
  .object({
    conductToManager: z
      .boolean()
      .describe(
        "policy 1.3: complaints about an employee's conduct (policy 1.2 category 4, treated wrongly, with an employee as subject) go to that employee's manager instead of the employee, recorded with reason `organization_rule`. Default false.",
      ),
    updatedAt: z.string().nullable().describe('null while the organisation uses the defaults'),
  })
  .meta({ id: 'RoutingSettings' });
export type RoutingSettings = z.infer<typeof routingSettings>;

export const updateRoutingSettingsInput = z
  .object({ conductToManager: z.boolean() })
  .meta({ id: 'UpdateRoutingSettingsInput' });
export type UpdateRoutingSettingsInput = z.infer<typeof updateRoutingSettingsInput>;
