import { describe, expect, test } from 'vitest';
import {
  acknowledgeAtIntake,
  acknowledgementSendAt,
  type CalendarSettings,
  type ComplainantStep,
  type ComplainantUpdateInput,
  complainantStepKey,
  complainantStepOf,
  DEFAULT_CALENDAR_SETTINGS,
  decideComplainantUpdate,
  heldAcknowledgementAfter,
  type IntakeChannel,
  parseComplainantStepKey,
  type StepEvent,
  type ToldEntry,
  withdrawsUnpostedAcknowledgement,
} from '../../src/domain/index.ts';

const EMAIL = { email: true, postalAddress: true };
const POST = { email: false, postalAddress: true };
const NONE = { email: false, postalAddress: false };

describe('which timeline event is a step for the complainant (policy 1.1)', () => {
  test.each<[StepEvent, ComplainantStep | null]>([
    [{ type: 'accept_as_complaint', from: 'new', to: 'in_progress' }, 'assigned'],
    [{ type: 'accept_as_complaint', from: 'new', to: 'with_board' }, 'board_track'],
    [{ type: 'assign_handler', from: 'in_progress', to: 'in_progress' }, 'assigned'],
    [{ type: 'assign_handler', from: 'new', to: 'new' }, null],
    [{ type: 'extend_term', from: 'in_progress', to: 'in_progress' }, 'extended'],
    [{ type: 'refer_to_committee', from: 'closed', to: 'with_committee' }, 'committee'],
    [{ type: 'flag_criminal_offence', from: 'in_progress', to: 'with_board' }, 'board_track'],
    // policy 2.5: flagged outside the procedure, the complaint does not change hands: nothing to tell
    [{ type: 'flag_criminal_offence', from: 'referred', to: 'referred' }, null],
    [{ type: 'decide_board_track', from: 'with_board', to: 'closed' }, 'closed'],
    [{ type: 'decide_board_track', from: 'with_board', to: 'in_progress' }, 'reopened'],
    [{ type: 'decide_board_track', from: 'with_board', to: 'new' }, 'reopened'],
    [{ type: 'decide_board_track', from: 'with_board', to: 'with_board' }, null],
    [{ type: 'withdraw', from: 'in_progress', to: 'withdrawn' }, 'withdrawn'],
    [{ type: 'close', from: 'answered', to: 'closed' }, 'closed'],
    [{ type: 'record_without_answer_duty', from: 'new', to: 'closed' }, 'closed'],
    [{ type: 'refer_as_not_a_complaint', from: 'new', to: 'referred' }, 'referred'],
    [{ type: 'some_future_action', from: 'closed', to: 'in_progress' }, 'reopened'],
    [{ type: 'answer', from: 'in_progress', to: 'answered' }, null],
    [{ type: 'note_added' }, null],
    [{ type: 'marked_confidential' }, null],
  ])('%o is %s', (event, step) => {
    expect(complainantStepOf(event)).toBe(step);
  });
});

const input = (step: ComplainantStep, told: ToldEntry[] = [], extra: Partial<ComplainantUpdateInput> = {}) =>
  ({ step, detail: '', contact: EMAIL, told, ...extra }) satisfies ComplainantUpdateInput;

describe('one message per step, by the complainant’s channel', () => {
  test.each<[ComplainantStep, string, string]>([
    ['received', 'acknowledgement', '2.3'],
    ['assigned', 'progress_in_handling', '2.3'],
    ['extended', 'extension_notice', '2.3'],
    ['committee', 'progress_committee', '1.3'],
    ['board_track', 'explanation', '2.5'],
    ['withdrawn', 'progress_withdrawn', '1.1'],
    ['reopened', 'progress_reopened', '1.1'],
    ['closed', 'progress_closed', '1.1'],
    ['referred', 'referral', '1.2'],
  ])('policy: %s sends %s (clause %s) the first time', (step, kind, policy) => {
    expect(decideComplainantUpdate(input(step, [], { detail: 'x' }))).toEqual({
      send: true,
      kind,
      policy,
      delivery: 'email',
      replacesPending: false,
      cancel: [],
      key: `${step}:x`,
    });
  });

  test.each([
    { contact: EMAIL, delivery: 'email' },
    { contact: { email: true, postalAddress: false }, delivery: 'email' },
    { contact: POST, delivery: 'letter' },
  ])('reaches $contact by $delivery', ({ contact, delivery }) => {
    expect(decideComplainantUpdate(input('withdrawn', [], { contact }))).toMatchObject({
      send: true,
      delivery,
    });
  });

  test('policy 1.1: nobody to reach by mail or post: nothing sent, staff get a hint to call', () => {
    expect(decideComplainantUpdate(input('withdrawn', [], { contact: NONE }))).toEqual({
      send: false,
      reason: 'no_contact',
      policy: '1.1',
      staffHint: true,
      cancel: [],
    });
  });
});

