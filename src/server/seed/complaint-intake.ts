import type { ComplaintCategory, IntakeChannel, NotAComplaintKind } from '../../domain/index.ts';
import { type History, type Nature, officeTime } from './complaint-history.ts';
import {
  describeComplaint,
  describeOutside,
  describeSignal,
  OUTSIDE_PROCEDURE_SAMPLES,
} from './complaint-texts.ts';
import type { DepartmentInfo, GeneratedOrganization, PersonInfo, Row } from './organization-generator.ts';
import type { Random } from './random.ts';

// How complaints come in: when (seasons, weekdays, office hours per channel), to which department, what they
// turn out to be, which earlier complaint a repeat is about, and what the complainant thinks afterwards.

export const DAY = 86_400_000;
const MONTH_WEIGHT = [1.3, 1.25, 1.1, 0.95, 0.85, 0.8, 0.7, 0.75, 0.95, 1.1, 1.2, 1.1];
const OFFICE_CHANNELS = new Set<IntakeChannel>(['phone', 'desk', 'letter']);

const SATISFACTION_COMMENTS = [
  'Fijn dat er eindelijk iemand heeft gebeld.',
  'Het duurde lang, maar het is nu opgelost.',
  'Ik ben het nog steeds niet eens met de uitkomst.',
  'Vriendelijk geholpen.',
  'De reparatie is weer niet goed gedaan.',
];

export type Earlier = {
  id: string;
  matterId: string;
  category: ComplaintCategory;
  nature: Nature;
  complainant: PersonInfo;
  handlerId: string;
  department: DepartmentInfo;
  answeredAt: number;
  committeeReferredAt: number | null;
  committeeReference: string | null;
  description: string;
};

export function sampleReceivedAt(random: Random, channel: IntakeChannel, start: number, end: number): Date {
  for (;;) {
    const t = start + random.next() * (end - start);
    const day = new Date(t);
    const weekday = day.getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (weekend && OFFICE_CHANNELS.has(channel)) continue;
    const growth = 0.85 + (0.3 * (t - start)) / (end - start);
    if (random.next() * 1.6 > (MONTH_WEIGHT[day.getUTCMonth()] as number) * growth * (weekend ? 0.3 : 1))
      continue;
    const hour = OFFICE_CHANNELS.has(channel)
      ? channel === 'letter'
        ? 8
        : random.int(7, 15)
      : random.pick([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 20, 21]);
    day.setUTCHours(hour, random.int(0, 59), random.int(0, 59), 0);
    if (day.getTime() < end) return day;
  }
}

export function registeredAtFor(random: Random, channel: IntakeChannel, receivedAt: Date, now: Date): Date {
  if (channel === 'phone' || channel === 'desk')
    return new Date(receivedAt.getTime() + random.int(2, 25) * 60_000);
  const after = channel === 'letter' ? random.int(1, 30) * 3_600_000 : random.int(5, 20 * 60) * 60_000;
  const at = officeTime(new Date(receivedAt.getTime() + after), random);
  return new Date(Math.max(receivedAt.getTime(), Math.min(at.getTime(), now.getTime())));
}

export function departmentFor(
  random: Random,
  org: GeneratedOrganization,
  category: ComplaintCategory | 'other',
): DepartmentInfo {
  const [klantcontact, vastgoed, wonen, financien] = org.departments as [
    DepartmentInfo,
    DepartmentInfo,
    DepartmentInfo,
    DepartmentInfo,
  ];
  const areaTeams = org.departments.slice(4);
  if (areaTeams.length > 0 && random.chance(0.5)) return random.pick(areaTeams);
  if (category === 'repair_badly_done') return vastgoed;
  if (category === 'treated_wrongly') return random.chance(0.6) ? klantcontact : vastgoed;
  if (category === 'other') return random.chance(0.7) ? klantcontact : financien;
  return random.chance(0.5) ? wonen : klantcontact;
}

