import { sql } from 'kysely';
import type { AdjustmentKind, LegalBasis } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// The queries of the complainant's adjustments (issue 26, decision 051): all SQL of this module.

export async function findAdjustments(trx: Scoped, personId: string) {
  const rows = await trx
    .selectFrom('complainant_adjustment as a')
    .leftJoin('staff_user as s', 's.id', 'a.recorded_by')
    .select([
      'a.kind',
      'a.value',
      'a.legal_basis',
      'a.consent_at',
      'a.recorded_at',
      'a.recorded_via',
      's.name as recordedByName',
    ])
    .where('a.person_id', '=', personId)
    .orderBy('a.kind')
    .execute();
  return rows.map((r) => ({
    ...r,
    kind: r.kind as AdjustmentKind,
    legal_basis: r.legal_basis as LegalBasis,
  }));
}

/** Whether the person exists in the caller's organisation (row-level security scopes the read). */
export async function personExists(trx: Scoped, personId: string): Promise<boolean> {
  const row = await trx.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

export type AdjustmentWrite = {
  organizationId: string;
  personId: string;
  rows: readonly { kind: AdjustmentKind; value: unknown; legalBasis: LegalBasis; consent: boolean }[];
  removed: readonly AdjustmentKind[];
  recordedBy: string | null;
  now: Date;
};

/** Stores the changed kinds (who and when is the change's) and removes the ones left out. */
export async function saveAdjustments(trx: Scoped, write: AdjustmentWrite): Promise<void> {
  if (write.removed.length > 0)
    await trx
      .deleteFrom('complainant_adjustment')
      .where('person_id', '=', write.personId)
      .where('kind', 'in', [...write.removed])
      .execute();
  for (const row of write.rows) {
    const values = {
      value: JSON.stringify(row.value),
      legal_basis: row.legalBasis,
      consent_at: row.consent ? write.now : null,
      recorded_by: write.recordedBy,
      recorded_at: write.now,
      recorded_via: 'staff' as const,
    };
    await trx
      .insertInto('complainant_adjustment')
      .values({ organization_id: write.organizationId, person_id: write.personId, kind: row.kind, ...values })
      .onConflict((oc) => oc.columns(['person_id', 'kind']).doUpdateSet(values))
      .execute();
  }
}

export type IntakeAdjustmentWrite = {
  organizationId: string;
  personId: string;
  rows: readonly { kind: AdjustmentKind; value: unknown; legalBasis: LegalBasis; consent: boolean }[];
  recordedBy: string | null;
  recordedVia: 'staff' | 'portal' | 'api';
  now: Date;
};

/**
 * Issue 26 (decision 052): what the complainant asked for at intake, in one statement (the registration's
 * budget allows one more). A kind the person already had with the same value keeps its recorder and moment;
 * the kinds returned are the ones added or given another value (what the timeline names). Kinds not asked
 * for now stay: removing one is a change on the case page.
 */
export async function addAdjustmentsAtIntake(trx: Scoped, write: IntakeAdjustmentWrite) {
  const rows = await trx
    .insertInto('complainant_adjustment')
    .values(
      write.rows.map((row) => ({
        organization_id: write.organizationId,
        person_id: write.personId,
        kind: row.kind,
        value: JSON.stringify(row.value),
        legal_basis: row.legalBasis,
        consent_at: row.consent ? write.now : null,
        recorded_by: write.recordedBy,
        recorded_at: write.now,
        recorded_via: write.recordedVia,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['person_id', 'kind'])
        .doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          legal_basis: eb.ref('excluded.legal_basis'),
          consent_at: eb.ref('excluded.consent_at'),
          recorded_by: eb.ref('excluded.recorded_by'),
          recorded_at: eb.ref('excluded.recorded_at'),
          recorded_via: eb.ref('excluded.recorded_via'),
        }))
        .where(sql<boolean>`complainant_adjustment.value is distinct from excluded.value`),
    )
    .returning('kind')
    .execute();
  return rows.map((r) => r.kind as AdjustmentKind);
}

/**
 * E-mails to the complainant's own address on this complaint that went since `since`, or still wait to go: a
 * letter to post is no e-mail, a copy to staff is not to the complainant.
 */
export async function countEmailsToComplainant(
  trx: Scoped,
  complaintId: string,
  personId: string,
  since: Date,
): Promise<number> {
  const row = await trx
    .selectFrom('outbox_message as m')
    .innerJoin('person as p', (join) => join.on('p.id', '=', personId))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('m.complaint_id', '=', complaintId)
    .where('m.status', 'in', ['pending', 'sending', 'sent'])
    .where((eb) => eb.or([eb('m.sent_at', 'is', null), eb('m.sent_at', '>=', since)]))
    .where(sql<boolean>`lower(p.email) = any (select lower(address) from unnest(m.recipient_to) as address)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Phone contact moments logged on the complaint since `since`. */
export async function countPhoneContacts(trx: Scoped, complaintId: string, since: Date): Promise<number> {
  const row = await trx
    .selectFrom('complaint_event')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('complaint_id', '=', complaintId)
    .where('type', '=', 'contact_logged')
    .where('contact_kind', '=', 'phone')
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Open complaints (a running answer term) whose complainant asked for a channel or a call-back, per organisation. */
export async function complaintsToWatch(owner: Database) {
  return owner
    .selectFrom('complaint as c')
    .select(['c.id', 'c.organization_id'])
    .where('c.closed_at', 'is', null)
    .where('c.answered_at', 'is', null)
    .where('c.handler_id', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('complainant_adjustment as a')
          .select('a.kind')
          .whereRef('a.person_id', '=', 'c.complainant_id')
          .where('a.kind', 'in', ['preferred_channel', 'call_back']),
      ),
    )
    .orderBy('c.organization_id')
    .execute();
}

/**
 * Decision 053: the call-backs asked for on the complaint (a message that would have gone to a complainant who
 * asked to be phoned) and the phone contacts logged, each at the moment it was logged.
 */
export async function listCallBackFacts(trx: Scoped, complaintId: string) {
  return trx
    .selectFrom('complaint_event')
    .select(['type', 'at', sql<string | null>`payload->>'topic'`.as('topic')])
    .where('complaint_id', '=', complaintId)
    .where((eb) =>
      eb.or([
        eb('type', '=', 'call_back_requested'),
        eb.and([eb('type', '=', 'contact_logged'), eb('contact_kind', '=', 'phone')]),
      ]),
    )
    .orderBy('id')
    .execute();
}
