import type { ComplaintDetail } from '../../../contract/complaints.ts';
import type { ErrorCode } from '../../../contract/errors.ts';
import {
  type CalendarSettings,
  type ComplaintAction,
  type ComplaintEffect,
  type ComplaintPermission,
  type ComplaintState,
  decideTransition,
  type Role,
  type TimelineEventType,
} from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { inSpan } from '../../observability/spans.ts';
import { recordAccess } from '../access-log/index.ts';
import { calendarSettingsFor } from '../reference-data/index.ts';
import { authorize, domainActor, eventActor, readerOf } from './access/complaint-access.ts';
import type { ComplaintRow } from './complaint.repository.ts';
import * as repository from './complaint.repository.ts';
import { complaintEvents, mergeReceipts } from './complaint-events.ts';
import { stateColumns } from './mappers/complaint-state.mapper.ts';
import { buildDetail, loadState } from './views/complaint-detail.ts';

export type EventSpec = {
  type: TimelineEventType;
  summary?: string | null;
  contactKind?: 'phone' | 'in_person' | 'email' | 'letter' | null;
  contactDirection?: 'inbound' | 'outbound' | null;
  payload?: Record<string, unknown>;
};

export type MutationContext = {
  trx: Scoped;
  row: ComplaintRow;
  state: ComplaintState;
  settings: CalendarSettings;
  now: Date;
  principal: Principal;
};

export type MutationResult = {
  state?: ComplaintState;
  columns?: Record<string, unknown>;
  events: EventSpec[];
  effects?: readonly ComplaintEffect[];
  noteText?: string;
};

/** Parses `If-Match: "7"` (or W/"7"); a mismatch with the stored version is a 412. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (match === null)
    throw new AppError('precondition_failed', { detail: 'If-Match must be the ETag of the complaint.' });
  return Number(match[1]);
}

export const etagOf = (version: number) => `"${version}"`;

/**
 * One write on one complaint, in one transaction: lock the row, check who may do it and the version, let
 * `mutate` decide (through the domain), then store the new state, its timeline events and its effects.
 */
export async function mutateComplaint(
  db: Database,
  principal: Principal,
  complaintId: string,
  options: { permission: ComplaintPermission; ifMatch: number | undefined; now?: Date },
  mutate: (ctx: MutationContext) => Promise<MutationResult> | MutationResult,
): Promise<ComplaintDetail> {
  const now = options.now ?? serverNow();
  // One span per step on a complaint (decision 046): which permission it took, never the complaint's contents
  const attributes = {
    'gehoord.organization_id': principal.organizationId,
    'gehoord.permission': options.permission,
  };
  return inSpan('complaints.mutate', attributes, () =>
    inOrganization(db, principal.organizationId, async (trx) => {
      const row = (await repository.findComplaintRow(trx, complaintId, { forUpdate: true })) ?? null;
      authorize(principal, options.permission, row);
      if (row === null) throw new AppError('not_found');
      if (options.ifMatch !== undefined && options.ifMatch !== row.version)
        throw new AppError('precondition_failed');
      const settings = await calendarSettingsFor(trx);
      const state = await loadState(trx, row);
      const result = await mutate({ trx, row, state, settings, now, principal });
      const columns = { ...(result.state ? stateColumns(result.state) : {}), ...(result.columns ?? {}) };
      const version = await repository.updateComplaint(trx, row.id, row.version, columns);
      if (version === null) throw new AppError('precondition_failed');
      if (result.noteText !== undefined) await repository.appendNoteText(trx, row.id, result.noteText);
      const events = [...result.events, ...(await carryOutEffects(trx, row, result.effects ?? []))];
      await repository.insertEvents(
        trx,
        events.map((event) => ({
          organizationId: row.organization_id,
          complaintId: row.id,
          ...eventActor(principal),
          ...event,
        })),
      );
      // The timeline says who changed what and when; the access log adds from where (privacy issue 12).
      await recordAccess(trx, principal, {
        what: 'change',
        complaintId: row.id,
        detail: { events: events.map((e) => e.type) },
      });
      const updated = await repository.findComplaintRow(trx, row.id);
      if (updated === undefined) throw new AppError('not_found');
      // Integrations publish it, messages tell the complainant, notifications tell staff (decision 029)
      await complaintEvents.publish(trx, 'complaint.changed', {
        complaint: updated,
        events,
        cause: 'change',
        actorUserId: eventActor(principal).actorUserId,
        at: now,
      });
      return buildDetail(trx, updated, settings, now, readerOf(principal));
    }),
  );
}

