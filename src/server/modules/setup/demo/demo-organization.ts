import type { DemoAccount } from '../../../../contract/setup.ts';
import type { StaffRole } from '../../../../domain/permissions.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { applyInitialPortalSettings } from '../../portal/index.ts';
import { insertStaffUser } from '../../staff/index.ts';
import { insertDepartment, insertHousingComplexes, setDepartmentManager } from '../setup.repository.ts';

// A small, fixed demo of a corporation like Wonen Midden-Delfland: departments, one person per role,
// and housing complexes in Midden-Delfland, so a newcomer sees a living system at once.

const DEPARTMENTS = ['Klantcontact', 'Vastgoed & Onderhoud', 'Wonen', 'Financiën'] as const;

const PEOPLE: {
  name: string;
  email: string;
  roles: StaffRole[];
  department: (typeof DEPARTMENTS)[number] | null;
  manages?: (typeof DEPARTMENTS)[number];
}[] = [
  { name: 'Eva Jansen', email: 'eva.jansen', roles: ['employee'], department: 'Klantcontact' },
  {
    name: 'Mohamed El Amrani',
    email: 'mohamed.elamrani',
    roles: ['employee'],
    department: 'Vastgoed & Onderhoud',
  },
  {
    name: 'Sanne de Groot',
    email: 'sanne.degroot',
    roles: ['employee', 'manager'],
    department: 'Klantcontact',
    manages: 'Klantcontact',
  },
  {
    name: 'Pieter van Dijk',
    email: 'pieter.vandijk',
    roles: ['employee', 'manager', 'management_team'],
    department: 'Vastgoed & Onderhoud',
    manages: 'Vastgoed & Onderhoud',
  },
  {
    name: 'Fatma Yilmaz',
    email: 'fatma.yilmaz',
    roles: ['employee', 'manager', 'management_team'],
    department: 'Wonen',
    manages: 'Wonen',
  },
  {
    name: 'Lotte Bakker',
    email: 'lotte.bakker',
    roles: ['employee', 'management_assistant'],
    department: 'Klantcontact',
  },
  // policy 2.3: each department's answers go in cc to its own management assistant (the start page checks)
  {
    name: 'Noor Vermeulen',
    email: 'noor.vermeulen',
    roles: ['employee', 'management_assistant'],
    department: 'Vastgoed & Onderhoud',
  },
  {
    name: 'Iris Hoekstra',
    email: 'iris.hoekstra',
    roles: ['employee', 'management_assistant'],
    department: 'Wonen',
  },
  {
    name: 'Daan Kuipers',
    email: 'daan.kuipers',
    roles: ['employee', 'management_assistant'],
    department: 'Financiën',
  },
  {
    name: 'Henk Visser',
    email: 'henk.visser',
    roles: ['employee', 'board', 'management_team'],
    department: null,
  },
  { name: 'Anouk Smit', email: 'anouk.smit', roles: ['employee', 'legal'], department: 'Financiën' },
  // the functionaris gegevensbescherming: retention, subject access, erasure and the access log
  {
    name: 'Sanne de Wit',
    email: 'sanne.dewit',
    roles: ['employee', 'privacy_officer'],
    department: 'Financiën',
  },
  {
    name: 'Ruud Mulder',
    email: 'ruud.mulder',
    roles: ['employee', 'admin'],
    department: 'Financiën',
    manages: 'Financiën',
  },
];

// Everything the admin start page checks for (domain listSetupGaps), so the demo starts without gaps:
// every department has a manager and a management assistant of its own (above); website complaints go to
// Klantcontact; tenants and the committee can be reached.
const INTAKE_DEPARTMENT: (typeof DEPARTMENTS)[number] = 'Klantcontact';
const PORTAL = {
  contactPhone: '015 380 40 40',
  contactEmail: 'klantcontact@example.nl',
  committeeName: 'Regionale Klachtencommissie Delfland',
  committeeContact: 'Postbus 100, 2600 AC Delft',
  committeeUrl: 'https://www.example.nl/klachtencommissie',
};

const COMPLEXES = [
  { complex_number: '101', name: 'De Hoven', place: 'Maasland' },
  { complex_number: '102', name: 'Kerkpolder', place: 'Maasland' },
  { complex_number: '205', name: 'Dijkzicht', place: 'Schipluiden' },
  { complex_number: '210', name: 'Keenenburg', place: 'Schipluiden' },
  { complex_number: '301', name: 'Tuindershof', place: 'Den Hoorn' },
  { complex_number: '302', name: 'Harnaschpolder', place: 'Den Hoorn' },
];

export async function createDemoOrganization(
  trx: Scoped,
  organizationId: string,
  domain = 'demo.gehoord.nl',
): Promise<DemoAccount[]> {
  const departmentIds = new Map<string, string>();
  for (const name of DEPARTMENTS) {
    departmentIds.set(name, await insertDepartment(trx, organizationId, name));
  }
  const accounts: DemoAccount[] = [];
  for (const person of PEOPLE) {
    const created = await insertStaffUser(trx, organizationId, {
      name: person.name,
      email: `${person.email}@${domain}`,
      departmentId: person.department ? (departmentIds.get(person.department) ?? null) : null,
      roles: person.roles,
    });
    if (person.manages) {
      await setDepartmentManager(trx, departmentIds.get(person.manages) as string, created.id);
    }
    accounts.push({
      name: person.name,
      email: `${person.email}@${domain}`,
      roles: person.roles,
      department: person.department,
      password: created.initialPassword as string,
    });
  }
  await applyInitialPortalSettings(trx, organizationId, {
    ...PORTAL,
    intakeDepartmentId: departmentIds.get(INTAKE_DEPARTMENT) ?? null,
  });
  await insertHousingComplexes(trx, organizationId, COMPLEXES);
  return accounts;
}
