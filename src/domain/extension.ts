import { getEndOfLocalDay, toLocalDate } from './business-time.ts';
import type { CalendarSettings } from './calendar-settings.ts';
import { isLocalDate, type LocalDate } from './local-date.ts';
import { fail, hasText, type Outcome, succeed } from './result.ts';
import { type Approval, isManagerApproval } from './roles.ts';
import { isWorkingDay } from './working-day-calendar.ts';

/** The running term of a complaint: the original due instant is kept next to the current one (policy 2.3). */
export type ComplaintTerm = Readonly<{
  termStartDay: LocalDate;
  originalDueAt: Date;
  dueAt: Date;
  settingsVersion: number;
  extensions: readonly TermExtension[];
}>;

export type TermExtension = Readonly<{ dueAt: Date; reason: string; approval: Approval; noticeText: string }>;

export type ExtensionRequest = Readonly<{
  newDueDay: LocalDate;
  reason: string;
  managerApproval: Approval | null;
  noticeText: string;
}>;

export type ExtensionProblem =
  | 'extension_day_invalid'
  | 'extension_requires_reason'
  | 'extension_requires_manager_approval'
  | 'extension_requires_complainant_notice'
  | 'extension_must_be_later'
  | 'extension_day_not_working_day';

/**
 * Moving the due date: a reason, the manager's approval and a notice to the complainant are all
 * required (policy 2.3: the manager "blijft eindverantwoordelijk"; policy 1.1: "voortgang terugkoppelen").
 */
export function decideExtension(
  term: ComplaintTerm,
  request: ExtensionRequest,
  settings: CalendarSettings,
): Outcome<{ term: ComplaintTerm; extension: TermExtension }, ExtensionProblem> {
  if (!isLocalDate(request.newDueDay)) return fail('extension_day_invalid');
  if (!hasText(request.reason)) return fail('extension_requires_reason'); // policy 2.3: why the term is missed
  const approval = request.managerApproval;
  if (approval === null || !isManagerApproval(approval)) return fail('extension_requires_manager_approval'); // policy 2.3
  if (!hasText(request.noticeText)) return fail('extension_requires_complainant_notice'); // policy 1.1
  if (request.newDueDay <= toLocalDate(term.dueAt)) return fail('extension_must_be_later'); // policy 2.3
  if (!isWorkingDay(request.newDueDay, settings)) return fail('extension_day_not_working_day'); // policy 2.3
  const extension = {
    dueAt: getEndOfLocalDay(request.newDueDay),
    reason: request.reason.trim(),
    approval,
    noticeText: request.noticeText,
  };
  return succeed({
    term: { ...term, dueAt: extension.dueAt, extensions: [...term.extensions, extension] },
    extension,
  });
}

export type Timeliness = Readonly<{ onTimeOriginal: boolean; onTimeExtended: boolean | null }>;

/** On time is reported against the original and, if extended, against the extended term (policy 2.3, 3.2). */
export function assessTimeliness(answeredAt: Date, term: ComplaintTerm): Timeliness {
  const at = answeredAt.getTime();
  return {
    onTimeOriginal: at <= term.originalDueAt.getTime(),
    onTimeExtended: term.extensions.length === 0 ? null : at <= term.dueAt.getTime(),
  };
}
