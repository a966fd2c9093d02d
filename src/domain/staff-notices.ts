import type { IntakeChannel } from './complaint-category.ts';
import type { EventNotificationKind } from './notification-preferences.ts';

// Issue 22: which staff member hears of which change to a complaint. Pure: the caller supplies the
// complaint's facts and the timeline events of one write, and checks confidentiality (canSeeComplaint)
// before anything is written.

/** Website and e-mail complaints arrive without a person behind the desk: their queue is told (policy 2.1). */
export const SELF_SERVICE_CHANNELS: readonly IntakeChannel[] = ['web', 'email'];

export type ChangeFacts = Readonly<{
  complaint: Readonly<{
    id: string;
    version: number;
    channel: string;
    handlerId: string | null;
    departmentId: string | null;
  }>;
  events: readonly Readonly<{ type: string; payload?: Record<string, unknown> }>[];
  cause: 'registration' | 'change';
  actorUserId: string | null;
  /** Who asked for the approval that was given or refused in this write (the latest request). */
  approvalRequesterId: string | null;
}>;

export type StaffNotice = Readonly<
  | { kind: EventNotificationKind; to: 'user'; userId: string; dedupeKey: string }
  | { kind: 'new_in_queue'; to: 'department'; departmentId: string; dedupeKey: string }
>;

const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** The notices of one write; nobody is told of what they did themselves. */
export function noticesForChange(facts: ChangeFacts): StaffNotice[] {
  const { complaint, actorUserId } = facts;
  const write = `${complaint.id}:v${complaint.version}`;
  const notices: StaffNotice[] = [];
  const toUser = (kind: EventNotificationKind, userId: string | null) => {
    if (userId !== null && userId !== actorUserId)
      notices.push({ kind, to: 'user', userId, dedupeKey: `${kind}:${write}` });
  };
  for (const event of facts.events) {
    const payload = event.payload ?? {};
    if (event.type === 'assign_handler') {
      const handlerId = str(payload.handlerId);
      const previous = str(payload.previousHandlerId);
      // assigned again to the same person: nothing new to tell
      if (previous === handlerId) continue;
      toUser('assigned', handlerId);
      toUser('reassigned_away', previous);
    }
    if (event.type === 'approval_requested') toUser('approval_requested', str(payload.managerId));
    if (event.type === 'approval_given') toUser('approval_given', facts.approvalRequesterId);
    if (event.type === 'approval_refused') toUser('approval_refused', facts.approvalRequesterId);
  }
  if (facts.cause === 'registration') {
    if (complaint.handlerId !== null) toUser('assigned', complaint.handlerId);
    else if (
      complaint.departmentId !== null &&
      (SELF_SERVICE_CHANNELS as readonly string[]).includes(complaint.channel)
    )
      notices.push({
        kind: 'new_in_queue',
        to: 'department',
        departmentId: complaint.departmentId,
        dedupeKey: `new_in_queue:${complaint.id}`,
      });
  }
  return notices;
}
