import { z } from 'zod';

// The public portal's settings, as administrators edit them: the corporation's look, contact details,
// where other reports go instead of a complaint (policy 1.2, 2.5 c), and the regional committee (policy 1.3).

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(500)
  .nullable();
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable();

const referralTextSet = z
  .object({
    repair: optionalText(2000).optional(),
    nuisance: optionalText(2000).optional(),
    fraud: optionalText(2000).optional(),
    rent: optionalText(2000).optional(),
  })
  .strict();

export const portalSettings = z
  .object({
    displayName: optionalText(200).describe('Shown in the header; default: the organisation’s name.'),
    logoUrl: httpUrl,
    brandColour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .nullable()
      .describe('Header and button colour; white text on it must reach a contrast of 5:1.'),
    contactPhone: optionalText(40),
    contactEmail: z.email().max(254).nullable(),
    contactHours: optionalText(500),
    websiteUrl: httpUrl,
    repairUrl: httpUrl.describe('Where a first repair request goes instead of a complaint.'),
    nuisanceUrl: httpUrl,
    fraudUrl: httpUrl,
    objectionUrl: httpUrl.describe('The objection procedure for rent increases and service costs.'),
    referralTexts: z
      .object({ nl: referralTextSet.optional(), en: referralTextSet.optional() })
      .strict()
      .describe('Own wording of the route advice per language; unset keeps the default text.'),
    committeeName: optionalText(200),
    committeeContact: optionalText(1000),
    committeeUrl: httpUrl,
    intakeDepartmentId: z
      .uuid()
      .nullable()
      .describe('The department that receives complaints from the portal; its manager answers for them.'),
    statusLinkDaysAfterClose: z.number().int().min(1).max(3650),
  })
  .meta({ id: 'PortalSettings' });

export type PortalSettings = z.infer<typeof portalSettings>;
