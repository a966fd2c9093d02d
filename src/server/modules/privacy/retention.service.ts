import { toLocalDate } from '../../../domain/business-time.ts';
import type { LocalDate } from '../../../domain/local-date.ts';
import {
  activeHolds,
  DEFAULT_RETENTION_POLICY,
  decideRetention,
  type LegalHold,
  type RetentionFacts,
} from '../../../domain/retention.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import type { ErasureLedger } from './erasure/erasure-ledger.ts';
import * as repository from './privacy.repository.ts';
import { privacyEvents } from './privacy-events.ts';

export type PrivacyDeps = {
  storage: BlobStorage;
  ledger: ErasureLedger | null;
  log: { error(obj: object, msg: string): void };
};

export type PrivacySettings = {
  retentionYears: number;
  legalHoldMaxYears: number;
  mailIncludesCaseText: boolean;
};

export async function loadSettings(trx: Scoped): Promise<PrivacySettings> {
  const row = await repository.findSettings(trx);
  return {
    retentionYears: row?.retention_years ?? DEFAULT_RETENTION_POLICY.retentionYears,
    legalHoldMaxYears: row?.legal_hold_max_years ?? DEFAULT_RETENTION_POLICY.legalHoldMaxYears,
    mailIncludesCaseText: row?.mail_includes_case_text ?? false,
  };
}

type CaseRow = Pick<repository.RetentionRow, 'closed_at' | 'committee' | 'assessment' | 'anonymised_at'>;

export function toLegalHold(row: repository.HoldRow): LegalHold & { id: string; complaintId: string } {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    kind: row.kind,
    reason: row.reason,
    placedOn: row.placed_on,
    liftedOn: row.lifted_on,
    derived: false,
  };
}

/** What the data says about holds: an open committee case, approved compensation not paid yet. */
export function factsOf(row: CaseRow, holds: readonly repository.HoldRow[]): RetentionFacts {
  const committee = row.committee as { boardDecision?: unknown } | null;
  const assessment = row.assessment as { compensation?: { paidAt?: unknown } | null } | null;
  return {
    closedOn: row.closed_at === null ? null : toLocalDate(row.closed_at),
    anonymised: row.anonymised_at !== null,
    committeeCaseOpen: committee !== null && (committee.boardDecision ?? null) === null,
    compensationUnpaid:
      assessment?.compensation !== undefined &&
      assessment.compensation !== null &&
      (assessment.compensation.paidAt ?? null) === null,
    holds: holds.map(toLegalHold),
  };
}

function groupHolds(holds: readonly repository.HoldRow[]) {
  const byComplaint = new Map<string, repository.HoldRow[]>();
  for (const hold of holds)
    byComplaint.set(hold.complaint_id, [...(byComplaint.get(hold.complaint_id) ?? []), hold]);
  return byComplaint;
}

const DAY_MS = 86_400_000;

export type RetentionPlan = {
  today: LocalDate;
  settings: PrivacySettings;
  anonymise: {
    complaintId: string;
    reference: string;
    closedOn: LocalDate;
    because: 'term_expired' | 'hold_maximum_reached';
  }[];
  held: {
    complaintId: string;
    reference: string;
    closedOn: LocalDate;
    holds: (LegalHold & { id: string | null; complaintId: string })[];
    anonymiseOnAtLatest: LocalDate;
  }[];
};

/** What a retention run would do in this organisation today: the dry run, and the run's own plan. */
export async function planRetention(trx: Scoped, now: Date): Promise<RetentionPlan> {
  const settings = await loadSettings(trx);
  const today = toLocalDate(now);
  // A term of N years is at least N × 365 days: older closings are the only candidates
  const closedBefore = new Date(now.getTime() - (settings.retentionYears * 365 - 2) * DAY_MS);
  const rows = await repository.findRetentionCandidates(trx, closedBefore);
  const holds = groupHolds(
    await repository.findHolds(
      trx,
      rows.map((r) => r.id),
    ),
  );
  const plan: RetentionPlan = { today, settings, anonymise: [], held: [] };
  for (const row of rows) {
    const facts = factsOf(row, holds.get(row.id) ?? []);
    const decision = decideRetention(facts, settings, today);
    const closedOn = facts.closedOn as LocalDate;
    if (decision.kind === 'anonymise')
      plan.anonymise.push({
        complaintId: row.id,
        reference: row.reference,
        closedOn,
        because: decision.because,
      });
    else if (decision.kind === 'held')
      plan.held.push({
        complaintId: row.id,
        reference: row.reference,
        closedOn,
        holds: decision.holds.map((h) => ({ id: null, complaintId: row.id, ...h })),
        anonymiseOnAtLatest: decision.anonymiseOnAtLatest,
      });
  }
  return plan;
}