/** Runs one whitelisted lifecycle step through the domain; a refusal becomes the domain's reason code. */
export function transition(
  ctx: MutationContext,
  action: ComplaintAction,
  role: Role = 'employee',
): MutationResult {
  const decided = decideTransition(ctx.state, action, {
    now: ctx.now,
    actor: domainActor(ctx.principal, role),
    settings: ctx.settings,
  });
  if (!decided.ok) throw new AppError(decided.reason as ErrorCode);
  return {
    state: decided.state,
    events: [{ type: action.type, payload: { from: decided.from, to: decided.to, policy: decided.policy } }],
    effects: decided.effects,
  };
}

/**
 * Who is told of a policy finding: the accountable manager, if any. The notification itself is written by the
 * notifications module when the 'policy_finding_referred' event is published (one per complaint and finding).
 */
async function accountableManagerOf(trx: Scoped, row: Pick<ComplaintRow, 'id'>): Promise<string | null> {
  const current = await repository.findComplaintRow(trx, row.id);
  return current?.responsible_manager_id ?? null;
}

/** What the domain asks to happen besides the state change; each leaves a trace on the timeline. */
export async function carryOutEffects(
  trx: Scoped,
  row: Pick<ComplaintRow, 'id' | 'organization_id'>,
  effects: readonly ComplaintEffect[],
): Promise<EventSpec[]> {
  const events: EventSpec[] = [];
  // The mail is queued in this transaction (by the messages module's subscriber); the worker adds a
  // 'message_sent' event once it is delivered
  const queued = mergeReceipts(
    await complaintEvents.publish(trx, 'complaint.effects_decided', {
      complaint: { id: row.id, organizationId: row.organization_id },
      effects,
    }),
  );
  const outbox = (type: ComplaintEffect['type']) => ({ outboxIds: [...(queued.get(type) ?? [])] });
  for (const effect of effects) {
    switch (effect.type) {
      case 'notify_board':
        await repository.insertBoardNotification(trx, row.organization_id, row.id);
        events.push({ type: 'board_notified', payload: { reason: effect.reason } });
        break;
      case 'record_referral':
        events.push({
          type: 'referral_recorded',
          payload: { referral: effect.referral, ...outbox(effect.type) },
        });
        break;
      case 'send_answer':
        events.push({
          type: 'answer_sent',
          payload: { recipients: effect.recipients, ...outbox(effect.type) },
        });
        break;
      case 'send_explanation':
        events.push({ type: 'explanation_sent', summary: effect.text, payload: outbox(effect.type) });
        break;
      case 'prepare_explanation_letter':
        // policy 2.5: prepared, not sent; it reaches the "te posten" list until somebody posts it
        events.push({ type: 'explanation_prepared', summary: effect.text, payload: { delivery: 'post' } });
        break;
      case 'refer_policy_finding_to_manager': {
        // policy 2.4: the accountable manager gets a wrong or missing policy at once
        const managerId = await accountableManagerOf(trx, row);
        events.push({ type: 'policy_finding_referred', payload: { finding: effect.finding, managerId } });
        break;
      }
      case 'notify_complainant_of_extension':
        events.push({
          type: 'extension_notice_sent',
          summary: effect.text,
          payload: { dueAt: effect.dueAt.toISOString(), ...outbox(effect.type) },
        });
        break;
      case 'put_on_management_team_agenda':
        events.push({ type: 'put_on_management_team_agenda', payload: { finding: effect.finding } });
        break;
      case 'request_legal_advice':
        events.push({ type: 'legal_advice_requested' });
        break;
      case 'consult_manager':
        events.push({ type: 'manager_consulted', payload: { managerId: effect.managerId } });
        break;
      case 'count_employee_repeat_event':
        events.push({
          type: 'employee_repeat_event',
          payload: { employeeId: effect.employeeId, cause: effect.cause },
        });
        break;
    }
  }
  return events;
}
