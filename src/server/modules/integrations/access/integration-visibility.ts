import { decideComplaintAction, decideTokenAction } from '../../../../domain/index.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import type { Principal } from '../../../http/principal.ts';
import { toAccess } from '../../complaints/index.ts';
import { findComplaintAccessRows } from '../integration-event.repository.ts';

/**
 * Who reads integration events: an API token or admin polling the feed, or a webhook endpoint. A webhook
 * receiver is an integration like a token of scope 'read' (it may never see a confidential complaint).
 */
export type IntegrationReader = Principal | { kind: 'webhook' };

/**
 * Keeps the events the reader may see, decided NOW from the complaint as it is now (issue 20): an event
 * published before its complaint became confidential is no longer served. The rule is the one of every
 * other exit: `decideTokenAction` for integrations, `decideComplaintAction` for staff. Events that belong
 * to no complaint stay.
 */
export async function keepVisibleEvents<
  T extends { complaint_id: string | null; payload?: Record<string, unknown> },
>(trx: Scoped, reader: IntegrationReader, events: readonly T[]): Promise<T[]> {
  const ids = [
    ...new Set(
      events.flatMap((e) => [...(e.complaint_id === null ? [] : [e.complaint_id]), ...linkedComplaintIds(e)]),
    ),
  ];
  const rows = await findComplaintAccessRows(trx, ids);
  const visible = new Set(rows.filter((row) => mayView(reader, row)).map((row) => row.id));
  return events
    .filter((e) => e.complaint_id === null || visible.has(e.complaint_id))
    .map((e) => withoutHiddenLinks(e, visible));
}

type Payload = Record<string, unknown>;

const isId = (id: unknown): id is string => typeof id === 'string';

/** An improvement action's linked complaints. */
function actionComplaintIds(payload: Payload | undefined): string[] {
  const ids = (payload?.improvementAction as { complaintIds?: unknown } | undefined)?.complaintIds;
  return Array.isArray(ids) ? ids.filter(isId) : [];
}

/** A repeat's earlier complaint: in the facts of every event of the repeat, and in its `repeat_linked` event. */
function earlierComplaintIds(payload: Payload | undefined): string[] {
  const facts = payload?.complaint as { repeatOfId?: unknown } | undefined;
  return [facts?.repeatOfId, payload?.earlierComplaintId].filter(isId);
}

/** Complaints an event names besides its own. */
function linkedComplaintIds(event: { payload?: Payload }): string[] {
  return [...actionComplaintIds(event.payload), ...earlierComplaintIds(event.payload)];
}

/**
 * Issue 20: a linked complaint the reader may not see is left out of the event (an improvement action's list)
 * or not named (a repeat's earlier complaint becomes `null`), decided now like the rest.
 */
function withoutHiddenLinks<T extends { payload?: Payload }>(event: T, visible: ReadonlySet<string>): T {
  if (linkedComplaintIds(event).every((id) => visible.has(id))) return event;
  const shown = (id: unknown) => (isId(id) && visible.has(id) ? id : null);
  const payload: Payload = { ...event.payload };
  if (isId(payload.earlierComplaintId)) payload.earlierComplaintId = shown(payload.earlierComplaintId);
  const facts = payload.complaint as Payload | undefined;
  if (facts !== undefined && isId(facts.repeatOfId)) {
    payload.complaint = { ...facts, repeatOfId: shown(facts.repeatOfId) };
  }
  if (payload.improvementAction !== undefined) {
    payload.improvementAction = {
      ...(payload.improvementAction as Payload),
      complaintIds: actionComplaintIds(event.payload).filter((id) => visible.has(id)),
    };
  }
  return { ...event, payload };
}

function mayView(
  reader: IntegrationReader,
  row: Awaited<ReturnType<typeof findComplaintAccessRows>>[number],
): boolean {
  const access = toAccess(row);
  if (reader.kind === 'staff') return decideComplaintAction(reader, 'complaint.view', access).allowed;
  const scope = reader.kind === 'token' ? reader.scope : 'read';
  return decideTokenAction(scope, 'complaint.view', access).allowed;
}
