// Confidentiality as an explicit flag with a reason (policy 1.3, 2.5): who sees it, who marks and lifts it,
// and what the flag becomes. The full role matrix is in permissions.test.ts; this file adds the people a
// complaint is about.
import { describe, expect, test } from 'vitest';
import {
  type ComplaintAccess,
  type ConfidentialityReason,
  canSeeComplaint,
  checkConfidentialityRequest,
  confidentialityOnCriminalSuspicion,
  decideComplaintAction,
  decideLiftConfidentiality,
  decideMarkConfidential,
  type StaffActor,
  type StaffRole,
} from '../../src/domain/index.ts';

const HANDLING_DEPARTMENT = 'wonen';
const CONCERNED_DEPARTMENT = 'vastgoed';

function complaint(reason: ConfidentialityReason | null): ComplaintAccess {
  return {
    handlerId: 'handler',
    responsibleManagerId: 'responsible-manager',
    departmentId: HANDLING_DEPARTMENT,
    confidential: reason !== null,
    confidentialReason: reason,
    subjectEmployeeId: 'concerned',
    subjectEmployeeDepartmentId: CONCERNED_DEPARTMENT,
  };
}

const person = (userId: string, roles: StaffRole[], managed: string[] = []): StaffActor => ({
  userId,
  roles,
  departmentId: managed[0] ?? null,
  managedDepartmentIds: managed,
});

type Who = keyof typeof PEOPLE;
const PEOPLE = {
  unrelated: person('someone', ['employee']),
  concerned: person('concerned', ['employee']),
  concernedAsMt: person('concerned', ['employee', 'management_team']),
  concernedAsHandler: { ...person('concerned', ['employee']), userId: 'concerned' },
  concernedManager: person('concerned-manager', ['employee', 'manager'], [CONCERNED_DEPARTMENT]),
  concernedDepartmentHeadWithoutRole: person('head', ['employee'], [CONCERNED_DEPARTMENT]),
  handler: person('handler', ['employee']),
  handlingManager: person('handling-manager', ['employee', 'manager'], [HANDLING_DEPARTMENT]),
  responsibleManager: person('responsible-manager', ['employee', 'manager']),
  otherManager: person('other-manager', ['employee', 'manager'], ['elders']),
  assistant: person('assistant', ['employee', 'management_assistant']),
  mt: person('mt', ['employee', 'management_team']),
  board: person('board', ['employee', 'board']),
  legal: person('legal', ['employee', 'legal']),
  admin: person('admin', ['employee', 'admin']),
  privacyOfficer: person('privacy', ['employee', 'privacy_officer']),
} satisfies Record<string, StaffActor>;

// Who sees a complaint about "concerned", per reason (policy 1.3, 2.5). true = sees it.
// columns: ordinary, sensitive_personal_matter, complainant_asks, other, criminal_suspicion
const SEES: Record<Who, string> = {
  unrelated: 'yes no no no no',
  concerned: 'yes yes yes yes no',
  concernedAsMt: 'yes yes yes yes no',
  concernedAsHandler: 'yes yes yes yes no',
  concernedManager: 'yes yes yes yes no',
  concernedDepartmentHeadWithoutRole: 'yes no no no no',
  handler: 'yes yes yes yes yes',
  handlingManager: 'yes yes yes yes yes',
  responsibleManager: 'yes yes yes yes yes',
  otherManager: 'yes no no no no',
  assistant: 'yes no no no no',
  mt: 'yes yes yes yes yes',
  board: 'yes yes yes yes yes',
  legal: 'yes yes yes yes yes',
  admin: 'yes no no no no',
  privacyOfficer: 'yes no no no no',
};
const REASONS: (ConfidentialityReason | null)[] = [
  null,
  'sensitive_personal_matter',
  'complainant_asks',
  'other',
  'criminal_suspicion',
];

describe('who sees a complaint about an employee, per confidentiality reason (policy 1.3, 2.5)', () => {
  const cases = (Object.keys(SEES) as Who[]).flatMap((who) =>
    REASONS.map((reason, i) => ({
      who,
      reason: reason ?? 'not confidential',
      access: complaint(reason),
      want: SEES[who].trim().split(/\s+/)[i] === 'yes',
    })),
  );
  test.each(cases)('$who, $reason → $want', ({ who, access, want }) => {
    const actor = PEOPLE[who];
    const seenAs = who === 'concernedAsHandler' ? { ...access, handlerId: 'concerned' } : access;
    expect(canSeeComplaint(actor, seenAs)).toBe(want);
    // what cannot be seen is hidden (404) for every action on it
    const view = decideComplaintAction(actor, 'complaint.view', seenAs);
    expect(view).toEqual(want ? { allowed: true } : { allowed: false, hidden: true });
  });

  test('a complaint about a department or contractor: only the positions and the MT, board and legal adviser', () => {
    const aboutDepartment = {
      ...complaint('complainant_asks'),
      subjectEmployeeId: null,
      subjectEmployeeDepartmentId: null,
    };
    expect(canSeeComplaint(PEOPLE.concernedManager, aboutDepartment)).toBe(false);
    expect(canSeeComplaint(PEOPLE.handler, aboutDepartment)).toBe(true);
    expect(canSeeComplaint(PEOPLE.legal, aboutDepartment)).toBe(true);
  });
});

