import type { z } from 'zod';
import type {
  ComplaintDetail,
  ComplaintListItem,
  ComplaintListQuery,
  likelyRepeat,
  likelyRepeatsQuery,
} from '../../../contract/complaints.ts';
import type { QueueCounts, QueueCountsQuery } from '../../../contract/work-queue.ts';
import {
  addWorkingDays,
  type ComplaintStatus,
  canDoOrganizationAction,
  defaultQueueDepartment,
  departmentQueueScope,
  getEndOfLocalDay,
  type IntakeChannel,
  mayViewDepartmentQueue,
  toLocalDate,
} from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { calendarSettingsInForce } from '../reference-data/index.ts';
import { authorize, readerOf, visibilityOf } from './access/complaint-access.ts';
import * as repository from './complaint.repository.ts';
import {
  type Cursor,
  countByStatus,
  countQueueTabs,
  findLikelyRepeats,
  listComplaints,
} from './complaint-query.repository.ts';
import { SEARCH_COUNT_CAP, searchIsCapped } from './complaint-search.repository.ts';
import { buildDetail, termProgressOf } from './views/complaint-detail.ts';

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string | undefined): Cursor | null {
  if (text === undefined) return null;
  try {
    const parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (
      typeof parsed.value === 'string' &&
      !Number.isNaN(Date.parse(parsed.value)) &&
      /^[0-9a-f-]{36}$/.test(parsed.id)
    )
      return parsed;
  } catch {
    // fall through: a tampered or truncated cursor is the caller's mistake
  }
  throw new AppError('validation_failed', {
    fieldErrors: [
      {
        in: 'querystring',
        path: 'cursor',
        code: 'invalid_cursor',
        messages: { nl: 'Deze paginacursor is ongeldig.', en: 'This page cursor is invalid.' },
      },
    ],
  });
}

function filtersOf(
  principal: Principal,
  query: ComplaintListQuery,
  settings: Parameters<typeof addWorkingDays>[2],
  now: Date,
) {
  const { sort: _sort, cursor: _cursor, limit: _limit, handlerId, dueWithinWorkingDays, ...rest } = query;
  const me = principal.kind === 'staff' ? principal.userId : undefined;
  return {
    ...rest,
    handlerId: handlerId === 'me' ? (me ?? null) : handlerId === 'none' ? null : handlerId,
    ...(dueWithinWorkingDays === undefined
      ? {}
      : { dueBefore: getEndOfLocalDay(addWorkingDays(toLocalDate(now), dueWithinWorkingDays, settings)) }),
    now,
  };
}

/**
 * issue 22: a staff member sees the unassigned queue of their own department(s); the organisation's overseers
 * pick any department (domain: departmentQueueScope).
 */
function checkUnassignedQueue(
  principal: Principal,
  query: Pick<ComplaintListQuery, 'handlerId' | 'departmentId'>,
) {
  if (principal.kind !== 'staff' || query.handlerId !== 'none') return;
  if (departmentQueueScope(principal).kind === 'any') return;
  if (query.departmentId !== undefined && mayViewDepartmentQueue(principal, query.departmentId)) return;
  throw new AppError('forbidden', {
    detail: 'The unassigned queue is open to the department it belongs to; name one of your departments.',
  });
}

/** The work queue: filtered, permission-aware, sorted, one cursor page at a time. */
export async function listComplaintPage(
  db: Database,
  principal: Principal,
  query: ComplaintListQuery,
  now = serverNow(),
  /** Writes the access-log entry of this read in its own transaction (a person's complaints). */
  audit?: (trx: Scoped) => Promise<void>,
): Promise<{ items: ComplaintListItem[]; nextCursor: string | null }> {
  checkUnassignedQueue(principal, query);
  return inOrganization(db, principal.organizationId, async (trx) => {
    await audit?.(trx);
    const settings = await calendarSettingsInForce(trx, principal);
    const rows = await listComplaints(
      trx,
      filtersOf(principal, query, settings, now),
      visibilityOf(principal),
      {
        sort: query.sort,
        cursor: decodeCursor(query.cursor),
        limit: query.limit,
      },
      // The page is this transaction's last statement: with the opening and the commit, one round trip (058)
      { last: true },
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last !== undefined
        ? encodeCursor({
            value: (query.sort === 'due' ? last.due_at : last.received_at).toISOString(),
            id: last.id,
          })
        : null;
    return {
      items: page.map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status as ComplaintStatus,
        channel: r.channel as IntakeChannel,
        receivedAt: r.received_at.toISOString(),
        complainantName: r.complainantName,
        housingComplexName: r.housingComplexName,
        category: r.category as ComplaintListItem['category'],
        handlerId: r.handler_id,
        handlerName: r.handlerName,
        dueAt: r.has_answer_term ? r.due_at.toISOString() : null,
        progress: termProgressOf(
          r.status as ComplaintStatus,
          r.has_answer_term ? r.due_at : null,
          settings,
          now,
        ),
        confidential: r.confidential,
        repeat: r.repeat_of_id !== null,
      })),
      nextCursor,
    };
  });
}