describe('at most one message per step (issue 21)', () => {
  const sent = (step: ToldEntry['step'], detail = ''): ToldEntry => ({ step, detail, pending: false });
  const waiting = (step: ToldEntry['step'], detail = ''): ToldEntry => ({ step, detail, pending: true });

  test.each<[string, ComplainantUpdateInput, Record<string, unknown>]>([
    [
      'the acknowledgement named this handler already',
      input('assigned', [sent('received', 'h1')], { detail: 'h1' }),
      { send: false, reason: 'already_told' },
    ],
    [
      'a different handler than the acknowledgement named is told',
      input('assigned', [sent('received', 'h1')], { detail: 'h2' }),
      { send: true, replacesPending: false, key: 'assigned:h2' },
    ],
    [
      'assigned twice within minutes: the waiting mail is replaced',
      input('assigned', [sent('received', 'h1'), waiting('assigned', 'h2')], { detail: 'h3' }),
      { send: true, replacesPending: true, key: 'assigned:h3' },
    ],
    [
      'assigned away and back to the handler the acknowledgement named: the waiting change is withdrawn',
      input('assigned', [sent('received', 'h1'), waiting('assigned', 'h2')], { detail: 'h1' }),
      { send: false, reason: 'already_told', cancel: ['assigned'] },
    ],
    [
      'the same handler again while its mail waits: nothing new',
      input('assigned', [waiting('assigned', 'h2')], { detail: 'h2' }),
      { send: false, reason: 'already_told' },
    ],
    [
      'once the assignment mail went out, a later reassignment stays quiet',
      input('assigned', [sent('assigned', 'h2')], { detail: 'h3' }),
      { send: false, reason: 'already_told' },
    ],
    [
      'the same extension date twice: one notice',
      input('extended', [sent('extended', '2026-12-20')], { detail: '2026-12-20' }),
      { send: false, reason: 'already_told' },
    ],
    [
      'a later extension date is a new promise: told',
      input('extended', [sent('extended', '2026-12-20')], { detail: '2027-01-08' }),
      { send: true, replacesPending: false },
    ],
    [
      'extended and corrected before the notice went: one notice with the last date',
      input('extended', [waiting('extended', '2026-12-20')], { detail: '2026-12-21' }),
      { send: true, replacesPending: true, key: 'extended:2026-12-21' },
    ],
    [
      'closed after the answer: the answer already ended it',
      input('closed', [sent('received', 'h1'), sent('outcome', 'answer')]),
      { send: false, reason: 'outcome_told' },
    ],
    [
      'closed without an answer (no answer duty): told',
      input('closed', [sent('received', 'h1')]),
      { send: true, kind: 'progress_closed' },
    ],
    [
      'committee twice: once',
      input('committee', [sent('committee')]),
      { send: false, reason: 'already_told' },
    ],
  ])('%s', (_name, given, expected) => {
    expect(decideComplainantUpdate(given)).toMatchObject(expected);
  });

  test('policy 1.2: a repair request referred while "complaint received" still waits: only the referral', () => {
    expect(decideComplainantUpdate(input('referred', [waiting('received', 'h1')]))).toMatchObject({
      send: true,
      kind: 'referral',
      cancel: ['received'],
    });
  });

  test('an acknowledgement already sent is not withdrawn (it cannot be)', () => {
    expect(decideComplainantUpdate(input('referred', [sent('received', 'h1')]))).toMatchObject({
      send: true,
      cancel: [],
    });
  });

  test('policy 1.2: a form flagged as not a complaint gets no acknowledgement at intake', () => {
    expect(acknowledgeAtIntake({ flaggedNotAComplaint: true })).toBe(false);
    expect(acknowledgeAtIntake({ flaggedNotAComplaint: false })).toBe(true);
  });
});

describe('step keys', () => {
  test.each<[ComplainantStep, string]>([
    ['assigned', 'h-1'],
    ['extended', '2026-12-20'],
    ['closed', ''],
  ])('%s:%s round-trips', (step, detail) => {
    expect(parseComplainantStepKey(complainantStepKey(step, detail))).toEqual({ step, detail });
  });

  test('an unknown key is not a step', () => {
    expect(parseComplainantStepKey('answer:x')).toBeNull();
  });
});

