import { isBoardReminderDue } from './board-track.ts';
import { toLocalDate } from './business-time.ts';
import type { CalendarSettings } from './calendar-settings.ts';
import type { CommitteeStage } from './committee.ts';
import { type ComplaintStatus, isTermRunning } from './complaint-state.ts';
import type { LocalDate } from './local-date.ts';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-day-calendar.ts';

/** What the monitor needs to know about one open complaint. */
export type MonitoredComplaint = Readonly<{
  id: string;
  status: ComplaintStatus;
  /** null: no answer term (policy 2.6, a repeat past the last response), so nothing to remind about. */
  dueAt: Date | null;
  handlerId: string | null;
  responsibleManagerId: string | null;
  /** policy 2.6: in an employee-caused repeat this manager decides who handles it. */
  managingManagerId: string | null;
  /** Latest open request for the manager's approval (none given since). */
  approvalRequestedAt: Date | null;
  /** Legal advice requested (lawyer escalation) and not yet given. */
  legalAdviceRequestedAt: Date | null;
  committee: Readonly<{ stage: CommitteeStage; since: Date }> | null;
  /** policy 2.5: on the board's track since, and whether the board has recorded any decision. */
  boardTrack: Readonly<{ startedAt: Date; decided: boolean }> | null;
}>;

export type MonitorSettings = Readonly<{
  /** Overdue this many working days → the management team is told too. */
  escalateToManagementTeamAfterWorkingDays: number;
  approvalReminderAfterWorkingDays: number;
  legalAdviceReminderAfterWorkingDays: number;
  /** The corporation's reaction to the committee (policy 1.3). */
  committeeReactionWorkingDays: number;
  /** The board's decision after the committee's advice, in calendar months (policy 1.3). */
  boardDecisionMonths: number;
  /** An undecided board is reminded from this many working days after a suspected offence (policy 2.5). */
  boardReminderWorkingDays: number;
}>;

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = Object.freeze({
  escalateToManagementTeamAfterWorkingDays: 2,
  approvalReminderAfterWorkingDays: 1,
  legalAdviceReminderAfterWorkingDays: 1,
  committeeReactionWorkingDays: 7,
  boardDecisionMonths: 1,
  boardReminderWorkingDays: 2,
});

// Reminder kinds with what the recipient reads; Dutch first.
export const REMINDER_KINDS = {
  due_tomorrow: { nl: 'Termijn verloopt morgen', en: 'Term ends tomorrow' },
  due_today: { nl: 'Termijn verloopt vandaag', en: 'Term ends today' },
  overdue: { nl: 'Termijn verlopen', en: 'Term has passed' },
  overdue_escalated: { nl: 'Termijn al langer verlopen', en: 'Term passed some time ago' },
  approval_waiting: { nl: 'Wacht op uw akkoord', en: 'Waiting for your approval' },
  legal_advice_waiting: { nl: 'Wacht op juridisch advies', en: 'Waiting for legal advice' },
  assign_repeat_handler: {
    nl: 'Herhaalde klacht door reactie medewerker: kies een behandelaar',
    en: "Repeat caused by an employee's response: choose a handler",
  },
  committee_reaction_due: {
    nl: 'Reactie aan de klachtencommissie nodig',
    en: 'Reaction to the complaints committee needed',
  },
  board_decision_due: {
    nl: 'Besluit van de directie op het advies nodig',
    en: "Board's decision on the advice needed",
  },
  board_track_decision_due: {
    nl: 'Besluit van de directie over een vermoeden van een strafbaar feit nodig',
    en: "Board's decision on a suspected criminal offence needed",
  },
  improvement_action_overdue: {
    nl: 'Verbeteractie over de streefdatum',
    en: 'Improvement action past its due date',
  },
} as const;
export type ReminderKind = keyof typeof REMINDER_KINDS;

export type ReminderRecipient =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'role'; readonly role: 'management_team' | 'legal' | 'board' };

export type Reminder = Readonly<{
  kind: ReminderKind;
  complaintId: string;
  recipient: ReminderRecipient;
  /** Same reminder, same working day → same key: repeats and parallel runs add nothing (policy 2.3). */
  dedupeKey: string;
}>;

function addMonths(day: LocalDate, months: number): LocalDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * Who must be warned today (policy 2.3 "binnen vijf werkdagen", 2.5, 2.6, 1.3). Nothing is planned on a
 * day off; each reminder carries the day in its key, so it goes out at most once per working day.
 */
