import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../src/contract/auth.ts';
import {
  filterQueryString,
  readQueueParams,
  toQueueFilters,
} from '../../src/web/features/work/queue-params.ts';

const DEPARTMENT = '00000000-0000-4000-8000-0000000000d1';
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
const manager: CurrentUser = { ...base, roles: ['employee', 'manager'], managedDepartmentIds: [DEPARTMENT] };

describe('the work queue address', () => {
  it('defaults to my work, sorted by term', () => {
    const params = readQueueParams(new URLSearchParams(''), base);
    expect(params.tab).toBe('mine');
    expect(toQueueFilters(params, base)).toEqual({ sort: 'due', handlerId: 'me' });
  });

  it('gives the department tab only to managers', () => {
    const search = new URLSearchParams('tab=department');
    expect(readQueueParams(search, base).tab).toBe('mine');
    const params = readQueueParams(search, manager);
    expect(toQueueFilters(params, manager)).toEqual({ sort: 'due', departmentId: DEPARTMENT });
  });

  it('drops values the API would refuse, keeps valid ones', () => {
    const search = new URLSearchParams(
      'tab=all&status=bogus&category=treated_wrongly&overdue=true&q=%20lekkage%20',
    );
    const params = readQueueParams(search, base);
    expect(toQueueFilters(params, base)).toEqual({
      sort: 'due',
      category: ['treated_wrongly'],
      overdue: true,
      q: 'lekkage',
    });
  });

  it('saves the filters without the tab', () => {
    expect(filterQueryString(new URLSearchParams('tab=all&status=new&sort=received&x=1'))).toBe(
      'status=new&sort=received',
    );
  });
});