/** The holds of one complaint as they stand today: manual ones (lifted or not) and those the data shows. */
export async function holdsOfComplaint(trx: Scoped, row: CaseRow & { id: string }, now: Date) {
  const manual = await repository.findHolds(trx, [row.id]);
  const derived = activeHolds(factsOf(row, []), toLocalDate(now)).map((h) => ({
    id: null,
    complaintId: row.id,
    ...h,
  }));
  return [...manual.map(toLegalHold), ...derived];
}

/**
 * Erases one complaint in the caller's transaction: its text and files by the SQL function, and (through the
 * `complaint.erased` event) its id from the stored theme runs (decision 049), so nothing keeps pointing at it. Returns the storage keys of its files.
 */
export async function eraseComplaint(trx: Scoped, complaintId: string, reason: string): Promise<string[]> {
  await privacyEvents.publish(trx, 'complaint.erased', { complaintId });
  return repository.anonymiseComplaint(trx, complaintId, reason);
}

/**
 * Anonymises in one organisation-scoped transaction, then (after commit) deletes the files and writes the
 * ledger. The SQL functions skip what is already anonymised, so a retry repeats nothing.
 */
export async function anonymiseAndRecord(
  db: Database,
  organizationId: string,
  deps: PrivacyDeps,
  work: (trx: Scoped) => Promise<string[]>,
): Promise<{ files: number; erased: number }> {
  const { keys, erased } = await inOrganization(db, organizationId, async (trx) => {
    const keys = await work(trx);
    return { keys, erased: await repository.erasedInThisTransaction(trx) };
  });
  await deleteBlobs(deps, keys);
  await deps.ledger?.append(
    erased.map((e) => ({
      at: e.erased_at.toISOString(),
      organizationId: e.organization_id,
      kind: e.subject_kind,
      id: e.subject_id,
      reason: e.reason,
    })),
  );
  return { files: keys.length, erased: erased.length };
}

export async function deleteBlobs(deps: PrivacyDeps, keys: readonly string[]): Promise<number> {
  let failed = 0;
  for (const key of keys) {
    try {
      await deps.storage.delete(key);
    } catch (error) {
      failed += 1;
      deps.log.error(
        { err: error, storageKey: key },
        'could not delete an anonymised file; the next run retries',
      );
    }
  }
  return failed;
}

export type RetentionRunResult = {
  organizations: number;
  anonymised: number;
  held: number;
  files: number;
  accessLogPurged: number;
};

const ACCESS_LOG_KEEP_YEARS = 2;

/**
 * The nightly retention job (owner connection, every organisation): anonymise what is due, delete the
 * access log older than two years, and delete again the files of recent erasures. Idempotent.
 */
export async function runRetention(
  owner: Database,
  now: Date,
  deps: PrivacyDeps,
): Promise<RetentionRunResult> {
  const organizations = await repository.listOrganizationIds(owner);
  const result: RetentionRunResult = {
    organizations: organizations.length,
    anonymised: 0,
    held: 0,
    files: 0,
    accessLogPurged: 0,
  };
  const purgeBefore = new Date(now);
  purgeBefore.setUTCFullYear(purgeBefore.getUTCFullYear() - ACCESS_LOG_KEEP_YEARS);
  for (const { id: organizationId } of organizations) {
    const plan = await inOrganization(owner, organizationId, (trx) => planRetention(trx, now));
    result.held += plan.held.length;
    for (const item of plan.anonymise) {
      // one transaction per complaint: one that fails does not hold back the others
      const done = await anonymiseAndRecord(owner, organizationId, deps, (trx) =>
        eraseComplaint(trx, item.complaintId, 'retention'),
      );
      result.anonymised += 1;
      result.files += done.files;
    }
    // The app role may not delete from the log; the owner connection may (no role switch here)
    result.accessLogPurged += await repository.purgeOrganizationAccessLog(owner, organizationId, purgeBefore);
    const recent = await inOrganization(owner, organizationId, (trx) =>
      repository.recentlyErasedStorageKeys(trx, new Date(now.getTime() - 7 * DAY_MS)),
    );
    await deleteBlobs(deps, recent);
  }
  return result;
}