describe('who marks and lifts (policy 1.3, 2.3, 2.5)', () => {
  const outcome = (
    who: Who,
    action: 'complaint.mark_confidential' | 'complaint.lift_confidential',
    reason: ConfidentialityReason | null,
  ) => {
    const d = decideComplaintAction(PEOPLE[who], action, complaint(reason));
    return d.allowed ? 'ok' : d.hidden ? '404' : '403';
  };
  // mark (ordinary complaint), lift (sensitive), lift (criminal suspicion)
  const TABLE: Partial<Record<Who, string>> = {
    unrelated: '403 404 404',
    concerned: '403 403 404',
    concernedManager: '403 403 404',
    handler: 'ok  403 403',
    handlingManager: 'ok  ok  403',
    responsibleManager: 'ok  ok  403',
    otherManager: '403 404 404',
    assistant: '403 404 404',
    mt: 'ok  ok  403',
    board: 'ok  ok  ok',
    legal: '403 403 403',
    admin: '403 404 404',
    privacyOfficer: 'ok  404 404',
  };
  test.each(Object.entries(TABLE))('%s: %s', (who, row) => {
    expect([
      outcome(who as Who, 'complaint.mark_confidential', null),
      outcome(who as Who, 'complaint.lift_confidential', 'sensitive_personal_matter'),
      outcome(who as Who, 'complaint.lift_confidential', 'criminal_suspicion'),
    ]).toEqual(row.split(/\s+/));
  });
});

describe('what the flag becomes', () => {
  test.each([
    [{ reason: undefined }, { ok: false, reason: 'confidential_reason_required' }],
    [
      { reason: null, text: 'iets' },
      { ok: false, reason: 'confidential_reason_required' },
    ],
    [{ reason: 'other' as const }, { ok: false, reason: 'confidential_reason_text_required' }],
    [
      { reason: 'other' as const, text: '   ' },
      { ok: false, reason: 'confidential_reason_text_required' },
    ],
    [
      { reason: 'other' as const, text: ' Op verzoek van de wijkagent ' },
      { ok: true, confidentiality: { reason: 'other', text: 'Op verzoek van de wijkagent' } },
    ],
    [
      { reason: 'complainant_asks' as const },
      { ok: true, confidentiality: { reason: 'complainant_asks', text: null } },
    ],
  ])('request %o → %o', (request, want) => {
    expect(checkConfidentialityRequest(request)).toEqual(want);
    expect(decideMarkConfidential(null, request)).toEqual(want);
  });

  test('marking an already confidential complaint is refused, whatever the reason', () => {
    const current = { reason: 'complainant_asks' as const, text: null };
    expect(decideMarkConfidential(current, { reason: 'sensitive_personal_matter' })).toEqual({
      ok: false,
      reason: 'already_confidential',
    });
  });

  test('lifting needs a confidential complaint and a reason', () => {
    const current = { reason: 'sensitive_personal_matter' as const, text: null };
    expect(decideLiftConfidentiality(null, 'Klaar')).toEqual({ ok: false, reason: 'not_confidential' });
    expect(decideLiftConfidentiality(current, ' ')).toEqual({
      ok: false,
      reason: 'confidentiality_lift_reason_required',
    });
    expect(decideLiftConfidentiality(current, ' Besproken met de klager ')).toEqual({
      ok: true,
      confidentiality: null,
      previous: current,
      reason: 'Besproken met de klager',
    });
  });

  test('policy 2.5: a suspected offence makes it confidential for that reason, replacing a milder one', () => {
    expect(confidentialityOnCriminalSuspicion(null)).toEqual({
      confidentiality: { reason: 'criminal_suspicion', text: null },
      changed: true,
    });
    expect(confidentialityOnCriminalSuspicion({ reason: 'complainant_asks', text: null })).toEqual({
      confidentiality: { reason: 'criminal_suspicion', text: null },
      changed: true,
    });
    const already = { reason: 'criminal_suspicion' as const, text: null };
    expect(confidentialityOnCriminalSuspicion(already)).toEqual({ confidentiality: already, changed: false });
  });
});
