import { describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../src/contract/complaints.ts';
import { listAvailableActions } from '../../src/domain/index.ts';
import {
  ACTION_ORDER,
  ACTION_RULES,
  actionForStep,
  decideAvailability,
} from '../../src/web/features/complaint/action-catalogue.ts';
import { nl } from '../../src/web/i18n/messages.nl.ts';
import { caseDetail, DEPARTMENT, EVA, SANNE, staffUser } from './case-fixtures.ts';

const HANDLER = EVA;
const MANAGER = SANNE;
const OTHER = '00000000-0000-4000-8000-000000000003';
const OTHER_DEPARTMENT = '00000000-0000-4000-8000-0000000000d2';

const user = staffUser;
const complaint = caseDetail;

/** Confidential, about `OTHER` in department `OTHER_DEPARTMENT` (policy 1.3). */
function confidentialAboutOther(reason: 'complainant_asks' | 'criminal_suspicion') {
  return {
    ...complaint('in_progress'),
    confidential: true,
    confidentialReason: { code: reason, text: null },
    subject: { kind: 'employee', id: OTHER, name: 'Karel' },
    subjectEmployeeDepartmentId: OTHER_DEPARTMENT,
  } as ComplaintDetail;
}

const eva = user(HANDLER, ['employee']);
const sanne = user(MANAGER, ['employee', 'manager'], [DEPARTMENT]);
const colleague = user(OTHER, ['employee']);

describe('which actions the case page offers', () => {
  it('offers a lifecycle step only in the statuses the domain whitelists', () => {
    for (const status of [
      'new',
      'in_progress',
      'answered',
      'closed',
      'declined_outside_procedure',
    ] as const) {
      const allowed = listAvailableActions(status);
      for (const key of ACTION_ORDER) {
        const rule = ACTION_RULES[key];
        // triage, record-only and the posted letter also depend on the complaint, not only on its status
        if (!rule.lifecycle || ['triage', 'recordWithoutAnswerDuty', 'letterPosted'].includes(key)) continue;
        const available = decideAvailability(key, complaint(status), sanne, nl);
        const expected = allowed.includes(rule.lifecycle);
        // The manager may do every lifecycle step except the board's: the status alone decides.
        if (key !== 'boardDecision') expect(available.enabled, `${key} in ${status}`).toBe(expected);
      }
    }
  });

  it('names the status when the domain forbids the step', () => {
    expect(decideAvailability('close', complaint('in_progress'), eva, nl)).toEqual({
      enabled: false,
      reason: 'Niet mogelijk bij de status “In behandeling”.',
    });
    expect(decideAvailability('answer', complaint('in_progress'), eva, nl)).toEqual({ enabled: true });
  });

  it('keeps approvals and extensions for the responsible manager', () => {
    expect(decideAvailability('approve', complaint('in_progress'), eva, nl)).toEqual({
      enabled: false,
      reason: 'Alleen de verantwoordelijke leidinggevende.',
    });
    expect(decideAvailability('approve', complaint('in_progress'), sanne, nl)).toEqual({ enabled: true });
    expect(decideAvailability('extension', complaint('in_progress'), sanne, nl)).toEqual({ enabled: true });
  });

  it('lets a colleague log a contact but not handle someone else’s complaint', () => {
    expect(decideAvailability('contact', complaint('closed'), colleague, nl)).toEqual({ enabled: true });
    expect(decideAvailability('answer', complaint('in_progress'), colleague, nl)).toEqual({
      enabled: false,
      reason: 'Alleen de behandelaar of de leidinggevende.',
    });
    expect(decideAvailability('legalAdvice', complaint('in_progress'), sanne, nl)).toEqual({
      enabled: false,
      reason: 'Alleen de jurist.',
    });
  });

  it('offers only the record-only step for a repeat after the last response', () => {
    const recordOnly = complaint('new', [{ code: 'record_without_answer_duty', nl: '', en: '' }]);
    expect(decideAvailability('recordWithoutAnswerDuty', recordOnly, eva, nl).enabled).toBe(true);
    expect(decideAvailability('triage', recordOnly, eva, nl).enabled).toBe(false);
    expect(decideAvailability('recordWithoutAnswerDuty', complaint('new'), eva, nl).enabled).toBe(false);
    expect(decideAvailability('triage', complaint('new'), eva, nl).enabled).toBe(true);
  });

  it('offers marking to the handler and lifting to the manager, each only when the flag allows it', () => {
    expect(decideAvailability('markConfidential', complaint('closed'), eva, nl)).toEqual({ enabled: true });
    expect(decideAvailability('markConfidential', complaint('in_progress'), colleague, nl).enabled).toBe(
      false,
    );
    expect(decideAvailability('liftConfidential', complaint('in_progress'), sanne, nl)).toEqual({
      enabled: false,
      reason: 'De klacht is niet vertrouwelijk.',
    });
    const confidential = confidentialAboutOther('complainant_asks');
    expect(decideAvailability('markConfidential', confidential, eva, nl)).toEqual({
      enabled: false,
      reason: 'De klacht is al vertrouwelijk.',
    });
    expect(decideAvailability('liftConfidential', confidential, sanne, nl)).toEqual({ enabled: true });
    expect(decideAvailability('liftConfidential', confidential, eva, nl).enabled).toBe(false);
    // a suspected offence: only the board lifts it (policy 2.5)
    expect(
      decideAvailability('liftConfidential', confidentialAboutOther('criminal_suspicion'), sanne, nl).enabled,
    ).toBe(false);
  });

  it('policy 1.3: the employee a confidential complaint is about, and their manager, may log a contact', () => {
    const confidential = confidentialAboutOther('complainant_asks');
    const otherManager = user(
      '00000000-0000-4000-8000-000000000004',
      ['employee', 'manager'],
      [OTHER_DEPARTMENT],
    );
    expect(decideAvailability('contact', confidential, colleague, nl)).toEqual({ enabled: true });
    expect(decideAvailability('contact', confidential, otherManager, nl)).toEqual({ enabled: true });
    expect(
      decideAvailability('contact', confidentialAboutOther('criminal_suspicion'), colleague, nl).enabled,
    ).toBe(false);
  });

  it('policy 2.5: a prepared letter is marked posted by the management assistant or handler, not re-sent', () => {
    const prepared = complaint('declined_outside_procedure', [], {
      explanationLetter: { preparedAt: '2026-06-10T10:00:00.000Z', postedOn: null },
    });
    const anna = user(OTHER, ['employee', 'management_assistant']);
    expect(decideAvailability('letterPosted', prepared, anna, nl)).toEqual({ enabled: true });
    expect(decideAvailability('letterPosted', prepared, eva, nl)).toEqual({ enabled: true });
    expect(decideAvailability('letterPosted', prepared, colleague, nl)).toEqual({
      enabled: false,
      reason: 'Alleen de managementassistent, de behandelaar of de leidinggevende.',
    });
    expect(decideAvailability('explanation', prepared, eva, nl).enabled).toBe(false);
    expect(decideAvailability('letterPosted', complaint('declined_outside_procedure'), eva, nl).enabled).toBe(
      false,
    );
    expect(actionForStep('post_explanation_letter', false)).toBe('letterPosted');
  });

  it('policy 2.4: the manager chooses for a wrong or missing policy, in any status', () => {
    const assessment = { kind: 'disagrees_with_policy', finding: 'policy_wrong', managerDecision: null };
    const waiting = complaint('withdrawn', [], { assessment });
    expect(decideAvailability('policyFinding', waiting, sanne, nl)).toEqual({ enabled: true });
    expect(decideAvailability('policyFinding', waiting, eva, nl).enabled).toBe(false);
    const onAgenda = complaint('answered', [], {
      assessment: { ...assessment, managementTeamAgenda: { at: '2026-06-10T10:00:00.000Z', byUserId: null } },
    });
    expect(decideAvailability('policyFinding', onAgenda, sanne, nl).enabled).toBe(false);
    expect(decideAvailability('policyFinding', complaint('in_progress'), sanne, nl).enabled).toBe(false);
    expect(actionForStep('decide_policy_finding', true)).toBe('policyFinding');
  });

  it('maps the approval step to asking for handlers and giving for managers', () => {
    expect(actionForStep('obtain_manager_approval', false)).toBe('requestApproval');
    expect(actionForStep('obtain_manager_approval', true)).toBe('approve');
    expect(actionForStep('send_answer', false)).toBe('answer');
  });
});

describe('steps waiting for the manager’s approval (issue 22)', () => {
  const compensation = (requestedAt: string | null) =>
    complaint('in_progress', [], {
      approvals: {
        waiting: [
          {
            subject: 'compensation',
            approver: { id: MANAGER, name: 'Sanne' },
            requestedAt,
            amountCents: 7500,
            holds: ['answer', 'compensation-paid'],
          },
        ],
        proposedSubject: 'compensation',
      },
    });

  it.each([
    ['answer', eva, { enabled: false, reason: 'Wacht op goedkeuring van Sanne.' }],
    ['compensationPaid', eva, { enabled: false, reason: 'Wacht op goedkeuring van Sanne.' }],
    ['requestApproval', eva, { enabled: true }],
    ['approve', sanne, { enabled: true }],
    // nothing asked yet: nothing to refuse
    ['refuseApproval', sanne, { enabled: false, reason: nl.complaint.disabled.noApprovalRequest }],
    // the permission's reason comes first: a colleague could not answer anyway
    ['answer', colleague, { enabled: false, reason: nl.complaint.disabled.handler }],
  ] as const)('%s for %#', (key, who, expected) => {
    expect(decideAvailability(key, compensation(null), who, nl)).toEqual(expected);
  });

  it('once asked, the manager may refuse; without a named approver the manager in general', () => {
    const asked = compensation('2026-12-07T10:00:00.000Z');
    expect(decideAvailability('refuseApproval', asked, sanne, nl)).toEqual({ enabled: true });
    const unnamed = {
      ...asked,
      approvals: {
        ...asked.approvals,
        waiting: asked.approvals.waiting.map((w) => ({ ...w, approver: null })),
      },
    };
    expect(decideAvailability('answer', unnamed, eva, nl)).toEqual({
      enabled: false,
      reason: 'Wacht op goedkeuring van de leidinggevende.',
    });
  });

  it('nothing waiting: the answer is offered', () => {
    expect(decideAvailability('answer', complaint('in_progress'), eva, nl)).toEqual({ enabled: true });
  });

  it('waiting for the approver: the manager takes it with “approve”, the handler has nothing to click', () => {
    expect(actionForStep('await_manager_approval', true)).toBe('approve');
    expect(actionForStep('await_manager_approval', false)).toBeNull();
  });
});
