import { describe, expect, test } from 'vitest';
import {
  type AnswerContext,
  checkAnswer,
  computeAnswerRecipients,
  listAnswerBlockers,
  NO_EXTRA_REQUIREMENTS,
} from '../../src/domain/index.ts';
import { approvalBy, KIND_A, NOW, PLAIN_DRAFT } from './fixtures.ts';

const PARTIES = { managerId: 'manager-1', managementAssistantIds: ['assistant-1'] };

const READY: AnswerContext = {
  contacts: [{ kind: 'phone', at: NOW }],
  writtenOnlyReason: null,
  assessment: KIND_A,
  managerApproval: null,
  legalAdvice: null,
  requirements: NO_EXTRA_REQUIREMENTS,
  draft: PLAIN_DRAFT,
};

const LEGAL = { approval: approvalBy('legal'), summary: 'Aansprakelijkheid erkennen tot € 250.' };

describe('answer guards (policy 2.3, 2.4, 2.6)', () => {
  test.each([
    { name: 'policy 2.3: a phone call', ctx: READY },
    { name: 'policy 2.3: a visit in person', ctx: { ...READY, contacts: [{ kind: 'in_person', at: NOW }] } },
    {
      name: 'policy 2.3: written only, with the reason recorded',
      ctx: { ...READY, contacts: [], writtenOnlyReason: 'Klager is doof en wil alleen mailen.' },
    },
    {
      name: 'policy 2.6: employee-caused repeat, approved by that manager personally',
      ctx: {
        ...READY,
        requirements: { ...NO_EXTRA_REQUIREMENTS, managerApproval: true, approvingManagerId: 'manager-7' },
        managerApproval: approvalBy('manager', 'manager-7'),
      },
    },
    {
      name: 'policy 2.6: lawyer escalation with legal advice adopted',
      ctx: {
        ...READY,
        requirements: { ...NO_EXTRA_REQUIREMENTS, legalAdvice: true },
        legalAdvice: LEGAL,
        draft: { ...PLAIN_DRAFT, adoptsLegalAdvice: true },
      },
    },
    {
      name: 'policy 2.6: no new facts, standing by the decision',
      ctx: {
        ...READY,
        requirements: { ...NO_EXTRA_REQUIREMENTS, standByDecision: true },
        draft: { ...PLAIN_DRAFT, standsByEarlierDecision: true },
      },
    },
    {
      name: 'policy 2.6: last response stated',
      ctx: {
        ...READY,
        requirements: { ...NO_EXTRA_REQUIREMENTS, standByDecision: true, lastResponseStatement: true },
        draft: { ...PLAIN_DRAFT, standsByEarlierDecision: true, statesLastResponse: true },
      },
    },
  ] as const)('$name → may be sent', ({ ctx }) => {
    expect(listAnswerBlockers(ctx as AnswerContext)).toEqual([]);
    expect(checkAnswer(ctx as AnswerContext, PARTIES).ok).toBe(true);
  });

  test.each([
    {
      name: 'policy 2.3: no conversation and no written-only reason',
      ctx: { ...READY, contacts: [] },
      reason: 'answer_requires_contact',
    },
    {
      name: 'policy 2.3: e-mail contact alone is not a conversation',
      ctx: { ...READY, contacts: [{ kind: 'email', at: NOW }] },
      reason: 'answer_requires_contact',
    },
    {
      name: 'policy 2.3: a blank written-only reason does not count',
      ctx: { ...READY, contacts: [], writtenOnlyReason: ' ' },
      reason: 'answer_requires_contact',
    },
    {
      name: 'policy 2.4: no assessment',
      ctx: { ...READY, assessment: null },
      reason: 'answer_requires_assessment',
    },
    {
      name: 'policy 2.4: an incomplete assessment',
      ctx: { ...READY, assessment: { ...KIND_A, apologyOffered: false } },
      reason: 'apology_required',
    },
    {
      name: 'policy 2.6: manager approval required but missing',
      ctx: {
        ...READY,
        requirements: { ...NO_EXTRA_REQUIREMENTS, managerApproval: true, approvingManagerId: 'manager-7' },
      },
      reason: 'answer_requires_manager_approval',
    },
    {
      name: 'policy 2.6: approved by another manager than the one who must approve personally',
      ctx: {
        ...READY,
        requirements: { ...NO_EXTRA_REQUIREMENTS, managerApproval: true, approvingManagerId: 'manager-7' },
        managerApproval: approvalBy('manager', 'manager-8'),
      },
      reason: 'answer_requires_manager_approval',
    },
    {
      name: 'policy 2.6: approved by an employee instead of a manager',
      ctx: {
        ...READY,
        requirements: { ...NO_EXTRA_REQUIREMENTS, managerApproval: true, approvingManagerId: null },
        managerApproval: approvalBy('employee'),
      },
      reason: 'answer_requires_manager_approval',
    },
    {
      name: 'policy 2.6: legal advice required but missing',
      ctx: { ...READY, requirements: { ...NO_EXTRA_REQUIREMENTS, legalAdvice: true } },
      reason: 'answer_requires_legal_advice',
    },
    {
      name: 'policy 2.6: "legal advice" not given by legal',
      ctx: {
        ...READY,
        requirements: { ...NO_EXTRA_REQUIREMENTS, legalAdvice: true },
        legalAdvice: { ...LEGAL, approval: approvalBy('manager') },
      },
      reason: 'answer_requires_legal_advice',
    },
    {
      name: 'policy 2.6: legal advice recorded but not adopted',
      ctx: { ...READY, requirements: { ...NO_EXTRA_REQUIREMENTS, legalAdvice: true }, legalAdvice: LEGAL },
      reason: 'answer_must_adopt_legal_advice',
    },
    {
      name: 'policy 2.6: must stand by the decision',
      ctx: { ...READY, requirements: { ...NO_EXTRA_REQUIREMENTS, standByDecision: true } },
      reason: 'answer_must_stand_by_decision',
    },
    {
      name: 'policy 2.6: must say it is the last response',
      ctx: { ...READY, requirements: { ...NO_EXTRA_REQUIREMENTS, lastResponseStatement: true } },
      reason: 'answer_must_state_last_response',
    },
  ] as const)('$name → $reason', ({ ctx, reason }) => {
    const result = checkAnswer(ctx as AnswerContext, PARTIES);
    expect(result).toMatchObject({ ok: false, reason });
    expect(listAnswerBlockers(ctx as AnswerContext)).toEqual([reason]);
  });

  test('policy 2.3/2.4: every blocker is listed for the checklist', () => {
    const ctx = {
      ...READY,
      contacts: [],
      assessment: null,
      requirements: { ...NO_EXTRA_REQUIREMENTS, legalAdvice: true },
    };
    const result = checkAnswer(ctx, PARTIES);
    expect(result).toEqual({
      ok: false,
      reason: 'answer_requires_contact',
      blockers: ['answer_requires_contact', 'answer_requires_assessment', 'answer_requires_legal_advice'],
    });
  });
});

