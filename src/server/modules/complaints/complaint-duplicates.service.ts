import type { z } from 'zod';
import type { likelyDuplicate, likelyDuplicatesQuery } from '../../../contract/complaints.ts';
import {
  type ComplaintStatus,
  DUPLICATE_WINDOW_DAYS,
  type DuplicateSubject,
  decideMerge,
  ENDED_STATUSES,
  findLikelyDuplicates,
} from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { authorize, visibilityOf } from './access/complaint-access.ts';
import * as repository from './complaint.repository.ts';
import { findDuplicateCandidates } from './complaint-query.repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Issue 22 (decision 035): complaints that are likely the same one received twice — of a registered complaint
 * (`complaintId`: shown on its case page) or of one being registered (`complainantId`, `text`, `receivedAt`).
 * The rule is the domain's (findLikelyDuplicates); only complaints the caller may see are considered.
 */
export async function suggestLikelyDuplicates(
  db: Database,
  principal: Principal,
  query: z.infer<typeof likelyDuplicatesQuery>,
  now = serverNow(),
): Promise<z.infer<typeof likelyDuplicate>[]> {
  return inOrganization(db, principal.organizationId, async (trx) => {
    let subject: DuplicateSubject;
    let subjectSide: Parameters<typeof decideMerge>[0] | null = null;
    if (query.complaintId !== undefined) {
      const row = (await repository.findComplaintRow(trx, query.complaintId)) ?? null;
      authorize(principal, 'complaint.view', row);
      if (row === null) throw new AppError('not_found');
      subject = {
        id: row.id,
        complainantId: row.complainant_id,
        receivedAt: row.received_at,
        description: row.description,
      };
      subjectSide = {
        id: row.id,
        status: row.status as ComplaintStatus,
        mergedIntoId: row.merged_into_id,
        complainantId: row.complainant_id,
      };
    } else {
      authorize(principal, 'complaint.register', null);
      subject = {
        id: null,
        complainantId: query.complainantId ?? null,
        receivedAt: query.receivedAt ? new Date(query.receivedAt) : now,
        description: query.text ?? '',
      };
    }
    if (subject.complainantId === null) return [];
    const rows = await findDuplicateCandidates(
      trx,
      {
        complainantId: subject.complainantId,
        around: subject.receivedAt,
        windowMs: (DUPLICATE_WINDOW_DAYS + 1) * DAY_MS,
        endedStatuses: ENDED_STATUSES,
      },
      visibilityOf(principal),
    );
    const candidates = rows.map((r) => ({
      id: r.id,
      complainantId: r.complainant_id,
      receivedAt: r.received_at,
      description: r.description,
      status: r.status as ComplaintStatus,
    }));
    return findLikelyDuplicates(subject, candidates).map((found) => {
      const row = rows.find((r) => r.id === found.id) as (typeof rows)[number];
      const other = candidates.find((c) => c.id === found.id) as (typeof candidates)[number];
      return {
        id: row.id,
        reference: row.reference,
        status: other.status,
        receivedAt: row.received_at.toISOString(),
        description: row.description,
        similarity: found.similarity,
        daysApart: found.daysApart,
        mergeable:
          subjectSide !== null && decideMerge(subjectSide, { ...other, mergedIntoId: null }).ok === true,
      };
    });
  });
}
