import { describe, expect, it } from 'vitest';
import type { ComplaintDetail } from '../../src/contract/complaints.ts';
import { UP_FRONT_ACTION_LIMIT } from '../../src/domain/index.ts';
import { ACTION_ORDER, decideAvailability } from '../../src/web/features/complaint/action-catalogue.ts';
import { splitActions } from '../../src/web/features/complaint/up-front-actions.ts';
import { nl } from '../../src/web/i18n/messages.nl.ts';
import { caseDetail, DEPARTMENT, EVA, SANNE, staffUser } from './case-fixtures.ts';

const user = staffUser;

function complaint(
  status: ComplaintDetail['status'],
  steps: ComplaintDetail['nextSteps'][number]['code'][],
  handlerId: string | null,
) {
  return caseDetail(
    status,
    steps.map((code) => ({ code, nl: '', en: '' })),
    { handler: handlerId === null ? null : { id: handlerId, name: 'Eva' } },
  );
}

const eva = user(EVA, ['employee']);
const sanne = user(SANNE, ['employee', 'manager'], [DEPARTMENT]);

describe('the case page splits its actions (issue 22)', () => {
  const cases = [
    [
      'a new complaint without handler, for the manager',
      complaint('new', ['assign_handler', 'triage'], null),
      sanne,
    ],
    [
      'a new complaint without handler, for an employee',
      complaint('new', ['assign_handler', 'triage'], null),
      eva,
    ],
    [
      'in handling, for the handler',
      complaint('in_progress', ['contact_complainant', 'record_assessment', 'send_answer'], EVA),
      eva,
    ],
    [
      'in handling, for the manager',
      complaint('in_progress', ['obtain_manager_approval', 'send_answer'], EVA),
      sanne,
    ],
    ['answered, for the handler', complaint('answered', ['close'], EVA), eva],
    ['closed, for the handler', complaint('closed', [], EVA), eva],
  ] as const;

  for (const [label, detail, who] of cases) {
    it(`${label}: at most five up front, all available; every other action under "Meer acties"`, () => {
      const availability = (key: (typeof ACTION_ORDER)[number]) => decideAvailability(key, detail, who, nl);
      const { upFront, more } = splitActions(detail, availability);
      expect(upFront.length).toBeGreaterThan(0);
      expect(upFront.length).toBeLessThanOrEqual(UP_FRONT_ACTION_LIMIT);
      for (const key of upFront) expect(availability(key).enabled, key).toBe(true);
      expect([...upFront, ...more].sort()).toEqual([...ACTION_ORDER].sort());
      // under "Meer acties" what is possible comes before what is not
      const firstDisabled = more.findIndex((key) => !availability(key).enabled);
      if (firstDisabled >= 0)
        for (const key of more.slice(firstDisabled)) expect(availability(key).enabled, key).toBe(false);
    });
  }

  it('the next step comes first; what this user may not do yet is not up front', () => {
    const detail = complaint('new', ['assign_handler', 'triage'], null);
    const forSanne = splitActions(detail, (key) => decideAvailability(key, detail, sanne, nl));
    expect(forSanne.upFront.slice(0, 2)).toEqual(['pickUp', 'triage']);
    expect(forSanne.upFront).not.toContain('assign'); // the same path as picking up: one button up front
    // Eva may pick it up, but triage is for the handler or the manager: it waits under "Meer acties"
    const forEva = splitActions(detail, (key) => decideAvailability(key, detail, eva, nl));
    expect(forEva.upFront[0]).toBe('pickUp');
    expect(forEva.upFront).not.toContain('triage');
    expect(forEva.more).toContain('triage');
  });

  it('the handler is offered the request for approval, the manager the approval itself', () => {
    const detail = complaint('in_progress', ['obtain_manager_approval', 'send_answer'], EVA);
    expect(splitActions(detail, (key) => decideAvailability(key, detail, eva, nl)).upFront[0]).toBe(
      'requestApproval',
    );
    expect(splitActions(detail, (key) => decideAvailability(key, detail, sanne, nl)).upFront[0]).toBe(
      'approve',
    );
  });
});
