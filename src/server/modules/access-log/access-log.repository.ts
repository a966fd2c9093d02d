import { sql } from 'kysely';
import type { AccessLogWhat } from '../../db/schema.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import type { Principal } from '../../http/principal.ts';

export type AccessEntry = {
  what: AccessLogWhat;
  complaintId?: string | null;
  personId?: string | null;
  /** Ids and counts only (which file, how many complaints): never content. */
  detail?: Record<string, unknown>;
};

const MAX_USER_AGENT = 500;

/** Who read: a request's principal, or the reader a report job was started by (it runs off the request). */
export type AccessReader = Pick<Principal, 'organizationId' | 'origin'> &
  ({ kind: 'staff'; userId: string } | { kind: 'token'; tokenId: string });

function entryRow(principal: AccessReader, entry: AccessEntry) {
  return {
    organization_id: principal.organizationId,
    complaint_id: entry.complaintId ?? null,
    person_id: entry.personId ?? null,
    user_id: principal.kind === 'staff' ? principal.userId : null,
    token_id: principal.kind === 'token' ? principal.tokenId : null,
    what: entry.what,
    ip: principal.origin?.ip?.slice(0, 100) ?? null,
    user_agent: principal.origin?.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

/**
 * Records one read (or change) of personal data in the caller's transaction: the entry exists exactly when
 * the read happened. Who (user or token), when, what and from where (address and browser).
 */
export async function recordAccess(trx: Scoped, principal: AccessReader, entry: AccessEntry): Promise<void> {
  await trx.insertInto('complaint_access_log').values(entryRow(principal, entry)).execute();
}

/** One entry per complaint shown in a list or file (drill-down rows, outbox rows, a dossier), in one insert. */
export async function recordAccesses(
  trx: Scoped,
  principal: AccessReader,
  entries: readonly AccessEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('complaint_access_log')
    .values(entries.map((entry) => entryRow(principal, entry)))
    .execute();
}

export type AccessLogFilter = {
  from?: Date | undefined;
  until?: Date | undefined;
  userId?: string | undefined;
  complaintId?: string | undefined;
  personId?: string | undefined;
  limit: number;
  beforeId?: number | undefined;
};

/** Newest first. A person's history covers reads of their page and of every complaint they made. */
export async function listAccessLog(trx: Scoped, filter: AccessLogFilter) {
  let query = trx
    .selectFrom('complaint_access_log as l')
    .leftJoin('staff_user as s', 's.id', 'l.user_id')
    .leftJoin('api_token as t', 't.id', 'l.token_id')
    .leftJoin('complaint as c', 'c.id', 'l.complaint_id')
    .select([
      'l.id',
      'l.at',
      'l.what',
      'l.complaint_id',
      'c.reference',
      'l.person_id',
      'l.user_id',
      's.name as userName',
      'l.token_id',
      't.name as tokenName',
      'l.ip',
      'l.user_agent',
      'l.detail',
    ])
    .orderBy('l.id', 'desc')
    .limit(filter.limit);
  if (filter.from) query = query.where('l.at', '>=', filter.from);
  if (filter.until) query = query.where('l.at', '<', filter.until);
  if (filter.userId) query = query.where('l.user_id', '=', filter.userId);
  if (filter.complaintId) query = query.where('l.complaint_id', '=', filter.complaintId);
  if (filter.beforeId !== undefined) query = query.where('l.id', '<', filter.beforeId);
  if (filter.personId) {
    const personId = filter.personId;
    query = query.where((eb) =>
      eb.or([
        eb('l.person_id', '=', personId),
        eb(
          'l.complaint_id',
          'in',
          eb.selectFrom('complaint as own').select('own.id').where('own.complainant_id', '=', personId),
        ),
      ]),
    );
  }
  return query.execute();
}

/** Removes entries older than the keeping period; the owner connection only (the app role may not delete). */
export async function purgeAccessLogBefore(trx: Scoped, before: Date): Promise<number> {
  const result = await sql`delete from complaint_access_log where at < ${before}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** A read of a person's complaint list; an id that is no person here (or elsewhere) leaves no entry. */
export async function recordPersonComplaintsRead(trx: Scoped, principal: Principal, personId: string) {
  const person = await trx.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst();
  if (person) await recordAccess(trx, principal, { what: 'person_complaints', personId });
}
