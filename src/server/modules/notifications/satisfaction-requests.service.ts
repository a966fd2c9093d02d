import { addWorkingDays, isWorkingDay, toLocalDate } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { insertEvent } from '../complaints/index.ts';
import { enqueueSatisfactionRequest } from '../messages/index.ts';
import { calendarSettingsFor } from '../reference-data/index.ts';
import { listOrganizationIds } from './notification.repository.ts';
import { lockSatisfactionCandidates } from './satisfaction-requests.repository.ts';

export const SATISFACTION_REQUEST_AFTER_WORKING_DAYS = 2;

/**
 * Sends the satisfaction question a set number of working days after the answer, once per complaint
 * (the `satisfaction_requested` event is the bookkeeping), never on a day off.
 */
export async function runSatisfactionRequests(
  owner: Database,
  now: Date,
  afterWorkingDays = SATISFACTION_REQUEST_AFTER_WORKING_DAYS,
) {
  let sent = 0;
  const organizationIds = await owner.transaction().execute((trx) => listOrganizationIds(trx));
  for (const organizationId of organizationIds) {
    sent += await inOrganization(owner, organizationId, async (trx) => {
      const calendar = await calendarSettingsFor(trx);
      const today = toLocalDate(now);
      if (!isWorkingDay(today, calendar)) return 0;
      const candidates = await lockSatisfactionCandidates(trx);
      let count = 0;
      for (const candidate of candidates) {
        const due = addWorkingDays(toLocalDate(candidate.answered_at as Date), afterWorkingDays, calendar);
        if (today < due) continue;
        const outboxId = await enqueueSatisfactionRequest(trx, candidate.id);
        await insertEvent(trx, {
          organizationId,
          complaintId: candidate.id,
          type: 'satisfaction_requested',
          actorUserId: null,
          actorTokenId: null,
          payload: { outboxId },
        });
        if (outboxId !== null) count++;
      }
      return count;
    });
  }
  return { sent };
}
