// What a reader may see of one timeline event of a complaint they may see (issue 20). Every exit that renders
// a timeline (the JSON detail, the case-file PDF, the complex dossier, the subject-access export) asks this one
// function, so an event never says more on one exit than on another.
import { type ComplaintReader, complaintExposure } from './complaint-exposure.ts';
import type { ComplaintAccess } from './permissions.ts';

export type TimelineEventFacts = Readonly<{
  type: string;
  summary: string | null;
  payload: Readonly<Record<string, unknown>>;
}>;

export type TimelineSight = Readonly<{
  reader: ComplaintReader;
  /** The complaint the timeline belongs to, as it is now (the reader may see it whole). */
  complaint: ComplaintAccess;
  /** Other complaints an event may point at (a repeat's earlier complaint…) that the reader may see whole. */
  visibleOtherComplaintIds: ReadonlySet<string>;
}>;

/** Events of the board's track for a suspected criminal offence (policy 2.5). */
export const BOARD_TRACK_EVENT_TYPES: readonly string[] = [
  'flag_criminal_offence',
  'board_notified',
  'decide_board_track',
];

/** The board's own e-mail about a suspected offence (outbox kind), also a board-track event when delivered. */
export const BOARD_TRACK_MESSAGE_KINDS: readonly string[] = ['board_criminal_suspicion'];

/** E-mail events whose payload names the addresses a message went to. */
const MESSAGE_EVENT_TYPES: readonly string[] = ['message_sent', 'message_failed'];
const RECIPIENT_KEYS = ['to', 'cc', 'recipients'];

/** Is this event part of the board's track: the flag, the board's mail and decision, a criminal reason? */
export function isBoardTrackEvent(event: TimelineEventFacts): boolean {
  if (BOARD_TRACK_EVENT_TYPES.includes(event.type)) return true;
  if (MESSAGE_EVENT_TYPES.includes(event.type))
    return BOARD_TRACK_MESSAGE_KINDS.includes(String(event.payload.kind));
  if (event.type !== 'marked_confidential' && event.type !== 'confidentiality_lifted') return false;
  return (
    event.payload.reason === 'criminal_suspicion' || event.payload.previousReason === 'criminal_suspicion'
  );
}

/** Would the reader see this complaint if it were on the board's track now (policy 2.5)? */
export function maySeeBoardTrack(reader: ComplaintReader, complaint: ComplaintAccess): boolean {
  return (
    complaintExposure(reader, {
      ...complaint,
      confidential: true,
      confidentialReason: 'criminal_suspicion',
    }) === 'whole'
  );
}

const isOtherComplaintKey = (key: string) => /(^c|C)omplaintIds?$/.test(key);

/**
 * The event as this reader may see it, or `null` when it is not shown at all.
 * - policy 2.5: the board's track (the flag, the board's mail and decision, a confidentiality reason or former
 *   reason `criminal_suspicion`) only for whoever may see a board-track complaint — also after the board lifted
 *   the flag or another reason replaced it, so the employee it concerns is never tipped off by the history.
 * - A reference to ANOTHER complaint the reader may not see is left out, as for an unknown one (no oracle).
 * - An integration (API token) gets the fact of an e-mail, not the addresses it went to.
 */
export function timelineEventFor<E extends TimelineEventFacts>(sight: TimelineSight, event: E): E | null {
  if (isBoardTrackEvent(event) && !maySeeBoardTrack(sight.reader, sight.complaint)) return null;
  let payload: Record<string, unknown> | null = null;
  const drop = (key: string) => {
    payload ??= { ...event.payload };
    delete payload[key];
  };
  for (const [key, value] of Object.entries(event.payload)) {
    if (!isOtherComplaintKey(key)) continue;
    if (typeof value === 'string' && !sight.visibleOtherComplaintIds.has(value)) drop(key);
    if (Array.isArray(value)) {
      const shown = value.filter((id) => typeof id === 'string' && sight.visibleOtherComplaintIds.has(id));
      if (shown.length !== value.length) {
        payload ??= { ...event.payload };
        payload[key] = shown;
      }
    }
  }
  if (sight.reader.kind === 'token' && MESSAGE_EVENT_TYPES.includes(event.type)) {
    for (const key of RECIPIENT_KEYS) if (key in event.payload) drop(key);
  }
  return payload === null ? event : { ...event, payload };
}

/** A message (outbox row) of the complaint, by its kind: the board's mail follows the board's track (policy 2.5). */
export function mayShowMessage(sight: TimelineSight, kind: string): boolean {
  return !BOARD_TRACK_MESSAGE_KINDS.includes(kind) || maySeeBoardTrack(sight.reader, sight.complaint);
}

/** Complaint ids an event points at, other than its own complaint (to look up what the reader may see). */
export function otherComplaintIdsOf(event: TimelineEventFacts): string[] {
  return Object.entries(event.payload)
    .filter(([key]) => isOtherComplaintKey(key))
    .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
    .filter((id): id is string => typeof id === 'string');
}

/** The whole timeline as the reader may see it, in order. */
export function timelineFor<E extends TimelineEventFacts>(sight: TimelineSight, events: readonly E[]): E[] {
  return events.flatMap((event) => {
    const shown = timelineEventFor(sight, event);
    return shown === null ? [] : [shown];
  });
}
