import { describe, expect, test } from 'vitest';
import { listSetupGaps, type SetupFacts, type SetupStaffMember } from '../../src/domain/index.ts';

const intake = { id: 'd-intake', name: 'Klantcontact', managerUserId: 'u-manager', active: true };
const maintenance = {
  id: 'd-maint',
  name: 'Vastgoed & Onderhoud',
  managerUserId: 'u-manager2',
  active: true,
};
const manager: SetupStaffMember = {
  id: 'u-manager',
  departmentId: intake.id,
  roles: ['manager'],
  active: true,
};
const manager2: SetupStaffMember = { ...manager, id: 'u-manager2', departmentId: maintenance.id };
const assistant: SetupStaffMember = {
  id: 'u-assistant',
  departmentId: intake.id,
  roles: ['employee', 'management_assistant'],
  active: true,
};
const assistant2: SetupStaffMember = { ...assistant, id: 'u-assistant2', departmentId: maintenance.id };

/** An installation that lacks nothing. */
const COMPLETE: SetupFacts = {
  intakeDepartmentId: intake.id,
  departments: [intake, maintenance],
  staff: [manager, manager2, assistant, assistant2],
  contact: { phone: '015 380 40 40', email: null },
  committee: { name: 'Regionale Klachtencommissie Delfland', contact: null, url: 'https://example.nl' },
};

const kinds = (facts: SetupFacts) => listSetupGaps(facts).map((gap) => gap.kind);

describe('what an installation still lacks', () => {
  test('a complete installation has no gaps', () => {
    expect(listSetupGaps(COMPLETE)).toEqual([]);
  });

  test('a fresh installation lacks everything, intake first', () => {
    expect(
      kinds({
        intakeDepartmentId: null,
        departments: [],
        staff: [{ id: 'u-admin', departmentId: null, roles: ['employee', 'admin'], active: true }],
        contact: { phone: null, email: null },
        committee: { name: null, contact: null, url: null },
      }),
    ).toEqual(['intake_department_missing', 'contact_details_missing', 'committee_details_missing']);
  });

  test('a fresh installation with only an intake department lacks its manager and assistant', () => {
    expect(
      kinds({
        intakeDepartmentId: intake.id,
        departments: [{ ...intake, managerUserId: null }],
        staff: [{ id: 'u-admin', departmentId: null, roles: ['employee', 'admin'], active: true }],
        contact: { phone: null, email: null },
        committee: { name: null, contact: null, url: null },
      }),
    ).toEqual([
      'intake_department_without_manager',
      'department_without_assistant',
      'contact_details_missing',
      'committee_details_missing',
    ]);
  });

  test.each<[string, Partial<SetupFacts>, string[]]>([
    // policy 2.1, 2.3: website complaints need an intake department with a manager
    ['no intake department', { intakeDepartmentId: null }, ['intake_department_missing']],
    [
      'an intake department that was deactivated',
      { departments: [{ ...intake, active: false }, maintenance] },
      ['intake_department_missing'],
    ],
    [
      'an intake department that no longer exists',
      { intakeDepartmentId: 'd-gone' },
      ['intake_department_missing'],
    ],
    [
      'an intake department without a manager',
      { departments: [{ ...intake, managerUserId: null }, maintenance] },
      ['intake_department_without_manager'],
    ],
    [
      'an intake department whose manager was deactivated',
      { staff: [{ ...manager, active: false }, manager2, assistant, assistant2] },
      ['intake_department_without_manager'],
    ],
    // policy 2.3: the cc goes to the handling department's own management assistant (as routing takes it)
    [
      'no management assistant at all',
      { staff: [manager, manager2] },
      ['department_without_assistant', 'department_without_assistant'],
    ],
    [
      'a department whose only assistant was deactivated',
      { staff: [manager, manager2, assistant, { ...assistant2, active: false }] },
      ['department_without_assistant'],
    ],
    [
      "another department's assistant does not count",
      { staff: [manager, manager2, assistant, { ...assistant2, departmentId: intake.id }] },
      ['department_without_assistant'],
    ],
    [
      'an assistant without a department counts for none',
      { staff: [manager, manager2, assistant, { ...assistant2, departmentId: null }] },
      ['department_without_assistant'],
    ],
    [
      'a colleague without the role is no assistant',
      { staff: [manager, manager2, assistant, { ...assistant2, roles: ['employee'] }] },
      ['department_without_assistant'],
    ],
    [
      'an inactive department needs no assistant',
      { departments: [intake, { ...maintenance, active: false }], staff: [manager, manager2, assistant] },
      [],
    ],
    // policy 1.3: each department's manager stays responsible
    [
      'another department without a manager',
      { departments: [intake, { ...maintenance, managerUserId: null }] },
      ['department_without_manager'],
    ],
    [
      'an inactive department without a manager is no gap',
      { departments: [intake, { ...maintenance, managerUserId: null, active: false }] },
      [],
    ],
    // policy 1.1: reachable by phone or e-mail
    ['no phone and no e-mail', { contact: { phone: null, email: null } }, ['contact_details_missing']],
    ['only blanks', { contact: { phone: '  ', email: '' } }, ['contact_details_missing']],
    ['an e-mail address is enough', { contact: { phone: null, email: 'klacht@example.nl' } }, []],
    // policy 1.3: the committee's name and a way to reach it
    [
      'no committee name',
      { committee: { name: null, contact: 'Postbus 1', url: null } },
      ['committee_details_missing'],
    ],
    [
      'a committee name without contact or website',
      { committee: { name: 'Klachtencommissie', contact: null, url: null } },
      ['committee_details_missing'],
    ],
    ['a committee with a postal address', { committee: { name: 'K', contact: 'Postbus 1', url: null } }, []],
  ])('%s', (_, change, expected) => {
    expect(kinds({ ...COMPLETE, ...change })).toEqual(expected);
  });

  test('a gap about a department names it, so the page can say which one', () => {
    const gaps = listSetupGaps({
      ...COMPLETE,
      departments: [
        { ...intake, managerUserId: null },
        { ...maintenance, managerUserId: null },
      ],
    });
    expect(gaps).toEqual([
      { kind: 'intake_department_without_manager', department: { id: intake.id, name: 'Klantcontact' } },
      {
        kind: 'department_without_manager',
        department: { id: maintenance.id, name: 'Vastgoed & Onderhoud' },
      },
    ]);
  });

  test('department by department, the intake department first, whatever the order given', () => {
    const gaps = listSetupGaps({
      ...COMPLETE,
      departments: [{ ...maintenance, managerUserId: null }, intake],
      staff: [manager, manager2],
    });
    expect(gaps).toEqual([
      { kind: 'department_without_assistant', department: { id: intake.id, name: 'Klantcontact' } },
      {
        kind: 'department_without_manager',
        department: { id: maintenance.id, name: 'Vastgoed & Onderhoud' },
      },
      {
        kind: 'department_without_assistant',
        department: { id: maintenance.id, name: 'Vastgoed & Onderhoud' },
      },
    ]);
  });
});
