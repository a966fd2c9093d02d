import { describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  computeDueAt,
  DEFAULT_CALENDAR_SETTINGS,
  isWorkingDay,
  type MonitoredComplaint,
  planActionReminders,
  planReminders,
  toInstant,
  toLocalDate,
} from '../../src/domain/index.ts';

const calendar = DEFAULT_CALENDAR_SETTINGS;
const at = (day: string, hour = 9) => toInstant({ date: day, hour, minute: 0, second: 0, millisecond: 0 });

const DUE_AT = computeDueAt(at('2027-05-14', 10), calendar).dueAt;

function complaint(overrides: Partial<MonitoredComplaint> = {}): MonitoredComplaint {
  return {
    id: 'c1',
    status: 'in_progress',
    dueAt: DUE_AT,
    handlerId: 'eva',
    responsibleManagerId: 'mia',
    managingManagerId: null,
    approvalRequestedAt: null,
    legalAdviceRequestedAt: null,
    committee: null,
    boardTrack: null,
    ...overrides,
  };
}

const kindsOn = (day: string, c = complaint()) =>
  planReminders([c], at(day), calendar).map(
    (r) => `${r.kind}>${r.recipient.kind === 'user' ? r.recipient.userId : r.recipient.role}`,
  );

describe('term monitoring (policy 2.3)', () => {
  test('received Friday before Whit Monday: reminders fall on the right working days, none on the holiday', () => {
    const due = toLocalDate(DUE_AT);
    expect(isWorkingDay('2027-05-17', calendar)).toBe(false); // Tweede Pinksterdag
    expect(kindsOn('2027-05-17')).toEqual([]);
    const dayBefore = addWorkingDays(due, -1, calendar);
    expect(kindsOn(dayBefore)).toEqual(['due_tomorrow>eva']);
    expect(kindsOn(due)).toEqual(['due_today>eva']);
    const after = addWorkingDays(due, 1, calendar);
    expect(kindsOn(after)).toEqual(['overdue>eva', 'overdue>mia']);
    expect(kindsOn(addWorkingDays(due, 2, calendar))).toEqual([
      'overdue>eva',
      'overdue>mia',
      'overdue_escalated>management_team',
    ]);
  });

  test('policy 2.6: a repeat without answer term (no due date) is never chased about a term', () => {
    const due = toLocalDate(DUE_AT);
    const none = complaint({ status: 'new', dueAt: null });
    for (const day of [addWorkingDays(due, -1, calendar), due, addWorkingDays(due, 3, calendar)])
      expect(kindsOn(day, none)).toEqual([]);
  });

  test('the same reminder on the same day has the same key; the next working day a new one', () => {
    const due = toLocalDate(DUE_AT);
    const morning = planReminders([complaint()], at(due, 8), calendar);
    const afternoon = planReminders([complaint()], at(due, 15), calendar);
    expect(afternoon.map((r) => r.dedupeKey)).toEqual(morning.map((r) => r.dedupeKey));
  });

  test('closed or answered complaints are not chased; approvals and legal advice waiting are', () => {
    const due = toLocalDate(DUE_AT);
    expect(kindsOn(due, complaint({ status: 'answered' }))).toEqual([]);
    const waiting = complaint({
      status: 'answered',
      approvalRequestedAt: at('2027-05-18'),
      legalAdviceRequestedAt: at('2027-05-18'),
    });
    expect(kindsOn('2027-05-18', waiting)).toEqual([]);
    expect(kindsOn('2027-05-19', waiting)).toEqual(['approval_waiting>mia', 'legal_advice_waiting>legal']);
  });

  test('employee-caused repeat: the manager is asked to choose a handler (policy 2.6)', () => {
    const repeat = complaint({ status: 'new', handlerId: null, managingManagerId: 'victor' });
    expect(kindsOn('2027-05-18', repeat)).toContain('assign_repeat_handler>victor');
  });

  test('committee: reaction after 7 working days, board decision a month after the ruling (policy 1.3)', () => {
    const referred = complaint({
      status: 'with_committee',
      committee: { stage: 'referred', since: at('2027-06-01') },
    });
    expect(kindsOn('2027-06-09', referred)).toEqual([]);
    expect(kindsOn('2027-06-10', referred)).toEqual(['committee_reaction_due>eva']);
    const ruled = complaint({
      status: 'with_committee',
      committee: { stage: 'ruled', since: at('2027-06-01') },
    });
    expect(kindsOn('2027-06-30', ruled)).toEqual([]);
    expect(kindsOn('2027-07-01', ruled)).toEqual(['board_decision_due>board']);
  });
});

describe('improvement actions past their due date (policy 3.1)', () => {
  test('remind the owner on working days only', () => {
    const actions = [
      { id: 'a1', ownerId: 'mia', dueOn: '2027-05-13', open: true },
      { id: 'a2', ownerId: 'mia', dueOn: '2027-05-20', open: true },
      { id: 'a3', ownerId: 'mia', dueOn: '2027-05-01', open: false },
    ];
    expect(planActionReminders(actions, at('2027-05-17'), calendar)).toEqual([]);
    expect(planActionReminders(actions, at('2027-05-18'), calendar)).toEqual([
      { actionId: 'a1', userId: 'mia', dedupeKey: 'improvement_action_overdue:a1:2027-05-18' },
    ]);
  });
});

describe('the clock: DST changes and the year end (reliability issue)', () => {
  test('a complaint received on the Friday before the autumn DST change is due on the right day and hour', () => {
    // Friday 23 October 2026, 16:30 Amsterdam (CEST); clocks go back on Sunday 25 October
    const received = toInstant({ date: '2026-10-23', hour: 16, minute: 30, second: 0, millisecond: 0 });
    const due = computeDueAt(received, calendar).dueAt;
    expect(toLocalDate(due)).toBe('2026-10-30');
    // End of the Amsterdam day in winter time is 22:59:59.999 UTC
    expect(due.toISOString()).toBe('2026-10-30T22:59:59.999Z');
    const c = complaint({ dueAt: due });
    expect(kindsOn('2026-10-25', c)).toEqual([]); // Sunday
    expect(kindsOn('2026-10-29', c)).toEqual(['due_tomorrow>eva']);
    expect(kindsOn('2026-11-02', c)).toEqual(['overdue>eva', 'overdue>mia']);
  });

  test('over the year end: Christmas and New Year are skipped, reminders resume on the first working day', () => {
    const received = toInstant({ date: '2026-12-23', hour: 10, minute: 0, second: 0, millisecond: 0 });
    const due = computeDueAt(received, calendar).dueAt;
    // 24 Dec, 28 Dec, 29 Dec, 30 Dec, 31 Dec: five working days (25, 26 Dec and weekends are off)
    expect(toLocalDate(due)).toBe('2026-12-31');
    const c = complaint({ dueAt: due });
    expect(kindsOn('2026-12-25', c)).toEqual([]);
    expect(kindsOn('2027-01-01', c)).toEqual([]); // New Year's Day
    expect(kindsOn('2027-01-04', c)).toEqual(['overdue>eva', 'overdue>mia']);
  });
});
