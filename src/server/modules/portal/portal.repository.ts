import { randomBytes } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { TimelineEventType } from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import { executeKept } from '../../db/kept-statements.ts';
import type { PortalSettingsTable } from '../../db/schema.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

// Every SQL statement of the public portal. All run inside `inOrganization`, so row-level security keeps
// one corporation's links, nonces and complaints out of another's reach even if a filter were forgotten.

/** Every column of `portal_settings`, named, so that the statement reading them may be kept (decision 055). */
const SETTINGS_COLUMNS = [
  's.organization_id',
  's.form_secret',
  's.display_name',
  's.logo_url',
  's.brand_colour',
  's.contact_phone',
  's.contact_email',
  's.contact_hours',
  's.website_url',
  's.repair_url',
  's.nuisance_url',
  's.fraud_url',
  's.objection_url',
  's.referral_texts',
  's.committee_name',
  's.committee_contact',
  's.committee_url',
  's.intake_department_id',
  's.status_link_days_after_close',
  's.updated_at',
] as const satisfies readonly `s.${keyof PortalSettingsTable}`[];

// A column added to PortalSettingsTable and not to the list above fails the type check here
const everySettingsColumn: Record<
  Exclude<`s.${keyof PortalSettingsTable}`, (typeof SETTINGS_COLUMNS)[number]>,
  never
> = {};
void everySettingsColumn;

const selectPortalSettings = (trx: Scoped, organizationId: string) =>
  trx
    .selectFrom('portal_settings as s')
    .innerJoin('organization as o', 'o.id', 's.organization_id')
    .select(SETTINGS_COLUMNS)
    .select(['o.name as organization_name', 'o.hostnames'])
    .where('s.organization_id', '=', organizationId);

/**
 * The portal's settings; the row (with a fresh signing secret) is created the first time it is needed.
 * Every portal page reads them, so the usual case (the row exists) costs one round trip, not two; the
 * statement is kept (decision 055: parsed and planned once per connection).
 */
export async function loadPortalSettings(trx: Scoped, organizationId: string) {
  const [existing] = await executeKept(trx, selectPortalSettings(trx, organizationId));
  if (existing !== undefined) return existing;
  await trx
    .insertInto('portal_settings')
    .values({ organization_id: organizationId, form_secret: randomBytes(32) })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
  return selectPortalSettings(trx, organizationId).executeTakeFirstOrThrow();
}

export type PortalSettingsRow = Awaited<ReturnType<typeof loadPortalSettings>>;

export async function updatePortalSettings(
  trx: Scoped,
  organizationId: string,
  values: Record<string, string | number | null>,
) {
  await trx
    .updateTable('portal_settings')
    .set({ ...values, updated_at: new Date() })
    .where('organization_id', '=', organizationId)
    .execute();
}