export function planReminders(
  complaints: readonly MonitoredComplaint[],
  now: Date,
  calendar: CalendarSettings,
  settings: MonitorSettings = DEFAULT_MONITOR_SETTINGS,
): Reminder[] {
  const today = toLocalDate(now);
  if (!isWorkingDay(today, calendar)) return [];
  const tomorrow = addWorkingDays(today, 1, calendar);
  const reminders: Reminder[] = [];
  const add = (kind: ReminderKind, complaintId: string, recipient: ReminderRecipient | null) => {
    if (recipient === null) return;
    const who = recipient.kind === 'user' ? recipient.userId : recipient.role;
    reminders.push({ kind, complaintId, recipient, dedupeKey: `${kind}:${complaintId}:${who}:${today}` });
  };
  const user = (userId: string | null): ReminderRecipient | null =>
    userId === null ? null : { kind: 'user', userId };

  for (const c of complaints) {
    if (c.status === 'with_board') {
      // policy 2.5: out of the procedure — the term stopped, nobody is chased for it; only the board is reminded
      if (
        c.boardTrack !== null &&
        isBoardReminderDue(c.boardTrack, now, settings.boardReminderWorkingDays, calendar)
      )
        add('board_track_decision_due', c.id, { kind: 'role', role: 'board' });
      continue;
    }
    const termOwner = c.managingManagerId ?? c.handlerId;
    if (isTermRunning(c.status) && c.dueAt !== null) {
      const dueDay = toLocalDate(c.dueAt);
      if (now.getTime() > c.dueAt.getTime()) {
        // policy 2.3: the handler and the manager ("eindverantwoordelijk") are told; later the MT
        add('overdue', c.id, user(termOwner));
        if (c.responsibleManagerId !== termOwner) add('overdue', c.id, user(c.responsibleManagerId));
        const late = workingDaysBetween(dueDay, today, calendar);
        if (late >= settings.escalateToManagementTeamAfterWorkingDays) {
          add('overdue_escalated', c.id, { kind: 'role', role: 'management_team' });
        }
      } else if (dueDay === today) add('due_today', c.id, user(termOwner));
      else if (dueDay === tomorrow) add('due_tomorrow', c.id, user(termOwner));
    }
    // policy 2.6: the manager decides who handles an employee-caused repeat
    if (c.status === 'new' && c.managingManagerId !== null && c.handlerId === null) {
      add('assign_repeat_handler', c.id, user(c.managingManagerId));
    }
    if (c.approvalRequestedAt !== null) {
      const since = toLocalDate(c.approvalRequestedAt);
      if (workingDaysBetween(since, today, calendar) >= settings.approvalReminderAfterWorkingDays) {
        add('approval_waiting', c.id, user(c.managingManagerId ?? c.responsibleManagerId));
      }
    }
    if (c.legalAdviceRequestedAt !== null) {
      const since = toLocalDate(c.legalAdviceRequestedAt);
      if (workingDaysBetween(since, today, calendar) >= settings.legalAdviceReminderAfterWorkingDays) {
        add('legal_advice_waiting', c.id, { kind: 'role', role: 'legal' });
      }
    }
    if (c.status === 'with_committee' && c.committee !== null) {
      const since = toLocalDate(c.committee.since);
      const reactionDue = addWorkingDays(since, settings.committeeReactionWorkingDays, calendar);
      if (
        (c.committee.stage === 'referred' || c.committee.stage === 'reference_recorded') &&
        today >= reactionDue
      ) {
        add('committee_reaction_due', c.id, user(c.handlerId ?? c.responsibleManagerId));
      }
      if (c.committee.stage === 'ruled' && today >= addMonths(since, settings.boardDecisionMonths)) {
        add('board_decision_due', c.id, { kind: 'role', role: 'board' });
      }
    }
  }
  return reminders;
}

export type MonitoredAction = Readonly<{
  id: string;
  ownerId: string | null;
  dueOn: string | null;
  open: boolean;
}>;

/** policy 3.1: an improvement action past its due date reminds its owner, once per working day. */
export function planActionReminders(
  actions: readonly MonitoredAction[],
  now: Date,
  calendar: CalendarSettings,
): Readonly<{ actionId: string; userId: string; dedupeKey: string }>[] {
  const today = toLocalDate(now);
  if (!isWorkingDay(today, calendar)) return [];
  return actions
    .filter((a) => a.open && a.ownerId !== null && a.dueOn !== null && a.dueOn < today)
    .map((a) => ({
      actionId: a.id,
      userId: a.ownerId as string,
      dedupeKey: `improvement_action_overdue:${a.id}:${today}`,
    }));
}

/** Days on which digests go out: working days only, so nothing arrives on a day off. */
export function isDigestDay(now: Date, calendar: CalendarSettings): boolean {
  return isWorkingDay(toLocalDate(now), calendar);
}
