import type { StaffRole } from '../../domain/index.ts';
import { FIRST_NAMES, SURNAMES, toMailPart } from './dutch-names.ts';
import {
  COMPLEX_NAMES,
  HOME_REGION,
  OTHER_PLACES,
  type Place,
  postcodeLetters,
  STREET_NAMES,
} from './dutch-places.ts';
import type { Random } from './random.ts';
import type { OrganizationPlan } from './scales.ts';

// One corporation's reference data: departments, staff in every role, complexes, units, tenants, contractors.
// Rows use the tables' column names so the loader can insert them as they are.

export type Row = Record<string, unknown>;

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  roles: StaffRole[];
  departmentId: string | null;
};

export type DepartmentInfo = {
  id: string;
  name: string;
  managerId: string;
  assistantIds: string[];
  employeeIds: string[];
};

export type UnitInfo = { id: string; complexId: string; street: string };
export type PersonInfo = { id: string; name: string; unitId: string | null };

export type GeneratedOrganization = {
  id: string;
  slug: string;
  name: string;
  hostname: string;
  createdAt: Date;
  rows: {
    organization: Row[];
    department: Row[];
    staff_user: Row[];
    housing_complex: Row[];
    unit: Row[];
    person: Row[];
    contractor: Row[];
  };
  departments: DepartmentInfo[];
  staff: StaffMember[];
  legalIds: string[];
  boardIds: string[];
  units: UnitInfo[];
  tenants: PersonInfo[];
  contractors: { id: string; name: string }[];
};

/** The first corporation of every data set (the one benchmarks sign in to); slug `woonstichting-vlietland`. */
export const FIRST_ORGANIZATION_NAME = 'Woonstichting Vlietland';

const NAME_PREFIXES = [
  'Woonstichting',
  'Wonen',
  'Woongoed',
  'Woonpartners',
  'Stichting Woonzorg',
  'Woonkracht',
];
const NAME_WORDS = [
  'Vlietland',
  'Gaaghof',
  'Lierland',
  'Delfgauw',
  'Oranjepolder',
  'Duinstreek',
  'Maasoever',
  'Hofstede',
  'Kreekrug',
  'Polderzicht',
  'Waterweide',
  'Lindehof',
  'Eemland',
  'Heuvelrug',
  'Kempenhof',
  'Veenkoloniën',
  'Rivierenland',
  'Zeeburg',
  'Twentehof',
  'Achterhoek',
  'Peelland',
  'Westerkwartier',
  'Zuiderzee',
  'Amstelhof',
];
const BASE_DEPARTMENTS = ['Klantcontact', 'Vastgoed & Onderhoud', 'Wonen', 'Financiën'];
const TRADES = [
  ['Loodgietersbedrijf', 'loodgieter'],
  ['Schildersbedrijf', 'schilder'],
  ['Dakdekkersbedrijf', 'dakdekker'],
  ['Installatietechniek', 'installateur'],
  ['Bouwbedrijf', 'aannemer'],
  ['Hoveniersbedrijf', 'hovenier'],
  ['Glaszetterij', 'glaszetter'],
  ['Elektrotechniek', 'elektricien'],
  ['Timmerbedrijf', 'timmerman'],
] as const;
const MAIL_DOMAINS = ['mail.example', 'thuis.example', 'post.example', 'inbox.example'];

const slugify = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function personName(random: Random): { name: string; first: string; surname: string } {
  const first = random.pick(FIRST_NAMES);
  const surname = random.pick(SURNAMES);
  return { name: `${first} ${surname}`, first, surname };
}

function phoneNumber(random: Random, place: Place): string {
  if (random.chance(0.6)) return `06${String(random.int(10_000_000, 99_999_999))}`;
  const digits = 10 - place.areaCode.length;
  return `${place.areaCode}${String(random.int(2 * 10 ** (digits - 1), 10 ** digits - 1))}`;
}

function placesFor(plan: OrganizationPlan, random: Random): Place[] {
  if (plan.index === 0) return [...HOME_REGION];
  const all = [...OTHER_PLACES, ...HOME_REGION];
  const count = Math.min(all.length, 1 + Math.floor(plan.homes / 15_000) + random.int(0, 2));
  const start = random.int(0, all.length - 1);
  return Array.from({ length: count }, (_, i) => all[(start + i * 7) % all.length] as Place);
}

