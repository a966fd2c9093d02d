import type { z } from 'zod';
import type { createLegalHoldInput, updatePrivacySettingsInput } from '../../../contract/privacy.ts';
import { toLocalDate } from '../../../domain/business-time.ts';
import { compareLocalDates } from '../../../domain/local-date.ts';
import { isRetentionPolicy } from '../../../domain/retention.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { findComplaint, mayKnowOf } from '../complaints/index.ts';
import * as repository from './privacy.repository.ts';
import { holdsOfComplaint, loadSettings, planRetention, toLegalHold } from './retention.service.ts';

const invalid = (path: string, nl: string, en: string) =>
  new AppError('validation_failed', {
    fieldErrors: [{ in: 'body', path, code: 'invalid', messages: { nl, en } }],
  });

export async function getSettings(db: Database, staff: StaffPrincipal) {
  return inOrganization(db, staff.organizationId, loadSettings);
}

export async function updateSettings(
  db: Database,
  staff: StaffPrincipal,
  input: z.infer<typeof updatePrivacySettingsInput>,
) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const next = { ...(await loadSettings(trx)), ...input };
    if (!isRetentionPolicy(next))
      throw invalid(
        'legalHoldMaxYears',
        'De maximale bewaartermijn bij een bewaarplicht mag niet korter zijn dan de gewone bewaartermijn.',
        'The maximum under a legal hold may not be shorter than the ordinary retention term.',
      );
    await repository.upsertSettings(
      trx,
      staff.organizationId,
      {
        retention_years: next.retentionYears,
        legal_hold_max_years: next.legalHoldMaxYears,
        mail_includes_case_text: next.mailIncludesCaseText,
      },
      staff.userId,
    );
    return next;
  });
}

/** A complaint the caller may not see answers exactly like an unknown id: no existence oracle (issue 20). */
async function findComplaintOrThrow(trx: Scoped, staff: StaffPrincipal, complaintId: string) {
  const row = await findComplaint(trx, complaintId);
  if (!row || !mayKnowOf(staff, row)) throw new AppError('not_found');
  return row;
}

export async function listHolds(db: Database, staff: StaffPrincipal, complaintId: string, now = serverNow()) {
  return inOrganization(db, staff.organizationId, async (trx) =>
    holdsOfComplaint(trx, await findComplaintOrThrow(trx, staff, complaintId), now),
  );
}

export async function placeHold(
  db: Database,
  staff: StaffPrincipal,
  complaintId: string,
  input: z.infer<typeof createLegalHoldInput>,
  now = serverNow(),
) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const complaint = await findComplaintOrThrow(trx, staff, complaintId);
    if (complaint.anonymised_at !== null)
      throw new AppError('conflict', { detail: 'This complaint has already been anonymised.' });
    const row = await repository.insertHold(trx, {
      organization_id: staff.organizationId,
      complaint_id: complaintId,
      kind: input.kind,
      reason: input.reason,
      placed_on: input.placedOn ?? toLocalDate(now),
      placed_by: staff.userId,
    });
    return toLegalHold(row);
  });
}

export async function liftHold(
  db: Database,
  staff: StaffPrincipal,
  holdId: string,
  liftedOn: string | undefined,
  now = serverNow(),
) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const hold = await repository.findHold(trx, holdId);
    if (!hold) throw new AppError('not_found');
    await findComplaintOrThrow(trx, staff, hold.complaint_id);
    const day = liftedOn ?? toLocalDate(now);
    if (compareLocalDates(day, hold.placed_on) < 0)
      throw invalid(
        'liftedOn',
        'Een bewaarplicht kan niet eindigen voordat hij begon.',
        'A hold cannot end before it started.',
      );
    const lifted = await repository.liftHold(trx, holdId, day, staff.userId);
    if (!lifted) throw new AppError('conflict', { detail: 'This hold has already been lifted.' });
    return toLegalHold(lifted);
  });
}

export async function previewRetention(db: Database, staff: StaffPrincipal, now = serverNow()) {
  return inOrganization(db, staff.organizationId, (trx) => planRetention(trx, now));
}
