import type { OrganizationSettings, PublicOrganization } from '../../../contract/organization.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import {
  countOrganizations,
  findOrganizationById,
  findOrganizationSettings,
  insertOrganization,
  listSuspendedOrganizationIds,
  resolveOrganizationIdForHost,
  updateOrganizationSettings,
} from './organization.repository.ts';

const HOST_CACHE_TTL_MS = 30_000;
// The Host header is the caller's to choose: the cache must stay bounded whatever names arrive.
const HOST_CACHE_LIMIT = 1_000;
const hostCache = new Map<string, { id: string | null; expires: number }>();

function remember(key: string, id: string | null, now: number) {
  if (hostCache.size >= HOST_CACHE_LIMIT) {
    for (const [name, entry] of hostCache) if (entry.expires <= now) hostCache.delete(name);
    if (hostCache.size >= HOST_CACHE_LIMIT) hostCache.clear();
  }
  hostCache.set(key, { id, expires: now + HOST_CACHE_TTL_MS });
}

// Suspension (decision 047) is checked on every request, so the set is remembered briefly: another instance
// sees a suspension or resumption within this time; the instance that made the change at once.
const SUSPENDED_TTL_MS = 5_000;
let suspended: { ids: Set<string>; expires: number } | null = null;

/** Whether the organisation is suspended by the platform administrator (its staff and portal answer 503). */
export async function isOrganizationSuspended(db: Database, organizationId: string, now = Date.now()) {
  if (!suspended || suspended.expires <= now)
    suspended = { ids: new Set(await listSuspendedOrganizationIds(db)), expires: now + SUSPENDED_TTL_MS };
  return suspended.ids.has(organizationId);
}

/** After the platform changed host names or suspension: this instance forgets what it remembered. */
export function forgetOrganizationHosts(): void {
  hostCache.clear();
  suspended = null;
}

/** How many host names are remembered now (tests check the bound). */
export const rememberedHostCount = () => hostCache.size;

/** Which organisation a request is for: by host name, else the deployment's default organisation. */
export async function resolveOrganizationForHost(
  db: Database,
  host: string,
  now = Date.now(),
): Promise<string> {
  const key = host.toLowerCase();
  const cached = hostCache.get(key);
  const id = cached && cached.expires > now ? cached.id : await resolveOrganizationIdForHost(db, key);
  if (!cached || cached.expires <= now) remember(key, id, now);
  if (!id) throw new AppError('organization_not_found');
  return id;
}

export async function getPublicOrganization(
  db: Database,
  organizationId: string,
): Promise<PublicOrganization> {
  const organization = await inOrganization(db, organizationId, (trx) =>
    findOrganizationById(trx, organizationId),
  );
  if (!organization) throw new AppError('organization_not_found');
  return organization;
}

/** A fresh installation serves one organisation; create it so the app is usable at once. */
export async function ensureDefaultOrganization(
  owner: Database,
  name = 'Mijn woningcorporatie',
): Promise<boolean> {
  if ((await countOrganizations(owner)) > 0) return false;
  await insertOrganization(owner, { slug: 'standaard', name, isDefault: true });
  return true;
}

/** The organisation's name and postal address as its administrator edits them (issue 22). */
export function getOrganizationSettings(db: Database, staff: StaffPrincipal): Promise<OrganizationSettings> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const row = await findOrganizationSettings(trx, staff.organizationId);
    if (!row) throw new AppError('organization_not_found');
    return { name: row.name, postalAddress: row.postal_address };
  });
}

export function saveOrganizationSettings(
  db: Database,
  staff: StaffPrincipal,
  input: OrganizationSettings,
): Promise<OrganizationSettings> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    if (!(await updateOrganizationSettings(trx, staff.organizationId, input)))
      throw new AppError('organization_not_found');
    return input;
  });
}