/** Staff: per department a manager, a management assistant and employees; organisation-wide board, legal, admin. */
function generateStaff(random: Random, org: GeneratedOrganization, plan: OrganizationPlan, places: Place[]) {
  const departmentNames = [...BASE_DEPARTMENTS];
  for (let i = 0; i < Math.floor(plan.homes / 12_000); i += 1) {
    departmentNames.push(
      `Gebiedsteam ${(places[i % places.length] as Place).name}${i >= places.length ? ` ${Math.floor(i / places.length) + 1}` : ''}`,
    );
  }
  const employeesPerDepartment = Math.max(2, Math.round(plan.homes / 250 / departmentNames.length));
  const emails = new Set<string>();
  const addStaff = (roles: StaffRole[], departmentId: string | null): StaffMember => {
    const { name, first, surname } = personName(random);
    let local = `${toMailPart(first)}.${toMailPart(surname)}`;
    for (let n = 2; emails.has(local); n += 1) local = `${toMailPart(first)}.${toMailPart(surname)}${n}`;
    emails.add(local);
    const member = { id: random.uuid(), name, email: `${local}@${org.slug}.example`, roles, departmentId };
    org.staff.push(member);
    return member;
  };
  for (const [index, name] of departmentNames.entries()) {
    const id = random.uuid();
    // The first two managers sit in the management team, as in the demo organisation.
    const manager = addStaff(
      index < 2 ? ['employee', 'manager', 'management_team'] : ['employee', 'manager'],
      id,
    );
    const assistants = Array.from({ length: employeesPerDepartment > 12 ? 2 : 1 }, () =>
      addStaff(['employee', 'management_assistant'], id),
    );
    const employees = Array.from({ length: employeesPerDepartment }, () => addStaff(['employee'], id));
    org.departments.push({
      id,
      name,
      managerId: manager.id,
      assistantIds: assistants.map((a) => a.id),
      employeeIds: [manager.id, ...employees.map((e) => e.id)],
    });
  }
  org.boardIds.push(addStaff(['employee', 'board', 'management_team'], null).id);
  if (plan.homes > 20_000) org.boardIds.push(addStaff(['employee', 'board'], null).id);
  const finance = org.departments[3]?.id ?? null;
  for (let i = 0; i < Math.max(1, Math.round(plan.homes / 40_000)); i += 1)
    org.legalIds.push(addStaff(['employee', 'legal'], finance).id);
  addStaff(['employee', 'admin'], finance);
}

function generateHousing(
  random: Random,
  org: GeneratedOrganization,
  plan: OrganizationPlan,
  places: Place[],
) {
  let homesLeft = plan.homes;
  for (let complexIndex = 0; homesLeft > 0; complexIndex += 1) {
    const place = random.pick(places);
    const size = Math.min(homesLeft, random.int(12, 90));
    const complexId = random.uuid();
    const complexNumber = String(100 + complexIndex);
    org.rows.housing_complex.push({
      id: complexId,
      organization_id: org.id,
      complex_number: complexNumber,
      external_id: `CPX-${complexNumber}`,
      name: `${random.pick(COMPLEX_NAMES)}${complexIndex >= COMPLEX_NAMES.length ? ` ${complexNumber}` : ''}`,
      place: place.name,
      created_at: org.createdAt,
    });
    const street = random.pick(STREET_NAMES);
    const digits = random.int(place.postcodeFrom, place.postcodeTo);
    const letterBase = random.int(0, 300);
    const flats = random.chance(0.35);
    let houseNumber = random.int(1, 40);
    for (let i = 0; i < size; i += 1) {
      const addition = flats ? String((i % 4) + 1) : null;
      if (!flats || i % 4 === 0) houseNumber += flats ? 2 : random.chance(0.9) ? 2 : 1;
      const unitId = random.uuid();
      org.rows.unit.push({
        id: unitId,
        organization_id: org.id,
        housing_complex_id: complexId,
        external_id: `VHE-${complexNumber}-${String(i + 1).padStart(3, '0')}`,
        street,
        house_number: houseNumber,
        house_number_addition: addition,
        postcode: `${digits}${postcodeLetters(letterBase + Math.floor(houseNumber / 30))}`,
        place: place.name,
        created_at: org.createdAt,
        updated_at: org.createdAt,
      });
      org.units.push({ id: unitId, complexId, street });
      // Some homes are between tenants; some have two tenants on the contract.
      if (random.chance(0.04)) continue;
      for (let p = 0; p < (random.chance(0.12) ? 2 : 1); p += 1) {
        const { name, first, surname } = personName(random);
        const personId = random.uuid();
        org.rows.person.push({
          id: personId,
          organization_id: org.id,
          external_id: `REL-${org.rows.person.length + 100_001}`,
          name,
          email: random.chance(0.7)
            ? `${toMailPart(first)}.${toMailPart(surname)}${random.int(1, 999)}@${random.pick(MAIL_DOMAINS)}`
            : null,
          phone: random.chance(0.9) ? phoneNumber(random, place) : null,
          postal_address: null,
          relation: 'tenant',
          unit_id: unitId,
          created_at: org.createdAt,
          updated_at: org.createdAt,
        });
        org.tenants.push({ id: personId, name, unitId });
      }
    }
    homesLeft -= size;
  }
}

