import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// All SQL of retention, legal holds and erasure (the access log has its own repository).

export async function findSettings(trx: Scoped) {
  return trx.selectFrom('privacy_settings').selectAll().executeTakeFirst();
}

export async function upsertSettings(
  trx: Scoped,
  organizationId: string,
  values: { retention_years: number; legal_hold_max_years: number; mail_includes_case_text: boolean },
  userId: string | null,
) {
  await trx
    .insertInto('privacy_settings')
    .values({ organization_id: organizationId, ...values, updated_by: userId, updated_at: new Date() })
    .onConflict((oc) =>
      oc.column('organization_id').doUpdateSet({ ...values, updated_by: userId, updated_at: new Date() }),
    )
    .execute();
}

/** Closed complaints not yet anonymised, closed before `closedBefore`: the only ones that can be due. */
export async function findRetentionCandidates(trx: Scoped, closedBefore: Date) {
  return trx
    .selectFrom('complaint')
    .select(['id', 'reference', 'closed_at', 'committee', 'assessment', 'anonymised_at'])
    .where('anonymised_at', 'is', null)
    .where('closed_at', 'is not', null)
    .where('closed_at', '<', closedBefore)
    .orderBy('closed_at')
    .execute();
}

export async function findComplaintsOfPerson(trx: Scoped, personId: string) {
  return trx
    .selectFrom('complaint')
    .select(['id', 'reference', 'closed_at', 'committee', 'assessment', 'anonymised_at'])
    .where('complainant_id', '=', personId)
    .orderBy('received_at')
    .execute();
}

export type RetentionRow = Awaited<ReturnType<typeof findRetentionCandidates>>[number];

export async function findHolds(trx: Scoped, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return [];
  return trx
    .selectFrom('legal_hold')
    .selectAll()
    .where('complaint_id', 'in', [...complaintIds])
    .orderBy('placed_on')
    .execute();
}

export type HoldRow = Awaited<ReturnType<typeof findHolds>>[number];

export async function insertHold(
  trx: Scoped,
  values: {
    organization_id: string;
    complaint_id: string;
    kind: HoldRow['kind'];
    reason: string;
    placed_on: string;
    placed_by: string;
  },
) {
  return trx.insertInto('legal_hold').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function liftHold(trx: Scoped, id: string, liftedOn: string, userId: string) {
  return trx
    .updateTable('legal_hold')
    .set({ lifted_on: liftedOn, lifted_by: userId })
    .where('id', '=', id)
    .where('lifted_on', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function findHold(trx: Scoped, id: string) {
  return trx.selectFrom('legal_hold').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Runs the SECURITY DEFINER anonymisation; returns the storage keys of the files to delete after commit. */
export async function anonymiseComplaint(
  trx: Scoped,
  complaintId: string,
  reason: string,
): Promise<string[]> {
  // issue 22: a draft answer nobody sent holds complaint text too; it goes with the rest
  await trx.deleteFrom('complaint_draft').where('complaint_id', '=', complaintId).execute();
  const { rows } = await sql<{ keys: string[] | null }>`
    select privacy_anonymise_complaint(${complaintId}::uuid, ${reason}) as keys`.execute(trx);
  return rows[0]?.keys ?? [];
}

export async function anonymisePerson(trx: Scoped, personId: string, reason: string): Promise<boolean> {
  const { rows } = await sql<{ done: boolean }>`
    select privacy_anonymise_person(${personId}::uuid, ${reason}) as done`.execute(trx);
  return rows[0]?.done ?? false;
}

export async function anonymiseRepresentative(trx: Scoped, id: string, reason: string): Promise<boolean> {
  const { rows } = await sql<{ done: boolean }>`
    select privacy_anonymise_representative(${id}::uuid, ${reason}) as done`.execute(trx);
  return rows[0]?.done ?? false;
}

/** What this transaction erased: rows default to now(), which is the transaction's start time. */
export async function erasedInThisTransaction(trx: Scoped) {
  return trx
    .selectFrom('erasure_log')
    .select(['organization_id', 'subject_kind', 'subject_id', 'reason', 'erased_at'])
    .where('erased_at', '=', sql<Date>`now()`)
    .execute();
}

export async function findPerson(trx: Scoped, id: string) {
  return trx.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Files erased recently: their blobs are deleted again in case a delete after commit failed. */
export async function recentlyErasedStorageKeys(trx: Scoped, since: Date): Promise<string[]> {
  const rows = await trx
    .selectFrom('complaint_attachment')
    .select('storage_key')
    .where('erased_at', '>=', since)
    .execute();
  return rows.map((r) => r.storage_key);
}

/** Whether staff mails about a case may carry its texts (privacy settings; absent means no). */
export async function findMailIncludesCaseText(trx: Scoped): Promise<boolean> {
  const row = await trx.selectFrom('privacy_settings').select('mail_includes_case_text').executeTakeFirst();
  return row?.mail_includes_case_text ?? false;
}

/** Every organisation not suspended (decision 047), for the nightly retention job (owner connection). */
export async function listOrganizationIds(owner: Database): Promise<{ id: string }[]> {
  return owner.selectFrom('organization').select('id').where('suspended_at', 'is', null).execute();
}

/**
 * Deletes one organisation's access log entries older than `before`. The app role may not delete from the log;
 * the owner connection may (no role switch here), so the organisation is named explicitly.
 */
export async function purgeOrganizationAccessLog(
  owner: Database,
  organizationId: string,
  before: Date,
): Promise<number> {
  const purged = await owner
    .deleteFrom('complaint_access_log')
    .where('organization_id', '=', organizationId)
    .where('at', '<', before)
    .executeTakeFirst();
  return Number(purged.numDeletedRows);
}
