// What a reader may see of a complaint on every exit (issue 20): whole, counted only, or nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  type AnswerRecipient,
  type ComplaintAccess,
  type ComplaintExposure,
  type ComplaintReader,
  ccWhoMaySee,
  complaintExposure,
  mayShowComplaint,
  type StaffActor,
  type StaffRole,
  TOKEN_SCOPES,
} from '../../src/domain/index.ts';

type Kind = 'ordinary' | 'confidential' | 'criminal';

function complaint(kind: Kind): ComplaintAccess {
  return {
    handlerId: 'handler',
    responsibleManagerId: 'responsible-manager',
    departmentId: 'handling-department',
    confidential: kind !== 'ordinary',
    confidentialReason:
      kind === 'ordinary' ? null : kind === 'criminal' ? 'criminal_suspicion' : 'sensitive_personal_matter',
    subjectEmployeeId: 'concerned',
    subjectEmployeeDepartmentId: 'concerned-department',
  };
}

function staff(userId: string, roles: StaffRole[], managed: string[] = []): ComplaintReader {
  return { userId, roles, departmentId: managed[0] ?? 'some-department', managedDepartmentIds: managed };
}

const READERS: Record<string, ComplaintReader> = {
  employee: staff('someone', ['employee']),
  admin: staff('admin', ['employee', 'admin']),
  privacyOfficer: staff('privacy', ['employee', 'privacy_officer']),
  assistant: staff('assistant', ['employee', 'management_assistant']),
  otherManager: staff('other-manager', ['employee', 'manager'], ['other-department']),
  handlingManager: staff('dept-manager', ['employee', 'manager'], ['handling-department']),
  responsibleManager: staff('responsible-manager', ['employee', 'manager']),
  handler: staff('handler', ['employee']),
  concerned: staff('concerned', ['employee']),
  concernedMt: staff('concerned', ['employee', 'management_team']),
  concernedManager: staff('concerned-manager', ['employee', 'manager'], ['concerned-department']),
  mt: staff('mt', ['employee', 'management_team']),
  board: staff('board', ['employee', 'board']),
  legal: staff('legal', ['employee', 'legal']),
  ...Object.fromEntries(TOKEN_SCOPES.map((scope) => [`token:${scope}`, { kind: 'token', scope } as const])),
};

// reader → [ordinary, confidential (sensitive personal matter), confidential (criminal suspicion, policy 2.5)]
const EXPECTED: Record<string, [ComplaintExposure, ComplaintExposure, ComplaintExposure]> = {
  employee: ['whole', 'none', 'none'],
  admin: ['whole', 'none', 'none'],
  privacyOfficer: ['whole', 'none', 'none'],
  assistant: ['whole', 'counted', 'counted'],
  otherManager: ['whole', 'counted', 'counted'],
  handlingManager: ['whole', 'whole', 'whole'],
  responsibleManager: ['whole', 'whole', 'whole'],
  handler: ['whole', 'whole', 'whole'],
  concerned: ['whole', 'whole', 'none'],
  concernedMt: ['whole', 'whole', 'counted'],
  concernedManager: ['whole', 'whole', 'counted'],
  mt: ['whole', 'whole', 'whole'],
  board: ['whole', 'whole', 'whole'],
  legal: ['whole', 'whole', 'whole'],
  'token:read': ['whole', 'none', 'none'],
  'token:register': ['whole', 'none', 'none'],
  'token:full': ['whole', 'none', 'none'],
};

describe('complaintExposure', () => {
  test('every reader in the table has an expectation', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(READERS).sort());
  });

  const kinds: Kind[] = ['ordinary', 'confidential', 'criminal'];
  for (const [name, reader] of Object.entries(READERS)) {
    test.each(kinds.map((kind, i) => [kind, EXPECTED[name]?.[i]] as const))(
      `${name} sees a %s complaint: %s`,
      (kind, expected) => {
        expect(complaintExposure(reader, complaint(kind))).toBe(expected);
        expect(mayShowComplaint(reader, complaint(kind))).toBe(expected === 'whole');
      },
    );
  }
});

describe('ccWhoMaySee: the answer goes in cc only to whom may see the complaint (policy 2.3, issue 20)', () => {
  const cc: AnswerRecipient[] = [
    { role: 'manager', userId: 'dept-manager' },
    { role: 'management_assistant', userId: 'assistant' },
    { role: 'management_assistant', userId: 'unknown-user' },
  ];
  const readers = new Map(
    [READERS.handlingManager, READERS.assistant].map((r) => [(r as StaffActor).userId, r as StaffActor]),
  );
  test.each([
    ['ordinary', ['dept-manager', 'assistant']],
    ['confidential', ['dept-manager']],
    ['criminal', ['dept-manager']],
  ] as const)('a %s complaint: cc to %j', (kind, expected) => {
    const ids = ccWhoMaySee(cc, readers, complaint(kind)).map((r) => ('userId' in r ? r.userId : r.role));
    expect(ids).toEqual(expected);
  });
});

describe('the docs name every exit that applies complaintExposure', () => {
  const permissions = readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8');
  const privacy = readFileSync(new URL('../../docs/privacy.md', import.meta.url), 'utf8');
  test.each([
    'GET /api/reports/complaints',
    'POST /api/reports/jobs',
    'GET /api/admin/outbox',
    'committee-dossier.zip',
    'ccWhoMaySee',
    '`withheld`',
    '`redacted`',
  ])('docs/permissions.md names %s', (exit) => {
    expect(permissions).toContain(exit);
  });
  test.each(['complaintExposure', 'complex_dossier', 'drill_down', 'outbox'])(
    'docs/privacy.md names %s',
    (word) => {
      expect(privacy).toContain(word);
    },
  );
});
