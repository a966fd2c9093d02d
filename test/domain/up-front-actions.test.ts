import { describe, expect, test } from 'vitest';
import {
  ALL_COMPLAINT_STATUSES,
  COMPLAINT_ACTION_PATHS,
  type ComplaintActionPath,
  chooseUpFrontActions,
  isActionOffered,
  listActionsForSteps,
  NEXT_STEPS,
  type NextStep,
  UP_FRONT_ACTION_LIMIT,
} from '../../src/domain/index.ts';

const EVERY_STEP = Object.keys(NEXT_STEPS) as NextStep[];
const always = () => true;

describe('the actions offered up front on the case page (issue 22)', () => {
  // A table over every status × (no steps, each single step, every step at once) × (all available, a few)
  const stepLists: NextStep[][] = [[], ...EVERY_STEP.map((step) => [step]), EVERY_STEP];
  const availabilities: [string, (path: ComplaintActionPath) => boolean][] = [
    ['everything available', always],
    ['only contacts and notes', (path) => path === 'contacts' || path === 'notes'],
    ['nothing available', () => false],
  ];
  for (const status of ALL_COMPLAINT_STATUSES) {
    test(`${status}: never more than ${UP_FRONT_ACTION_LIMIT}, never an unavailable or unoffered one`, () => {
      for (const steps of stepLists) {
        for (const [label, isAvailable] of availabilities) {
          const chosen = chooseUpFrontActions(status, steps, isAvailable);
          const where = `${status} / ${steps.join(',') || 'no steps'} / ${label}`;
          expect(chosen.length, where).toBeLessThanOrEqual(UP_FRONT_ACTION_LIMIT);
          expect(new Set(chosen).size, where).toBe(chosen.length);
          for (const path of chosen) {
            expect(isAvailable(path), where).toBe(true);
            expect(isActionOffered(path, status), where).toBe(true);
          }
        }
      }
    });
  }

  test('the limit is reached when everything is available: the page still has something to offer', () => {
    expect(chooseUpFrontActions('in_progress', EVERY_STEP, always)).toHaveLength(UP_FRONT_ACTION_LIMIT);
  });

  test('a new complaint without handler: assign first, then triage, then contact and note', () => {
    expect(chooseUpFrontActions('new', ['assign_handler', 'triage'], always)).toEqual([
      'assign',
      'triage',
      'contacts',
      'notes',
      'transfer',
    ]);
  });

  test("the next step's action comes first; one the reader may not take is left out, the next moves up", () => {
    const steps: NextStep[] = ['contact_complainant', 'record_assessment', 'send_answer'];
    expect(chooseUpFrontActions('in_progress', steps, always).slice(0, 3)).toEqual([
      'contacts',
      'assessment',
      'answer',
    ]);
    const notAnswer = (path: ComplaintActionPath) => path !== 'answer';
    expect(chooseUpFrontActions('in_progress', steps, notAnswer)).toEqual([
      'contacts',
      'assessment',
      'notes',
      'transfer',
      'extensions',
    ]);
  });

  test('approval: the manager approves, the handler asks — both take the step, availability decides', () => {
    expect(listActionsForSteps(['obtain_manager_approval'])).toEqual(['approvals', 'approval-requests']);
    const handler = (path: ComplaintActionPath) => path !== 'approvals';
    expect(chooseUpFrontActions('in_progress', ['obtain_manager_approval'], handler)[0]).toBe(
      'approval-requests',
    );
  });

  test('an ended complaint offers no lifecycle step up front, only a contact or a note', () => {
    for (const status of ['closed', 'withdrawn', 'referred'] as const)
      expect(chooseUpFrontActions(status, [], always)).toEqual(['notes', 'contacts']);
  });

  test('every step names an action of the catalogue', () => {
    for (const path of listActionsForSteps(EVERY_STEP)) expect(COMPLAINT_ACTION_PATHS).toContain(path);
  });
});
