import type {
  CorporationSummary,
  CreateCorporationInput,
  CreatedCorporation,
} from '../../../contract/platform.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { asPlatform, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import {
  assertPasswordAllowed,
  generateToken,
  hashPassword,
  hashToken,
  verifyAgainstDummy,
  verifyPassword,
} from '../auth/index.ts';
import { forgetOrganizationHosts } from '../organization/index.ts';
import * as repository from './platform.repository.ts';

export const PLATFORM_SESSION_COOKIE = 'gehoord_platform_session';
const SESSION_HOURS = 8;
const PASSWORD_LINK_HOURS = 24;
const SETUP_LINK_HOURS = 24;

/** Who acts: a signed-in platform administrator, or the operator at the command line (`npm run org`). */
export type PlatformActor = { adminId: string | null; actor: string; ip: string | null };

/** The link to a host name, with PUBLIC_URL's scheme and port (behind a proxy both are the proxy's). */
export function linkOnHost(publicUrl: string, host: string, pathAndFragment: string): string {
  const base = new URL(publicUrl);
  return `${base.protocol}//${host}${base.port ? `:${base.port}` : ''}${pathAndFragment}`;
}

/** `npm run org -- admin create`: the administrator (new or existing) and a one-time link to set a password. */
export async function createPlatformAdmin(
  db: Database,
  email: string,
  platformBaseUrl: string,
  actor: PlatformActor,
  now: Date,
): Promise<{ link: string; expiresAt: Date }> {
  const address = email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(address) || address.length > 254)
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          in: 'body',
          path: 'email',
          code: 'invalid_email',
          messages: { nl: 'Dit is geen e-mailadres.', en: 'This is not an e-mail address.' },
        },
      ],
    });
  const token = generateToken('ghp_');
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await asPlatform(db, async (trx) => {
    const adminId = await repository.insertAdmin(trx, address);
    await repository.replacePasswordLink(trx, adminId, hashToken(token), expiresAt);
    await repository.insertAudit(trx, { ...actor, action: 'admin_invited', details: { email: address } });
  });
  return { link: `${platformBaseUrl}/platform/wachtwoord#${token}`, expiresAt };
}

/** At first start: the first platform administrator's link when PLATFORM_ADMIN_EMAIL names one and none exists. */
export async function preparePlatformAdminLink(
  db: Database,
  email: string,
  platformBaseUrl: string,
  now: Date,
): Promise<string | null> {
  const existing = await asPlatform(db, (trx) => repository.countAdmins(trx));
  if (existing > 0) return null;
  const { link } = await createPlatformAdmin(
    db,
    email,
    platformBaseUrl,
    { adminId: null, actor: 'first start', ip: null },
    now,
  );
  return link;
}

export async function setPlatformPassword(
  db: Database,
  input: { token: string; password: string },
  ip: string | null,
  now: Date,
): Promise<void> {
  await asPlatform(db, async (trx) => {
    const admin = await repository.usePasswordLink(trx, hashToken(input.token), now);
    if (!admin) throw new AppError('platform_link_invalid');
    assertPasswordAllowed('password', input.password, { email: admin.email, name: admin.email });
    await repository.setPasswordHash(trx, admin.id, await hashPassword(input.password));
    await repository.insertAudit(trx, { adminId: admin.id, actor: admin.email, action: 'password_set', ip });
  });
}

export async function signInPlatform(
  db: Database,
  input: { email: string; password: string },
  ip: string | null,
  now: Date,
): Promise<string> {
  const admin = await asPlatform(db, (trx) => repository.findAdminByEmail(trx, input.email));
  const valid = admin?.password_hash
    ? await verifyPassword(input.password, admin.password_hash)
    : await verifyAgainstDummy(input.password);
  return asPlatform(db, async (trx) => {
    if (!admin || !valid) {
      await repository.insertAudit(trx, {
        adminId: admin?.id ?? null,
        actor: input.email.slice(0, 254) || '-',
        action: 'sign_in_failed',
        ip,
      });
      return null;
    }
    const token = generateToken('ghps_');
    await repository.insertSession(
      trx,
      admin.id,
      hashToken(token),
      new Date(now.getTime() + SESSION_HOURS * 3_600_000),
    );
    await repository.insertAudit(trx, { adminId: admin.id, actor: admin.email, action: 'sign_in', ip });
    return token;
  }).then((token) => {
    // The failure was recorded (committed) before answering.
    if (!token) throw new AppError('invalid_credentials');
    return token;
  });
}

export type PlatformPrincipal = { adminId: string; email: string; sessionId: string };

export async function authenticatePlatform(
  db: Database,
  token: string,
  now: Date,
): Promise<PlatformPrincipal | null> {
  const found = await asPlatform(db, (trx) => repository.findSession(trx, hashToken(token), now));
  return found ?? null;
}

export async function signOutPlatform(db: Database, admin: PlatformPrincipal, ip: string | null) {
  await asPlatform(db, async (trx) => {
    await repository.deleteSession(trx, admin.sessionId);
    await repository.insertAudit(trx, { adminId: admin.adminId, actor: admin.email, action: 'sign_out', ip });
  });
}

