import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { Principal } from '../../http/principal.ts';
import { getComplaint } from '../complaints/index.ts';
import { revokeStatusLinks } from './portal.repository.ts';

/** Ends the complainant's private status link(s), e.g. when one was shared by mistake; whoever may see the complaint may. */
export async function revokeComplaintStatusLinks(
  db: Database,
  principal: Principal,
  complaintId: string,
  now = serverNow(),
): Promise<void> {
  await getComplaint(db, principal, complaintId, now);
  await inOrganization(db, principal.organizationId, (trx) => revokeStatusLinks(trx, complaintId, now));
}
