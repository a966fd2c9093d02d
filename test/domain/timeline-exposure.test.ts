// What a reader may see of one timeline event (issue 20): the board's track, other complaints, addresses.
import { describe, expect, test } from 'vitest';
import {
  type ComplaintAccess,
  type ComplaintReader,
  isBoardTrackEvent,
  otherComplaintIdsOf,
  type StaffRole,
  type TimelineEventFacts,
  timelineEventFor,
  timelineFor,
} from '../../src/domain/index.ts';

/** A complaint about employee `concerned`, no longer confidential (e.g. the board lifted the flag). */
const LIFTED: ComplaintAccess = {
  handlerId: 'handler',
  responsibleManagerId: 'responsible-manager',
  departmentId: 'handling-department',
  confidential: false,
  confidentialReason: null,
  subjectEmployeeId: 'concerned',
  subjectEmployeeDepartmentId: 'concerned-department',
};

function staff(userId: string, roles: StaffRole[], managed: string[] = []): ComplaintReader {
  return { userId, roles, departmentId: managed[0] ?? 'some-department', managedDepartmentIds: managed };
}

const READERS: Record<string, ComplaintReader> = {
  employee: staff('someone', ['employee']),
  concerned: staff('concerned', ['employee']),
  concernedManager: staff('concerned-manager', ['employee', 'manager'], ['concerned-department']),
  assistant: staff('assistant', ['employee', 'management_assistant']),
  privacyOfficer: staff('privacy', ['employee', 'privacy_officer']),
  handler: staff('handler', ['employee']),
  handlingManager: staff('dept-manager', ['employee', 'manager'], ['handling-department']),
  board: staff('board', ['employee', 'board']),
  mt: staff('mt', ['employee', 'management_team']),
  token: { kind: 'token', scope: 'read' },
};

const event = (type: string, payload: Record<string, unknown> = {}, summary: string | null = null) => ({
  type,
  summary,
  payload,
});

const BOARD_TRACK: TimelineEventFacts[] = [
  event('flag_criminal_offence', {}, 'Medewerker zou geld hebben aangenomen'),
  event('board_notified', { reason: 'criminal_suspicion' }),
  event('decide_board_track', { decision: 'back_to_procedure' }),
  event('marked_confidential', { reason: 'criminal_suspicion' }, 'Vermoeden van een strafbaar feit'),
  event('marked_confidential', { reason: 'other', previousReason: 'criminal_suspicion' }),
  event('confidentiality_lifted', { previousReason: 'criminal_suspicion' }, 'Onderzoek afgerond'),
  event('message_sent', { kind: 'board_criminal_suspicion', to: ['directie@example.nl'] }),
];

const ORDINARY: TimelineEventFacts[] = [
  event('registered', { channel: 'letter' }),
  event('marked_confidential', { reason: 'sensitive_personal_matter' }),
  event('confidentiality_lifted', { previousReason: 'sensitive_personal_matter' }, 'Niet meer nodig'),
  event('message_sent', { kind: 'answer', to: ['huurder@example.nl'], cc: ['manager@example.nl'] }),
  event('note_added', {}, 'Gebeld'),
];

const sight = (reader: ComplaintReader, visible: string[] = []) => ({
  reader,
  complaint: LIFTED,
  visibleOtherComplaintIds: new Set(visible),
});

describe('timelineEventFor', () => {
  test('recognises the events of the board track', () => {
    expect(BOARD_TRACK.map(isBoardTrackEvent)).toEqual(BOARD_TRACK.map(() => true));
    expect(ORDINARY.map(isBoardTrackEvent)).toEqual(ORDINARY.map(() => false));
  });

  // policy 2.5: after the flag is lifted, only who may see a board-track complaint sees its history
  test.each([
    ['employee', false],
    ['concerned', false],
    ['concernedManager', false],
    ['assistant', false],
    ['privacyOfficer', false],
    ['token', false],
    ['handler', true],
    ['handlingManager', true],
    ['board', true],
    ['mt', true],
  ] as const)('board-track events for %s: shown %s', (reader, shown) => {
    const seen = timelineFor(sight(READERS[reader] as ComplaintReader), BOARD_TRACK);
    expect(seen).toEqual(shown ? BOARD_TRACK : []);
  });

  test('an employee who is also MT does not see the board track of a suspicion about themselves', () => {
    const concernedMt = staff('concerned', ['employee', 'management_team']);
    expect(timelineFor(sight(concernedMt), BOARD_TRACK)).toEqual([]);
  });

  test('ordinary events stay whole for every staff reader', () => {
    for (const [name, reader] of Object.entries(READERS)) {
      if (name === 'token') continue;
      expect(timelineFor(sight(reader), ORDINARY), name).toEqual(ORDINARY);
    }
  });

  test('an integration gets the fact of an e-mail, not its addresses', () => {
    const sent = event('message_sent', { kind: 'answer', to: ['huurder@example.nl'], cc: ['m@example.nl'] });
    expect(timelineEventFor(sight(READERS.token as ComplaintReader), sent)).toEqual(
      event('message_sent', { kind: 'answer' }),
    );
    expect(timelineEventFor(sight(READERS.employee as ComplaintReader), sent)).toBe(sent);
  });

  test('a reference to another complaint the reader may not see is left out, a visible one stays', () => {
    const linked = event('repeat_linked', { earlierComplaintId: 'hidden', complaintIds: ['hidden', 'seen'] });
    const reader = READERS.employee as ComplaintReader;
    expect(otherComplaintIdsOf(linked)).toEqual(['hidden', 'hidden', 'seen']);
    expect(timelineEventFor(sight(reader, ['seen']), linked)).toEqual(
      event('repeat_linked', { complaintIds: ['seen'] }),
    );
    expect(timelineEventFor(sight(reader, ['seen', 'hidden']), linked)).toBe(linked);
  });

  test('the event passed in is never changed', () => {
    const sent = event('message_sent', { kind: 'answer', to: ['a@example.nl'] });
    timelineEventFor(sight(READERS.token as ComplaintReader), sent);
    expect(sent.payload).toEqual({ kind: 'answer', to: ['a@example.nl'] });
  });
});
