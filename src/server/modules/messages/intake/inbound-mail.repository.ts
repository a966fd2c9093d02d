import { sql } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';

export async function findProcessed(
  trx: Scoped,
  key: { mailbox: string; uidValidity: string; uid: string; messageId: string },
) {
  return trx
    .selectFrom('inbound_mail')
    .select(['id', 'outcome', 'complaint_id'])
    .where((eb) =>
      eb.or([
        eb('message_id', '=', key.messageId),
        eb.and([
          eb('mailbox', '=', key.mailbox),
          eb('uid_validity', '=', key.uidValidity),
          eb('uid', '=', key.uid),
        ]),
      ]),
    )
    .executeTakeFirst();
}

export async function insertInboundMail(
  trx: Scoped,
  row: {
    organizationId: string;
    mailbox: string;
    uidValidity: string;
    uid: string;
    messageId: string;
    outcome: 'complaint' | 'reply' | 'auto_reply' | 'bounce';
    complaintId: string | null;
    fromAddress: string | null;
    subject: string | null;
    attachmentNames: string[];
    raw: Buffer;
  },
): Promise<string> {
  const inserted = await trx
    .insertInto('inbound_mail')
    .values({
      organization_id: row.organizationId,
      mailbox: row.mailbox,
      uid_validity: row.uidValidity,
      uid: row.uid,
      message_id: row.messageId,
      outcome: row.outcome,
      complaint_id: row.complaintId,
      from_address: row.fromAddress,
      subject: row.subject,
      attachment_names: row.attachmentNames,
      raw: row.raw,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function findPersonByEmail(trx: Scoped, email: string) {
  return trx
    .selectFrom('person')
    .select(['id', 'name'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function findComplaintByReference(trx: Scoped, reference: string) {
  return trx
    .selectFrom('complaint as c')
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .leftJoin('representative as r', 'r.id', 'c.representative_id')
    .select(['c.id', 'p.email as complainantEmail', 'r.email as representativeEmail'])
    .where('c.reference', '=', reference)
    .executeTakeFirst();
}

export async function findComplaintOfOutboxMessage(trx: Scoped, outboxIds: string[]) {
  if (outboxIds.length === 0) return undefined;
  return trx
    .selectFrom('outbox_message')
    .select(['complaint_id'])
    .where('id', 'in', outboxIds)
    .where('complaint_id', 'is not', null)
    .limit(1)
    .executeTakeFirst();
}

export async function findInboundMail(trx: Scoped, complaintId: string, id: string) {
  return trx
    .selectFrom('inbound_mail')
    .select(['id', 'raw', 'subject'])
    .where('complaint_id', '=', complaintId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Our acknowledgement threads under the complainant's own mail (In-Reply-To). */
export async function threadAcknowledgementUnder(trx: Scoped, complaintId: string, messageId: string) {
  await trx
    .updateTable('outbox_message')
    .set({ in_reply_to: messageId })
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', 'acknowledgement')
    .execute();
}

/** The organisation a mailbox delivers to: by its slug, else the default one; null when there is none. */
export async function findIntakeOrganizationId(
  db: Database,
  slug: string | undefined,
): Promise<string | null> {
  const result = slug
    ? await sql<{ id: string | null }>`select find_organization_by_slug(${slug}) as id`.execute(db)
    : await sql<{ id: string | null }>`select resolve_organization('') as id`.execute(db);
  return result.rows[0]?.id ?? null;
}
