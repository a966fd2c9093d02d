import type { Database } from '../../../db/database.ts';
import { inOrganization } from '../../../db/tenant-scope.ts';
import { resolveOrganizationForHost } from '../../organization/index.ts';
import { findImportOrganization } from './import.repository.ts';

/**
 * The organisation a command-line import writes to: the one whose host name (or slug) is given, else the
 * default organisation. Unlike a web request, a typo must not silently fall back to the default.
 */
export async function resolveImportOrganization(
  db: Database,
  hostOrSlug: string | undefined,
): Promise<{ id: string; name: string } | null> {
  const wanted = hostOrSlug?.trim().toLowerCase() ?? '';
  const id = await resolveOrganizationForHost(db, wanted).catch(() => null);
  if (!id) return null;
  const organization = await inOrganization(db, id, (trx) => findImportOrganization(trx, id));
  if (!organization) return null;
  const matches =
    wanted === ''
      ? organization.isDefault
      : organization.hostnames.includes(wanted) || organization.slug === wanted;
  return matches ? { id, name: organization.name } : null;
}
