import { toLocalDate } from '../../../domain/business-time.ts';
import { decideErasure, LEGAL_HOLD_KINDS } from '../../../domain/retention.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { recordAccess } from '../access-log/index.ts';
import * as repository from './privacy.repository.ts';
import {
  anonymiseAndRecord,
  eraseComplaint,
  factsOf,
  loadSettings,
  type PrivacyDeps,
} from './retention.service.ts';

/**
 * Erasure on request (AVG art. 17): every complaint of the person and the person record are anonymised,
 * in one transaction, unless a complaint is still open or under a legal hold; then nothing changes and
 * the answer (409) says which complaint and why.
 */
export async function erasePerson(
  db: Database,
  principal: StaffPrincipal,
  personId: string,
  deps: PrivacyDeps,
  now = serverNow(),
) {
  let complaintsAnonymised = 0;
  const done = await anonymiseAndRecord(db, principal.organizationId, deps, async (trx) => {
    const person = await repository.findPerson(trx, personId);
    if (!person) throw new AppError('not_found');
    const settings = await loadSettings(trx);
    const complaints = await repository.findComplaintsOfPerson(trx, personId);
    const holds = await repository.findHolds(
      trx,
      complaints.map((c) => c.id),
    );
    const today = toLocalDate(now);
    const blocked: string[] = [];
    for (const complaint of complaints) {
      const decision = decideErasure(
        factsOf(
          complaint,
          holds.filter((h) => h.complaint_id === complaint.id),
        ),
        settings,
        today,
      );
      if (decision.allowed) continue;
      blocked.push(
        decision.reason === 'open'
          ? `${complaint.reference}: de klacht is nog in behandeling / the complaint is still being handled`
          : `${complaint.reference}: ${decision.holds
              .map((h) => `${LEGAL_HOLD_KINDS[h.kind].label}${h.derived ? '' : ` (${h.reason})`}`)
              .join('; ')}`,
      );
    }
    if (blocked.length > 0)
      throw new AppError('erasure_blocked', { detail: `Bewaarplicht / legal hold — ${blocked.join(' | ')}` });
    const keys: string[] = [];
    for (const complaint of complaints) {
      if (complaint.anonymised_at !== null) continue;
      keys.push(...(await eraseComplaint(trx, complaint.id, 'request')));
      complaintsAnonymised += 1;
    }
    await repository.anonymisePerson(trx, personId, 'request');
    await recordAccess(trx, principal, {
      what: 'erasure',
      personId,
      detail: { complaints: complaintsAnonymised },
    });
    return keys;
  });
  return { personId, complaintsAnonymised, filesDeleted: done.files };
}