export function natureFor(
  random: Random,
  org: GeneratedOrganization,
  handlerId: string,
  department: DepartmentInfo,
  intake: ComplaintCategory | 'other',
): Nature {
  // What came in decided the department; 'other' is a signal that is not a complaint or is outside the procedure.
  const outcome =
    intake === 'other' ? random.weighted({ not_a_complaint: 55, outside_procedure: 45 }) : 'complaint';
  if (outcome === 'not_a_complaint') {
    const kind = random.weighted<NotAComplaintKind>({
      repair_request: 50,
      nuisance_report: 25,
      question: 18,
      housing_fraud_report: 4,
      other: 3,
    });
    return { outcome, kind };
  }
  if (outcome === 'outside_procedure') {
    const ground = random.weighted({
      rent_or_service_costs: 55,
      insurer_claim: 25,
      pending_at_dispute_body: 10,
      government_decision: 10,
    });
    return { outcome, ground, referralDetail: OUTSIDE_PROCEDURE_SAMPLES[ground]?.detail ?? null };
  }
  const category = intake as ComplaintCategory;
  const contractor = random.pick(org.contractors);
  const none = { subject_employee_id: null, subject_department_id: null, subject_contractor_id: null };
  if (
    (category === 'repair_badly_done' && random.chance(0.85)) ||
    (category === 'treated_wrongly' && random.chance(0.5))
  ) {
    return {
      outcome,
      category,
      subject: { kind: 'contractor', contractorName: contractor.name },
      subjectColumn: { ...none, subject_contractor_id: contractor.id },
    };
  }
  if (category === 'treated_wrongly') {
    const employee = pickColleague(random, org, handlerId);
    return {
      outcome,
      category,
      subject: { kind: 'employee', employeeId: employee.id },
      subjectColumn: { ...none, subject_employee_id: employee.id },
    };
  }
  return {
    outcome,
    category,
    subject: { kind: 'department', departmentId: department.id },
    subjectColumn: { ...none, subject_department_id: department.id },
  };
}

const staffInDepartments = new WeakMap<GeneratedOrganization, GeneratedOrganization['staff']>();

/** Any staff member in a department other than the handler (filtering all staff per complaint was slow). */
function pickColleague(random: Random, org: GeneratedOrganization, handlerId: string) {
  let candidates = staffInDepartments.get(org);
  if (candidates === undefined) {
    candidates = org.staff.filter((s) => s.departmentId !== null);
    staffInDepartments.set(org, candidates);
  }
  const handlerAt = candidates.findIndex((s) => s.id === handlerId);
  const count = candidates.length - (handlerAt === -1 ? 0 : 1);
  if (count === 0) throw new RangeError('pick from an empty list');
  const index = Math.floor(random.next() * count);
  return candidates[
    handlerAt !== -1 && index >= handlerAt ? index + 1 : index
  ] as (typeof candidates)[number];
}

export function describe(random: Random, nature: Nature, contractorName: string): string {
  if (nature.outcome === 'complaint') return describeComplaint(random, nature.category, contractorName);
  if (nature.outcome === 'not_a_complaint') return describeSignal(random, nature.kind);
  return describeOutside(random, nature.ground);
}

/** A repeat of an answered complaint of the same complainant within the last year (policy 2.6). */
export function pickEarlier(random: Random, answered: Earlier[], receivedAt: number): Earlier | null {
  for (let attempt = 0; attempt < 20 && answered.length > 0; attempt += 1) {
    const candidate = answered[Math.max(0, answered.length - 1 - random.int(0, 150))] as Earlier;
    if (candidate.answeredAt < receivedAt - 2 * DAY && candidate.answeredAt > receivedAt - 365 * DAY)
      return candidate;
  }
  return null;
}

/** About a third of the answered complainants fill in the satisfaction form after closing; scores follow the verdict. */
export function rateSatisfaction(
  random: Random,
  history: History,
  complaintId: string,
  organizationId: string,
  now: Date,
): Row | null {
  const { closedAt, answeredAt, assessment } = history.state;
  if (closedAt === null || answeredAt === null || assessment === null || !random.chance(0.35)) return null;
  const at = new Date(closedAt.getTime() + random.int(1, 14) * DAY);
  if (at.getTime() > now.getTime()) return null;
  const base = { upheld: 4, partly_upheld: 3, not_upheld: 2 }[assessment.verdict];
  const score = () => Math.min(5, Math.max(1, base + random.int(-1, 1)));
  return {
    id: random.uuid(),
    organization_id: organizationId,
    complaint_id: complaintId,
    handling: score(),
    outcome: score(),
    comment: random.chance(0.3) ? random.pick(SATISFACTION_COMMENTS) : null,
    created_at: at,
  };
}
