import { complaintExposure } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { recordAccesses } from '../access-log/index.ts';
import { toAccess, visibilityOf, visible } from '../complaints/index.ts';
import { listSetComplaints } from './measures/measures.repository.ts';
import type { ComplaintSet, Dimension, ReportScope } from './measures/report-sets.ts';

/**
 * The complaints behind one figure of a report (issue 20): the figure counts every complaint, the list shows
 * only those the reader may see whole (complaintExposure); the rest are `withheld`, a number without
 * references. Every listed complaint is in the access log.
 */
export async function drillDown(
  db: Database,
  staff: StaffPrincipal,
  request: {
    scope: ReportScope;
    set: ComplaintSet;
    filter: { dimension: Dimension; key: string | null } | null;
    limit: number;
  },
) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const found = await listSetComplaints(
      trx,
      request.scope,
      request.set,
      request.filter,
      request.limit,
      visible(visibilityOf(staff)),
    );
    // The SQL filter is the mirror of the domain rule; the domain has the last word on every row
    const rows = found.rows.filter((r) => complaintExposure(staff, toAccess(r)) === 'whole');
    await recordAccesses(
      trx,
      staff,
      rows.map((r) => ({
        what: 'export' as const,
        complaintId: r.id,
        detail: { kind: 'drill_down', set: request.set },
      })),
    );
    return {
      total: found.total,
      withheld: found.total - found.shownTotal,
      items: rows.map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status,
        category: r.category,
        channel: r.channel,
        confidential: r.confidential,
        receivedAt: r.receivedAt.toISOString(),
        answeredAt: r.answeredAt?.toISOString() ?? null,
      })),
    };
  });
}