describe('recipients are computed by the domain (policy 2.3 "cc aan de leidinggevende en managementassistent")', () => {
  test('policy 2.3: to the complainant, cc manager and management assistant', () => {
    expect(checkAnswer(READY, PARTIES)).toEqual({
      ok: true,
      recipients: {
        to: [{ role: 'complainant' }],
        cc: [
          { role: 'manager', userId: 'manager-1' },
          { role: 'management_assistant', userId: 'assistant-1' },
        ],
      },
    });
  });

  test('policy 2.3: several assistants are all copied, once each', () => {
    const result = computeAnswerRecipients({ managerId: 'm', managementAssistantIds: ['a', 'b', 'a'] });
    expect(result.ok && result.recipients.cc.map((r) => ('userId' in r ? r.userId : ''))).toEqual([
      'm',
      'a',
      'b',
    ]);
  });

  test('policy 2.3: a legacy row without a known manager cannot be answered', () => {
    const parties = { managerId: null, managementAssistantIds: ['a'] };
    expect(checkAnswer(READY, parties)).toEqual({ ok: false, reason: 'manager_unknown', blockers: [] });
  });

  test('policy 2.3: without a management assistant the cc goes to the manager only, never refused', () => {
    expect(checkAnswer(READY, { managerId: 'm', managementAssistantIds: [] })).toEqual({
      ok: true,
      recipients: { to: [{ role: 'complainant' }], cc: [{ role: 'manager', userId: 'm' }] },
    });
  });
});
