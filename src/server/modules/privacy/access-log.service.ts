import type { z } from 'zod';
import type { accessLogEntry, accessLogQuery } from '../../../contract/privacy.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { listAccessLog, recordAccess } from './access-log.repository.ts';

type Query = Partial<z.infer<typeof accessLogQuery>>;
type Entry = z.infer<typeof accessLogEntry>;

function filterOf(query: Query, limit: number) {
  return {
    from: query.from ? new Date(query.from) : undefined,
    until: query.until ? new Date(query.until) : undefined,
    userId: query.userId,
    complaintId: query.complaintId,
    personId: query.personId,
    beforeId: query.before,
    limit,
  };
}

function toEntry(row: Awaited<ReturnType<typeof listAccessLog>>[number]): Entry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    what: row.what,
    complaintId: row.complaint_id,
    reference: row.reference,
    personId: row.person_id,
    userId: row.user_id,
    userName: row.userName,
    tokenId: row.token_id,
    tokenName: row.tokenName,
    ip: row.ip,
    userAgent: row.user_agent,
    detail: row.detail,
  };
}

export async function readAccessLog(db: Database, staff: StaffPrincipal, query: Query) {
  const limit = query.limit ?? 100;
  const rows = await inOrganization(db, staff.organizationId, (trx) =>
    listAccessLog(trx, filterOf(query, limit + 1)),
  );
  const page = rows.slice(0, limit).map(toEntry);
  return { items: page, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

const EXPORT_LIMIT = 1_000_000;

/** The log as a file; that somebody exported it is logged too (with the filters, never the content). */
export async function exportAccessLog(db: Database, staff: StaffPrincipal, query: Query): Promise<Entry[]> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const rows = await listAccessLog(trx, filterOf(query, EXPORT_LIMIT));
    // the filters go into the detail: an id that names nothing must not break the export
    await recordAccess(trx, staff, {
      what: 'access_log_export',
      detail: { rows: rows.length, personId: query.personId ?? null, complaintId: query.complaintId ?? null },
    });
    return rows.map(toEntry);
  });
}

/** A cell starting with = + - @ would be a formula in a spreadsheet: quote it as text. */
function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function accessLogCsv(entries: readonly Entry[]): string {
  const header = [
    'at',
    'what',
    'reference',
    'complaint_id',
    'person_id',
    'user',
    'token',
    'ip',
    'user_agent',
  ];
  const lines = entries.map((e) =>
    [e.at, e.what, e.reference, e.complaintId, e.personId, e.userName, e.tokenName, e.ip, e.userAgent]
      .map(cell)
      .join(','),
  );
  return `\ufeff${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