export async function countComplaints(
  db: Database,
  principal: Principal,
  query: ComplaintListQuery,
  now = serverNow(),
) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const settings = await calendarSettingsInForce(trx, principal);
    const rows = await countByStatus(
      trx,
      filtersOf(principal, query, settings, now),
      visibilityOf(principal),
    );
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.status] = r.n;
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    // A search counts at most SEARCH_COUNT_CAP matches of each kind (decision 038); with no row to carry the flag,
    // ask for it on its own
    const capped =
      rows.length > 0
        ? rows.some((r) => r.capped)
        : query.q !== undefined && (await searchIsCapped(trx, query.q));
    return {
      counts,
      overdue: rows.reduce((sum, r) => sum + r.overdue, 0),
      total: capped ? Math.min(total, SEARCH_COUNT_CAP) : total,
      totalIsLowerBound: capped,
    };
  });
}

/**
 * The work queue's tab counts (issue 22), in one query: mine, my department's, the department's unassigned ones
 * and all. The department is the one asked for (when the caller may open its queue) or the caller's default.
 */
export async function countQueueTabsFor(
  db: Database,
  principal: Principal,
  filters: QueueCountsQuery,
  now = serverNow(),
): Promise<QueueCounts> {
  const query: ComplaintListQuery = { ...filters, sort: 'due', limit: 1 };
  const staff = principal.kind === 'staff' ? principal : null;
  let departmentId: string | null = null;
  if (staff !== null) {
    if (query.departmentId === undefined) departmentId = defaultQueueDepartment(staff);
    else if (mayViewDepartmentQueue(staff, query.departmentId)) departmentId = query.departmentId;
    else throw new AppError('forbidden', { detail: 'This department’s queue is not yours to open.' });
  }
  const all = staff === null || canDoOrganizationAction(staff, 'complaints.list_all');
  return inOrganization(db, principal.organizationId, async (trx) => {
    const settings = await calendarSettingsInForce(trx, principal);
    const row = await countQueueTabs(
      trx,
      filtersOf(principal, query, settings, now),
      visibilityOf(principal),
      { userId: staff?.userId ?? null, departmentId, all },
    );
    const { capped, ...counts } = row;
    const cap = (n: number | null) => (capped && n !== null ? Math.min(n, SEARCH_COUNT_CAP) : n);
    return {
      mine: cap(counts.mine) ?? 0,
      department: cap(counts.department),
      unassigned: cap(counts.unassigned),
      all: cap(counts.all),
      departmentId,
      isLowerBound: capped,
    };
  });
}

/** One complaint with its timeline; every read by staff or integration is logged for privacy audits. */
export async function getComplaint(
  db: Database,
  principal: Principal,
  id: string,
  now = serverNow(),
): Promise<ComplaintDetail> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    const row = (await repository.findComplaintRow(trx, id)) ?? null;
    authorize(principal, 'complaint.view', row);
    if (row === null) throw new AppError('not_found');
    // Every read is recorded: with the relations' query, in this transaction (one round trip less)
    const accessLog = {
      organizationId: row.organization_id,
      complaintId: row.id,
      userId: principal.kind === 'staff' ? principal.userId : null,
      tokenId: principal.kind === 'token' ? principal.tokenId : null,
      what: 'detail' as const,
      origin: principal.origin,
    };
    const settings = await calendarSettingsInForce(trx, principal);
    return buildDetail(trx, row, settings, now, readerOf(principal), accessLog);
  });
}

const TWELVE_MONTHS_MS = 365 * 24 * 60 * 60 * 1000;

/** Suggestions while registering: maybe this is a repeat of an earlier complaint (policy 2.6). */
export async function suggestLikelyRepeats(
  db: Database,
  principal: Principal,
  query: z.infer<typeof likelyRepeatsQuery>,
  now = serverNow(),
): Promise<z.infer<typeof likelyRepeat>[]> {
  authorize(principal, 'complaint.register', null);
  if (query.complainantId === undefined && query.unitId === undefined) return [];
  return inOrganization(db, principal.organizationId, async (trx) => {
    const rows = await findLikelyRepeats(
      trx,
      {
        complainantId: query.complainantId ?? null,
        unitId: query.unitId ?? null,
        text: query.text ?? '',
        since: new Date(now.getTime() - TWELVE_MONTHS_MS),
      },
      visibilityOf(principal),
    );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      status: r.status as ComplaintStatus,
      receivedAt: r.received_at.toISOString(),
      description: r.description,
      similarity: Number(r.similarity),
      sameComplainant: r.sameComplainant,
      sameUnit: r.sameUnit,
    }));
  });
}
