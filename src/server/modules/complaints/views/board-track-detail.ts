import type { ComplaintDetail } from '../../../../contract/complaints.ts';
import {
  BOARD_TRACK_DECISIONS,
  type BoardTrack,
  type CalendarSettings,
  getBoardReminderDay,
  isAwaitingBoardDecision,
  isBoardTrackExplainedOnTime,
} from '../../../../domain/index.ts';

type StaffRef = { id: string; name: string } | null;

/** The board's track as the case page shows it (policy 2.5): since when, the explanation, decisions, reminder. */
export function describeBoardTrack(
  track: BoardTrack | null,
  reminderWorkingDays: number,
  settings: CalendarSettings,
  staffName: (id: string | null) => StaffRef,
): ComplaintDetail['boardTrack'] {
  if (track === null) return null;
  return {
    startedAt: track.startedAt.toISOString(),
    returnTo: track.returnTo,
    stoppedTerm: {
      originalDueAt: track.stoppedTerm.originalDueAt.toISOString(),
      dueAt: track.stoppedTerm.dueAt.toISOString(),
    },
    explanation:
      track.explanation === null
        ? null
        : {
            sentAt: track.explanation.sentAt.toISOString(),
            text: track.explanation.text,
            onTime: isBoardTrackExplainedOnTime(track) === true,
          },
    decisions: track.decisions.map((d) => ({
      kind: d.kind,
      label: BOARD_TRACK_DECISIONS[d.kind].nl,
      text: d.text,
      at: d.approval.at.toISOString(),
      by: staffName(d.approval.byUserId),
    })),
    endedAt: track.endedAt?.toISOString() ?? null,
    reminderDay: isAwaitingBoardDecision(track)
      ? getBoardReminderDay(track.startedAt, reminderWorkingDays, settings)
      : null,
  };
}
