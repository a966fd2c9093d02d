// Readable builders for domain tests; a fixed `now` everywhere (house style, "Tests").
import {
  type Approval,
  type Assessment,
  type ComplaintState,
  DEFAULT_CALENDAR_SETTINGS,
  type DisagreesWithPolicyAssessment,
  type OpenComplaintInput,
  openComplaint,
  type PolicyNotFollowedAssessment,
  type Role,
  type TransitionContext,
} from '../../src/domain/index.ts';

export const NOW = new Date('2026-06-10T10:00:00Z'); // Wednesday 12:00 in Amsterdam
export const RECEIVED = new Date('2026-06-08T08:00:00Z'); // Monday 10:00 in Amsterdam
export const SETTINGS = DEFAULT_CALENDAR_SETTINGS;

export function approvalBy(role: Role, byUserId = `${role}-1`, at = NOW): Approval {
  return { byUserId, role, at };
}

export function contextFor(role: Role = 'employee', userId = `${role}-1`): TransitionContext {
  return { now: NOW, actor: { userId, role }, settings: SETTINGS };
}

export const KIND_A: PolicyNotFollowedAssessment = {
  kind: 'policy_not_followed',
  verdict: 'upheld',
  apologyOffered: true,
  errorAdmitted: true,
  demonstrableDamage: false,
  compensation: null,
};

export const KIND_B: DisagreesWithPolicyAssessment = {
  kind: 'disagrees_with_policy',
  verdict: 'not_upheld',
  discussedWithColleagues: true,
  finding: 'policy_right',
  explanation: 'Zo werkt ons beleid voor tuinonderhoud, en daarom.',
  managerDecision: null,
};

export function openState(overrides: Partial<OpenComplaintInput> = {}): ComplaintState {
  const opened = openComplaint(
    {
      receivedAt: RECEIVED,
      channel: 'phone',
      responsibleManagerId: 'manager-1',
      managementAssistantIds: ['assistant-1'],
      repeat: null,
      ...overrides,
    },
    SETTINGS,
    NOW,
  );
  if (!opened.ok) throw new Error(opened.reason);
  return opened.state;
}

/** A complaint in progress that is ready to be answered. */
export function readyToAnswer(
  overrides: Partial<ComplaintState> = {},
  assessment: Assessment = KIND_A,
): ComplaintState {
  return {
    ...openState(),
    status: 'in_progress',
    handlerId: 'employee-1',
    contacts: [{ kind: 'phone', at: NOW }],
    assessment,
    ...overrides,
  };
}

export const PLAIN_DRAFT = {
  adoptsLegalAdvice: false,
  standsByEarlierDecision: false,
  statesLastResponse: false,
} as const;
