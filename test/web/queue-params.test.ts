import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../src/contract/auth.ts';
import {
  availableTabs,
  filterQueryString,
  readQueueParams,
  toCountFilters,
  toQueueFilters,
} from '../../src/web/features/work/queue-params.ts';

const DEPARTMENT = '00000000-0000-4000-8000-0000000000d1';
const OTHER = '00000000-0000-4000-8000-0000000000d2';
const base: CurrentUser = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Eva',
  email: 'eva@example.nl',
  roles: ['employee'],
  departmentId: DEPARTMENT,
  managedDepartmentIds: [],
  organizationId: '00000000-0000-4000-8000-0000000000aa',
  secondFactorEnabled: false,
  mustEnrollSecondFactor: false,
};
const manager: CurrentUser = { ...base, roles: ['employee', 'manager'], managedDepartmentIds: [OTHER] };
const admin: CurrentUser = { ...base, roles: ['employee', 'admin'], departmentId: null };
const read = (query: string, user: CurrentUser, fallback?: string) =>
  readQueueParams(new URLSearchParams(query), user, fallback);

describe('the work queue address', () => {
  it('defaults to my work, open complaints, sorted by term', () => {
    const params = read('', base);
    expect(params.tab).toBe('mine');
    expect(toQueueFilters(params)).toEqual({ sort: 'due', handlerId: 'me', open: true });
  });

  it('shows closed ones too when asked, and a chosen status speaks for itself', () => {
    expect(toQueueFilters(read('closed=true', base))).toEqual({ sort: 'due', handlerId: 'me' });
    expect(toQueueFilters(read('status=closed', base))).toEqual({
      sort: 'due',
      handlerId: 'me',
      status: ['closed'],
    });
  });

  it('gives the department tabs to whoever has a department, on their own department', () => {
    expect(availableTabs(base, read('', base).dept)).toEqual(['mine', 'department', 'unassigned', 'all']);
    expect(toQueueFilters(read('tab=department', base))).toEqual({
      sort: 'due',
      departmentId: DEPARTMENT,
      open: true,
    });
    expect(toQueueFilters(read('tab=unassigned', base))).toEqual({
      sort: 'due',
      departmentId: DEPARTMENT,
      handlerId: 'none',
      open: true,
    });
    const nobody = { ...base, departmentId: null };
    expect(availableTabs(nobody, read('', nobody).dept)).toEqual(['mine', 'all']);
    expect(read('tab=unassigned', nobody).tab).toBe('mine');
  });

  it('an employee cannot point the address at another department; a manager can', () => {
    expect(read(`tab=unassigned&dept=${OTHER}`, base).dept).toBe(DEPARTMENT);
    expect(read(`tab=unassigned&dept=${DEPARTMENT}`, manager).dept).toBe(DEPARTMENT);
    // a manager opens on the department they manage
    expect(read('tab=unassigned', manager).dept).toBe(OTHER);
    expect(read('dept=not-a-uuid', manager).dept).toBe(OTHER);
  });

  it('an administrator without a department opens on the fallback department', () => {
    expect(read('tab=department', admin).tab).toBe('mine');
    const params = read('tab=department', admin, OTHER);
    expect(params).toMatchObject({ tab: 'department', dept: OTHER });
  });

  it('the tab counts share the filters, with the department and without whose', () => {
    expect(toCountFilters(read('tab=unassigned&overdue=true&sort=received', base))).toEqual({
      departmentId: DEPARTMENT,
      open: true,
      overdue: true,
    });
  });

  it('drops values the API would refuse, keeps valid ones', () => {
    const params = read('tab=all&status=bogus&category=treated_wrongly&overdue=true&q=%20lekkage%20', base);
    expect(toQueueFilters(params)).toEqual({
      sort: 'due',
      category: ['treated_wrongly'],
      overdue: true,
      open: true,
      q: 'lekkage',
    });
  });

  it('saves the filters without the tab and department', () => {
    expect(
      filterQueryString(
        new URLSearchParams(`tab=all&dept=${DEPARTMENT}&status=new&sort=received&closed=true&x=1`),
      ),
    ).toBe('status=new&sort=received&closed=true');
  });
});