function generateContractors(
  random: Random,
  org: GeneratedOrganization,
  plan: OrganizationPlan,
  places: Place[],
) {
  const names = new Set<string>();
  const count = Math.min(150, Math.max(8, Math.round(plan.homes / 400)));
  for (let i = 0; i < count; i += 1) {
    const [kind, trade] = TRADES[i % TRADES.length] as (typeof TRADES)[number];
    const surname = random
      .pick(SURNAMES)
      .replace(/^(de|van den|van der|van de|van) /, (m) => m[0]?.toUpperCase() + m.slice(1));
    let name = i % 2 === 0 ? `${kind} ${surname}` : `${surname} ${kind}`;
    if (names.has(name.toLowerCase())) name = `${name} ${random.pick(places).name}`;
    if (names.has(name.toLowerCase())) name = `${name} ${i}`;
    names.add(name.toLowerCase());
    const id = random.uuid();
    org.rows.contractor.push({
      id,
      organization_id: org.id,
      name,
      trade,
      active: random.chance(0.92),
      created_at: org.createdAt,
    });
    org.contractors.push({ id, name });
  }
}

export function generateOrganization(
  random: Random,
  plan: OrganizationPlan,
  createdAt: Date,
): GeneratedOrganization {
  const name =
    plan.index === 0 ? FIRST_ORGANIZATION_NAME : `${random.pick(NAME_PREFIXES)} ${random.pick(NAME_WORDS)}`;
  const slug = `${slugify(name)}${plan.index === 0 ? '' : `-${plan.index}`}`.slice(0, 63);
  const id = random.uuid();
  const hostname = `${slug}.gehoord.test`;
  const org: GeneratedOrganization = {
    id,
    slug,
    name: plan.index === 0 ? name : `${name} ${plan.index}`,
    hostname,
    createdAt,
    rows: {
      organization: [],
      department: [],
      staff_user: [],
      housing_complex: [],
      unit: [],
      person: [],
      contractor: [],
    },
    departments: [],
    staff: [],
    legalIds: [],
    boardIds: [],
    units: [],
    tenants: [],
    contractors: [],
  };
  org.rows.organization.push({
    id,
    slug,
    name: org.name,
    hostnames: [hostname],
    is_default: false,
    created_at: createdAt,
  });
  const places = placesFor(plan, random);
  generateStaff(random.fork('staff'), org, plan, places);
  generateHousing(random.fork('housing'), org, plan, places);
  generateContractors(random.fork('contractors'), org, plan, places);
  for (const d of org.departments) {
    // Inserted without a manager first: the manager is a staff member of the department (circular reference).
    org.rows.department.push({
      id: d.id,
      organization_id: id,
      name: d.name,
      manager_user_id: null,
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
  for (const s of org.staff) {
    org.rows.staff_user.push({
      id: s.id,
      organization_id: id,
      name: s.name,
      email: s.email,
      department_id: s.departmentId,
      roles: s.roles,
      created_at: createdAt,
      updated_at: createdAt,
    });
  }
  return org;
}
