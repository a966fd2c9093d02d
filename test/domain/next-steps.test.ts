import { describe, expect, test } from 'vitest';
import { decideTransition, listNextSteps } from '../../src/domain/index.ts';
import { approvalBy, contextFor, KIND_A, openState } from './fixtures.ts';

describe('what must happen next', () => {
  test('a new complaint without handler: assign, then triage', () => {
    expect(listNextSteps(openState())).toEqual(['assign_handler', 'triage']);
  });

  test('in handling: contact and assessment come before the answer, then only the answer remains', () => {
    const accepted = decideTransition(
      { ...openState(), handlerId: 'employee-1' },
      {
        type: 'accept_as_complaint',
        triage: {
          outcome: 'complaint',
          category: 'repair_badly_done',
          subject: { kind: 'contractor', contractorName: 'Loodgieter BV' },
          suspectedCriminalOffence: false,
          allegesDiscriminationByStaff: false,
        },
        precedent: null,
      },
      contextFor(),
    );
    if (!accepted.ok) throw new Error(accepted.reason);
    expect(listNextSteps(accepted.state)).toEqual([
      'contact_complainant',
      'record_assessment',
      'send_answer',
    ]);
    const ready = {
      ...accepted.state,
      contacts: [{ kind: 'phone' as const, at: new Date() }],
      assessment: KIND_A,
    };
    expect(listNextSteps(ready)).toEqual(['send_answer']);
    const withDamage = {
      ...ready,
      assessment: {
        ...KIND_A,
        demonstrableDamage: true,
        compensation: { amountCents: 5000, approval: null, paidAt: null },
      },
    };
    expect(listNextSteps(withDamage)).toEqual(['obtain_manager_approval', 'send_answer']);
    const approved = {
      ...withDamage,
      assessment: {
        ...withDamage.assessment,
        compensation: { amountCents: 5000, approval: approvalBy('manager'), paidAt: null },
      },
      status: 'answered' as const,
    };
    expect(listNextSteps(approved)).toEqual(['pay_compensation', 'close']);
  });

  test('outside the procedure: the explanation is owed; closed complaints need nothing', () => {
    expect(listNextSteps({ ...openState(), status: 'declined_outside_procedure' })).toEqual([
      'send_explanation',
    ]);
    expect(listNextSteps({ ...openState(), status: 'closed' })).toEqual([]);
  });
});
