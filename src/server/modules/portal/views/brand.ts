import type { PortalSettingsRow } from '../portal.repository.ts';

export const DEFAULT_BRAND_COLOUR = '#1f4e8c';

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG contrast ratio between a #rrggbb colour and white (text on the colour is white). */
export function contrastWithWhite(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const luminance =
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return 1.05 / (luminance + 0.05);
}

/** White text on the brand colour, and brand-coloured links on the light panels, must stay readable (WCAG 1.4.3: 4.5:1, with a margin for the panel grey); otherwise the default is used. */
export function usableBrandColour(hex: string | null): string {
  return hex !== null && /^#[0-9a-fA-F]{6}$/.test(hex) && contrastWithWhite(hex) >= 5
    ? hex
    : DEFAULT_BRAND_COLOUR;
}

export type Branding = {
  displayName: string;
  logoUrl: string | null;
  colour: string;
  contactPhone: string | null;
  contactEmail: string | null;
  contactHours: string | null;
};

export function brandingOf(settings: PortalSettingsRow): Branding {
  return {
    displayName: settings.display_name ?? settings.organization_name,
    logoUrl: settings.logo_url,
    colour: usableBrandColour(settings.brand_colour),
    contactPhone: settings.contact_phone,
    contactEmail: settings.contact_email,
    contactHours: settings.contact_hours,
  };
}