/** Postcode + house number (+ addition) to our unit; an ambiguous address matches nothing. */
/** Our unit at the address given on the form (exactly one match, the addition compared loosely), with its address. */
export async function findUnitByAddress(
  trx: Scoped,
  address: { postcode: string; houseNumber: number; addition: string | null },
) {
  // Decision 055: the submission's statements are kept (parsed and planned once per connection)
  const rows = await executeKept(
    trx,
    trx
      .selectFrom('unit')
      .select([
        'id',
        'housing_complex_id',
        'street',
        'house_number',
        'house_number_addition',
        'postcode',
        'place',
      ])
      .where('postcode', '=', address.postcode)
      .where('house_number', '=', address.houseNumber)
      .limit(20),
  );
  const wanted = (address.addition ?? '').replace(/[\s-]/g, '').toLowerCase();
  const matches = rows.filter(
    (row) => (row.house_number_addition ?? '').replace(/[\s-]/g, '').toLowerCase() === wanted,
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/**
 * Claims a form nonce. Returns null when this request is the first to use it; otherwise the earlier use.
 * A concurrent second request waits on the primary key until the first commits, then sees its result.
 */
export async function claimNonce(
  trx: Scoped,
  claim: {
    organizationId: string;
    nonceHash: string;
    purpose: 'complaint' | 'message' | 'satisfaction';
    requestHash: string;
  },
) {
  const [inserted] = await executeKept(
    trx,
    trx
      .insertInto('portal_form_nonce')
      .values({
        organization_id: claim.organizationId,
        nonce_hash: claim.nonceHash,
        purpose: claim.purpose,
        request_hash: claim.requestHash,
      })
      .onConflict((oc) => oc.columns(['organization_id', 'nonce_hash']).doNothing())
      .returning('nonce_hash'),
  );
  if (inserted !== undefined) return null;
  return trx
    .selectFrom('portal_form_nonce as n')
    .leftJoin('complaint as c', 'c.id', 'n.complaint_id')
    .select(['n.purpose', 'n.request_hash', 'n.complaint_id', 'c.reference'])
    .where('n.nonce_hash', '=', claim.nonceHash)
    .executeTakeFirstOrThrow();
}

/**
 * Ties the claimed form nonce to the complaint it registered (a replayed post finds it) and records the
 * form's `portal_intake` event, in one statement.
 */
export async function attachNonceWithIntakeEvent(
  trx: Scoped,
  nonceHash: string,
  event: { organizationId: string; complaintId: string; payload: Record<string, unknown> },
) {
  await executeKept(
    trx,
    sql`
    with attached as (
      update portal_form_nonce set complaint_id = ${event.complaintId} where nonce_hash = ${nonceHash}
    )
    insert into complaint_event (organization_id, complaint_id, type, at, actor_user_id, actor_token_id, summary, payload)
    values (${event.organizationId}, ${event.complaintId}, 'portal_intake', ${serverNow()}, null, null, null, ${JSON.stringify(event.payload)})`,
  );
}

export async function insertStatusLink(
  trx: Scoped,
  link: { organizationId: string; complaintId: string; tokenHash: string },
) {
  await executeKept(
    trx,
    trx.insertInto('complaint_status_link').values({
      organization_id: link.organizationId,
      complaint_id: link.complaintId,
      token_hash: link.tokenHash,
    }),
  );
}

/** What the status page reads of a complaint: only the columns the complainant may see. */
const STATUS_COMPLAINT_COLUMNS = [
  'c.id',
  'c.organization_id',
  'c.reference',
  'c.status',
  'c.received_at',
  'c.due_at',
  'c.has_answer_term',
  'c.description',
  'c.desired_outcome',
  'c.answer_text',
  'c.answered_at',
  'c.closed_at',
  'c.merged_into_id',
] as const;

/** The complaint behind a status link. */
export async function findComplaintByStatusToken(trx: Scoped, tokenHash: string) {
  return trx
    .selectFrom('complaint_status_link as l')
    .innerJoin('complaint as c', 'c.id', 'l.complaint_id')
    .select(['l.id as link_id', 'l.expires_at', 'l.revoked_at', ...STATUS_COMPLAINT_COLUMNS])
    .where('l.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Issue 22: the complaint a merged one points to, with the same columns as the status page reads. */
export async function findStatusComplaint(trx: Scoped, id: string) {
  return trx
    .selectFrom('complaint as c')
    .select([...STATUS_COMPLAINT_COLUMNS])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export type StatusComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaintByStatusToken>>> & {
  /** Issue 22: the reference of the complaint the link was made for, when it was merged into this one. */
  mergedFromReference?: string;
};

export async function revokeStatusLinks(trx: Scoped, complaintId: string, now: Date) {
  await trx
    .updateTable('complaint_status_link')
    .set({ revoked_at: now })
    .where('complaint_id', '=', complaintId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Timeline events the complainant may see: what we sent them and what they sent us; nothing internal. */
export async function insertComplainantEvent(
  trx: Scoped,
  event: {
    organizationId: string;
    complaintId: string;
    type: TimelineEventType;
    summary?: string | null;
    payload?: Record<string, unknown>;
  },
) {
  await trx
    .insertInto('complaint_event')
    .values({
      organization_id: event.organizationId,
      complaint_id: event.complaintId,
      type: event.type,
      at: serverNow(),
      actor_user_id: null,
      actor_token_id: null,
      summary: event.summary ?? null,
      payload: JSON.stringify(event.payload ?? {}),
    })
    .execute();
}

export async function findSatisfaction(trx: Scoped, complaintId: string) {
  return trx
    .selectFrom('complaint_satisfaction')
    .select(['handling', 'outcome', 'comment', 'created_at'])
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
}

/** Returns false when the complaint was already rated (one rating per complaint). */
export async function insertSatisfaction(
  trx: Scoped,
  rating: {
    organizationId: string;
    complaintId: string;
    handling: number;
    outcome: number;
    comment: string | null;
  },
): Promise<boolean> {
  const row = await trx
    .insertInto('complaint_satisfaction')
    .values({
      organization_id: rating.organizationId,
      complaint_id: rating.complaintId,
      handling: rating.handling,
      outcome: rating.outcome,
      comment: rating.comment,
    })
    .onConflict((oc) => oc.column('complaint_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * What the status page shows besides the complaint — the complainant's events, the rating, whether the
 * acknowledgement went out — in one round trip (JSON columns; timestamps come back as text and are revived).
 */
type StatusRowWithParts = NonNullable<Awaited<ReturnType<typeof findComplaintByStatusToken>>> & {
  events: {
    id: number;
    type: string;
    at: string;
    summary: string | null;
    payload: Record<string, unknown>;
  }[];
  satisfaction: { handling: number; outcome: number; comment: string | null; created_at: string } | null;
  acknowledged: boolean;
  /** Issue 26: what the complainant asked for (kinds and values), and whether the acknowledgement is posted. */
  adjustments: StatusAdjustment[];
  acknowledged_by_post: boolean;
};

export type StatusAdjustment = { kind: string; value: unknown };

/**
 * Issue 26 (decision 052): the complainant's adjustments, and whether the acknowledgement goes by post, as
 * expressions of the status page's one query (no extra round trip) on the complaint shown.
 */
const adjustmentsOfComplaint = (complaintId: RawBuilder<unknown>) => sql<StatusAdjustment[]>`coalesce((
    select jsonb_agg(jsonb_build_object('kind', a.kind, 'value', a.value) order by a.kind)
    from complaint ac join complainant_adjustment a on a.person_id = ac.complainant_id
    where ac.id = ${complaintId}
  ), '[]'::jsonb)`;
// A limited scalar subquery, not `exists`: PostgreSQL hashed the `exists` over every letter to post of the
// corporation (6,130 rows, 31 ms nationally, national run E's status page 23.5 → 60 ms p95); this one is a
// lookup through `outbox_message_complaint` (0.006 ms)
const acknowledgedByPost = (complaintId: RawBuilder<unknown>) => sql<boolean>`coalesce((
    select true from outbox_message m
    where m.complaint_id = ${complaintId} and m.kind = 'acknowledgement' and m.status = 'to_post'
    limit 1
  ), false)`;

/**
 * The status page in one round trip (issue 24): the complaint behind a link with what the complainant may see
 * of it — the same parts as `loadStatusParts`, for the link's own complaint (after a merge the caller reads the
 * parts of the complaint it was merged into instead). Through `portal_status` (migration 078), whose plan
 * PostgreSQL keeps per connection; it runs as the caller, so row-level security applies as to a plain query.
 */
export async function findStatusWithParts(trx: Scoped, tokenHash: string, types: readonly string[]) {
  const { rows } = await sql<StatusRowWithParts>`
    select s.*, ${adjustmentsOfComplaint(sql`s.id`)} as adjustments,
      ${acknowledgedByPost(sql`s.id`)} as acknowledged_by_post
    from portal_status(${tokenHash}, ${[...types]}::text[]) s
  `.execute(trx);
  const row = rows[0];
  if (row === undefined) return undefined;
  const { events, satisfaction, acknowledged, adjustments, acknowledged_by_post, ...complaint } = row;
  return {
    complaint,
    parts: statusPartsOf({ events, satisfaction, acknowledged, adjustments, acknowledged_by_post }),
  };
}

/** JSON columns come back with dates as strings: made dates again. */
function statusPartsOf<E extends { at: string | Date }, S extends { created_at: string | Date }>(row: {
  events: E[];
  satisfaction: S | null;
  acknowledged: unknown;
  adjustments: StatusAdjustment[];
  acknowledged_by_post: unknown;
}) {
  return {
    events: row.events.map((e): Omit<E, 'at'> & { at: Date } => ({ ...e, at: new Date(e.at) })),
    satisfaction:
      row.satisfaction &&
      ({ ...row.satisfaction, created_at: new Date(row.satisfaction.created_at) } as Omit<S, 'created_at'> & {
        created_at: Date;
      }),
    acknowledged: row.acknowledged === true,
    adjustments: row.adjustments,
    acknowledgedByPost: row.acknowledged_by_post === true,
  };
}

export async function loadStatusParts(trx: Scoped, complaintId: string, types: readonly string[]) {
  const row = await trx
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('complaint_event')
          .select(['id', 'type', 'at', 'summary', 'payload'])
          .where('complaint_id', '=', complaintId)
          .where('type', 'in', [...types])
          .orderBy('id'),
      ).as('events'),
      jsonObjectFrom(
        eb
          .selectFrom('complaint_satisfaction')
          .select(['handling', 'outcome', 'comment', 'created_at'])
          .where('complaint_id', '=', complaintId),
      ).as('satisfaction'),
      eb
        .exists(
          eb
            .selectFrom('outbox_message')
            .select('id')
            .where('complaint_id', '=', complaintId)
            .where('kind', '=', 'acknowledgement'),
        )
        .as('acknowledged'),
      adjustmentsOfComplaint(sql`${complaintId}::uuid`).as('adjustments'),
      acknowledgedByPost(sql`${complaintId}::uuid`).as('acknowledged_by_post'),
    ])
    .executeTakeFirstOrThrow();
  return statusPartsOf(row);
}

export async function departmentExists(trx: Scoped, id: string): Promise<boolean> {
  const row = await trx.selectFrom('department').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