describe('an e-mail is acknowledged after triage or the next working day, whichever comes first (policy 1.2, 2.3)', () => {
  const WITH_CLOSING_DAY: CalendarSettings = { ...DEFAULT_CALENDAR_SETTINGS, closingDays: ['2026-12-08'] };
  // December: Amsterdam is UTC+1, so the 17:00 cut-off is 16:00Z
  test.each<[string, IntakeChannel, string, string, CalendarSettings, string]>([
    [
      'an e-mail a staff member registered: at once',
      'email',
      '2026-12-07T09:00:00Z',
      'staff',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-07T09:05:00.000Z',
    ],
    [
      'Monday morning: Tuesday 17:00',
      'email',
      '2026-12-07T09:00:00Z',
      '2026-12-07T09:01:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-08T16:00:00.000Z',
    ],
    [
      'Monday after the cut-off: day 0 is Tuesday, so Wednesday',
      'email',
      '2026-12-07T17:30:00Z',
      '2026-12-07T17:31:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-09T16:00:00.000Z',
    ],
    [
      'Friday: Monday',
      'email',
      '2026-12-11T09:00:00Z',
      '2026-12-11T09:00:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-14T16:00:00.000Z',
    ],
    [
      'Sunday evening: day 0 Monday, so Tuesday',
      'email',
      '2026-12-13T20:00:00Z',
      '2026-12-13T20:00:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-15T16:00:00.000Z',
    ],
    [
      'Christmas Eve: past both Christmas days and the weekend',
      'email',
      '2026-12-24T09:00:00Z',
      '2026-12-24T09:00:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-28T16:00:00.000Z',
    ],
    [
      'a closing day of the corporation is skipped',
      'email',
      '2026-12-07T09:00:00Z',
      '2026-12-07T09:00:00Z',
      WITH_CLOSING_DAY,
      '2026-12-09T16:00:00.000Z',
    ],
    [
      'an old mail found late: at once',
      'email',
      '2026-11-02T09:00:00Z',
      '2026-12-07T09:00:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-07T09:00:00.000Z',
    ],
    [
      'by phone: at once',
      'phone',
      '2026-12-07T09:00:00Z',
      '2026-12-07T09:05:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-07T09:05:00.000Z',
    ],
    [
      'by letter: at once',
      'letter',
      '2026-12-04T09:00:00Z',
      '2026-12-07T09:05:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-07T09:05:00.000Z',
    ],
    [
      'at the desk: at once',
      'desk',
      '2026-12-07T09:00:00Z',
      '2026-12-07T09:05:00Z',
      DEFAULT_CALENDAR_SETTINGS,
      '2026-12-07T09:05:00.000Z',
    ],
  ])('%s', (_name, channel, receivedAt, now, settings, expected) => {
    // 'staff': registered by a staff member five minutes after receipt; otherwise by the mailbox itself
    const registeredByStaff = now === 'staff';
    const sendAt = acknowledgementSendAt({
      channel,
      registeredByStaff,
      receivedAt: new Date(receivedAt),
      now: registeredByStaff ? new Date(new Date(receivedAt).getTime() + 5 * 60_000) : new Date(now),
      settings,
    });
    expect(sendAt.toISOString()).toBe(expected);
  });

  test.each<[StepEvent, 'release' | 'keep']>([
    [{ type: 'accept_as_complaint', from: 'new', to: 'in_progress' }, 'release'],
    [{ type: 'accept_as_complaint', from: 'new', to: 'with_board' }, 'release'],
    [{ type: 'decline_outside_procedure', from: 'new', to: 'declined_outside_procedure' }, 'release'],
    [{ type: 'record_without_answer_duty', from: 'new', to: 'closed' }, 'release'],
    [{ type: 'withdraw', from: 'new', to: 'withdrawn' }, 'release'],
    // policy 1.2: the referral is the one message; it withdraws the held acknowledgement itself
    [{ type: 'refer_as_not_a_complaint', from: 'new', to: 'referred' }, 'keep'],
    // picked up before triage: still undecided
    [{ type: 'assign_handler', from: 'new', to: 'new' }, 'keep'],
    [{ type: 'note_added' }, 'keep'],
    [{ type: 'extend_term', from: 'in_progress', to: 'in_progress' }, 'keep'],
  ])('%o: the held acknowledgement is %s', (event, expected) => {
    expect(heldAcknowledgementAfter(event)).toBe(expected);
  });
});

describe('the outcome makes an acknowledgement letter not yet posted pointless (policy 2.3, 2.5)', () => {
  test.each<[string, boolean]>([
    ['answer_sent', true],
    ['explanation_sent', true],
    ['explanation_prepared', true],
    ['accept_as_complaint', false],
    ['assign_handler', false],
    ['extension_notice_sent', false],
    ['letter_posted', false],
  ])('%s withdraws it: %s', (type, expected) => {
    expect(withdrawsUnpostedAcknowledgement(type)).toBe(expected);
  });
});
