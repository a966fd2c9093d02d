import {
  APPROVAL_REQUEST_SUBJECTS,
  type ApprovalHistoryEntry,
  type ApprovalSubject,
} from '../../../../domain/index.ts';

// The approval requests and decisions on a complaint's timeline, as the domain reads them (approvals.ts).

const KINDS = {
  approval_requested: 'requested',
  approval_given: 'given',
  approval_refused: 'refused',
} as const satisfies Record<string, ApprovalHistoryEntry['kind']>;

export const APPROVAL_EVENT_TYPES = Object.keys(KINDS) as (keyof typeof KINDS)[];

type EventRow = { type: string; at: Date; payload: Record<string, unknown> | null };

const isSubject = (value: unknown): value is ApprovalSubject =>
  (APPROVAL_REQUEST_SUBJECTS as readonly unknown[]).includes(value);

/** Timeline rows in order → the approval history; other events and unknown subjects are left out. */
export function approvalHistoryOf(events: readonly EventRow[]): ApprovalHistoryEntry[] {
  return events.flatMap((e) => {
    const kind = KINDS[e.type as keyof typeof KINDS];
    const subject = e.payload?.subject;
    if (kind === undefined || !isSubject(subject)) return [];
    const managerId = typeof e.payload?.managerId === 'string' ? e.payload.managerId : null;
    return [{ kind, subject, at: e.at, managerId }];
  });
}
