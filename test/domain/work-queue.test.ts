import { describe, expect, test } from 'vitest';
import {
  defaultQueueDepartment,
  departmentQueueScope,
  isStatusIn,
  mayViewDepartmentQueue,
  QUEUE_OPEN_STATUSES,
  type StaffActor,
} from '../../src/domain/index.ts';

const WONEN = '11111111-1111-4111-8111-111111111111';
const VASTGOED = '22222222-2222-4222-8222-222222222222';

function actor(overrides: Partial<StaffActor>): StaffActor {
  return { userId: 'u', roles: ['employee'], departmentId: WONEN, managedDepartmentIds: [], ...overrides };
}

describe('department queues (issue 22)', () => {
  test('an employee opens her own department’s queue only; without a department none', () => {
    expect(departmentQueueScope(actor({}))).toEqual({ kind: 'departments', ids: [WONEN] });
    expect(mayViewDepartmentQueue(actor({}), WONEN)).toBe(true);
    expect(mayViewDepartmentQueue(actor({}), VASTGOED)).toBe(false);
    expect(mayViewDepartmentQueue(actor({ departmentId: null }), WONEN)).toBe(false);
  });

  test.each(['manager', 'management_team', 'board', 'management_assistant', 'admin'] as const)(
    'a %s picks any department',
    (role) => {
      const overseer = actor({ roles: ['employee', role], departmentId: null });
      expect(departmentQueueScope(overseer)).toEqual({ kind: 'any' });
      expect(mayViewDepartmentQueue(overseer, VASTGOED)).toBe(true);
    },
  );

  test('legal adviser and privacy officer are employees here', () => {
    for (const role of ['legal', 'privacy_officer'] as const)
      expect(mayViewDepartmentQueue(actor({ roles: ['employee', role] }), VASTGOED)).toBe(false);
  });

  test('the queue opens on the managed department first, then the own one', () => {
    expect(
      defaultQueueDepartment(actor({ roles: ['employee', 'manager'], managedDepartmentIds: [VASTGOED] })),
    ).toBe(VASTGOED);
    expect(defaultQueueDepartment(actor({}))).toBe(WONEN);
    expect(defaultQueueDepartment(actor({ departmentId: null }))).toBeNull();
  });

  test('the open set leaves out exactly the ended statuses', () => {
    for (const status of ['closed', 'referred', 'withdrawn'])
      expect(isStatusIn(QUEUE_OPEN_STATUSES, status)).toBe(false);
    for (const status of ['new', 'in_progress', 'answered', 'with_committee'])
      expect(isStatusIn(QUEUE_OPEN_STATUSES, status)).toBe(true);
  });
});
