import type { z } from 'zod';
import type { accessLogEntry, accessLogQuery } from '../../../contract/privacy.ts';
import type { Database } from '../../db/database.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { listAccessLog, recordAccess } from '../access-log/index.ts';
import { knownComplaintIds } from '../complaints/index.ts';

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

type Row = Awaited<ReturnType<typeof listAccessLog>>[number];

const detailComplaintId = (detail: unknown): string | null => {
  const id = (detail as { complaintId?: unknown } | null)?.complaintId;
  return typeof id === 'string' ? id : null;
};

/**
 * Issue 20: the log names a complaint only to an auditor who may see it (the one rule, `knownComplaintIds`).
 * An entry about another complaint keeps who, when, what and from where, without the complaint; filtering on
 * such a complaint answers as for an unknown id.
 */
async function withoutHiddenComplaints(
  trx: Scoped,
  staff: StaffPrincipal,
  rows: readonly Row[],
  query: Query,
): Promise<Row[]> {
  const ids = rows.flatMap((r) => [r.complaint_id, detailComplaintId(r.detail)].filter((id) => id !== null));
  const known = await knownComplaintIds(trx, staff, ids);
  const hidden = (id: string | null) => id !== null && !known.has(id);
  if (query.complaintId !== undefined && hidden(query.complaintId)) return [];
  return rows.map((r) => ({
    ...r,
    complaint_id: hidden(r.complaint_id) ? null : r.complaint_id,
    reference: hidden(r.complaint_id) ? null : r.reference,
    detail: hidden(detailComplaintId(r.detail))
      ? { ...(r.detail as Record<string, unknown>), complaintId: null }
      : r.detail,
  }));
}

function toEntry(row: Row): Entry {
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
  const rows = await inOrganization(db, staff.organizationId, async (trx) =>
    withoutHiddenComplaints(trx, staff, await listAccessLog(trx, filterOf(query, limit + 1)), query),
  );
  const page = rows.slice(0, limit).map(toEntry);
  return { items: page, nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

const EXPORT_LIMIT = 1_000_000;

/** The log as a file; that somebody exported it is logged too (with the filters, never the content). */
export async function exportAccessLog(db: Database, staff: StaffPrincipal, query: Query): Promise<Entry[]> {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const listed = await listAccessLog(trx, filterOf(query, EXPORT_LIMIT));
    const rows = await withoutHiddenComplaints(trx, staff, listed, query);
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
