import type { FastifyRequest } from 'fastify';
import type { Database } from '../../../db/database.ts';
import { inOrganization } from '../../../db/tenant-scope.ts';
import { resolveOrganizationForHost } from '../../organization/index.ts';
import { loadPortalSettings, type PortalSettingsRow } from '../portal.repository.ts';
import { type Branding, brandingOf } from '../views/brand.ts';

/** Which corporation this request is for (by host name), with its portal settings and signing secret. */
export type PortalContext = {
  organizationId: string;
  settings: PortalSettingsRow;
  branding: Branding;
  secret: Buffer;
  /** Where links in e-mails point: the host the person used when it is one of the corporation's own. */
  origin: string;
};

export async function loadPortalContext(
  db: Database,
  request: FastifyRequest,
  publicUrl: string,
): Promise<PortalContext> {
  const organizationId = await resolveOrganizationForHost(db, request.hostname);
  const settings = await inOrganization(db, organizationId, (trx) => loadPortalSettings(trx, organizationId));
  return portalContextFrom(request, organizationId, settings, publicUrl);
}

/**
 * The context from settings a page read itself, inside the transaction it opens anyway (the status page:
 * one transaction instead of two, issue 24).
 */
export function portalContextFrom(
  request: FastifyRequest,
  organizationId: string,
  settings: PortalSettingsRow,
  publicUrl: string,
): PortalContext {
  const ownHost = settings.hostnames.includes(request.hostname.toLowerCase());
  return {
    organizationId,
    settings,
    branding: brandingOf(settings),
    secret: settings.form_secret,
    origin: ownHost ? `${new URL(publicUrl).protocol}//${request.host}` : publicUrl,
  };
}