function yearBounds(now: Date) {
  const year = now.getUTCFullYear();
  return { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) };
}

type OrganizationRow = Awaited<ReturnType<typeof repository.listOrganizations>>[number];

function toSummary(row: OrganizationRow): CorporationSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    hostnames: row.hostnames,
    locales: row.locales,
    suspendedAt: row.suspended_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    staffAccounts: Number(row.staff_accounts),
    complaintsThisYear: Number(row.complaints_this_year),
  };
}

async function loadOne(trx: Scoped, id: string): Promise<CorporationSummary> {
  const { start, end } = yearBounds(serverNow());
  const [row] = await repository.listOrganizations(trx, start, end, id);
  if (!row) throw new AppError('not_found');
  return toSummary(row);
}

export async function listCorporations(db: Database): Promise<CorporationSummary[]> {
  const { start, end } = yearBounds(serverNow());
  const rows = await asPlatform(db, (trx) => repository.listOrganizations(trx, start, end));
  return rows.map(toSummary);
}

async function assertHostnamesFree(trx: Scoped, hostnames: string[], exceptId?: string) {
  const owner = await repository.findHostnameOwner(trx, hostnames, exceptId);
  if (owner) {
    const taken = hostnames.filter((h) => owner.hostnames.includes(h));
    throw new AppError('hostname_taken', { detail: `Host name already in use: ${taken.join(', ')}` });
  }
}

/** A new corporation with its host names and settings, and the one-time link for its first administrator. */
export async function createCorporation(
  db: Database,
  input: CreateCorporationInput,
  actor: PlatformActor,
  publicUrl: string,
  now: Date,
): Promise<CreatedCorporation> {
  const hostnames = [...new Set(input.hostnames)];
  const token = generateToken('ghi_');
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  const corporation = await asPlatform(db, async (trx) => {
    if (await repository.slugExists(trx, input.slug)) throw new AppError('slug_taken');
    await assertHostnamesFree(trx, hostnames);
    const id = await repository.insertOrganization(trx, { ...input, hostnames });
    await repository.insertSetupToken(trx, id, hashToken(token), expiresAt);
    await repository.insertAudit(trx, {
      ...actor,
      action: 'corporation_created',
      organizationId: id,
      details: { slug: input.slug, hostnames, locales: input.locales },
    });
    return loadOne(trx, id);
  });
  forgetOrganizationHosts();
  return {
    corporation,
    setupUrl: linkOnHost(publicUrl, hostnames[0] as string, `/inrichten#${token}`),
    setupLinkExpiresAt: expiresAt.toISOString(),
  };
}

/** A new setup link for a corporation that has no staff yet (the first one expired or got lost). */
export async function renewSetupLink(
  db: Database,
  id: string,
  actor: PlatformActor,
  publicUrl: string,
  now: Date,
): Promise<CreatedCorporation> {
  const token = generateToken('ghi_');
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  const corporation = await asPlatform(db, async (trx) => {
    const summary = await loadOne(trx, id);
    if (summary.staffAccounts > 0) throw new AppError('already_set_up');
    await repository.insertSetupToken(trx, id, hashToken(token), expiresAt);
    await repository.insertAudit(trx, { ...actor, action: 'setup_link_renewed', organizationId: id });
    return summary;
  });
  return {
    corporation,
    setupUrl: linkOnHost(
      publicUrl,
      corporation.hostnames[0] ?? new URL(publicUrl).hostname,
      `/inrichten#${token}`,
    ),
    setupLinkExpiresAt: expiresAt.toISOString(),
  };
}

export async function changeHostnames(
  db: Database,
  id: string,
  input: { hostnames: string[] },
  actor: PlatformActor,
): Promise<CorporationSummary> {
  const hostnames = [...new Set(input.hostnames)];
  const result = await asPlatform(db, async (trx) => {
    const before = await loadOne(trx, id);
    await assertHostnamesFree(trx, hostnames, id);
    await repository.updateHostnames(trx, id, hostnames);
    await repository.insertAudit(trx, {
      ...actor,
      action: 'hostnames_changed',
      organizationId: id,
      details: { before: before.hostnames, after: hostnames },
    });
    return loadOne(trx, id);
  });
  forgetOrganizationHosts();
  return result;
}

/** Suspend (data kept; staff and portal answer 503, jobs skip it) or resume. */
export async function setCorporationSuspended(
  db: Database,
  id: string,
  suspended: boolean,
  actor: PlatformActor,
  now: Date,
): Promise<CorporationSummary> {
  const result = await asPlatform(db, async (trx) => {
    if (!(await repository.setSuspended(trx, id, suspended ? now : null))) throw new AppError('not_found');
    await repository.insertAudit(trx, {
      ...actor,
      action: suspended ? 'corporation_suspended' : 'corporation_resumed',
      organizationId: id,
    });
    return loadOne(trx, id);
  });
  forgetOrganizationHosts();
  return result;
}
