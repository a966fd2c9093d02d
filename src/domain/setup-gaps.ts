// What an installation still lacks before every complaint can be routed, answered and copied as the policy
// asks. Pure: the server gathers the facts, the admin start page shows the gaps with a link to fix each one.

import { type AssistantCandidate, listDepartmentAssistantIds } from './routing.ts';

export type SetupDepartment = Readonly<{
  id: string;
  name: string;
  managerUserId: string | null;
  active: boolean;
}>;

export type SetupStaffMember = AssistantCandidate;

export type SetupFacts = Readonly<{
  intakeDepartmentId: string | null;
  departments: readonly SetupDepartment[];
  staff: readonly SetupStaffMember[];
  contact: Readonly<{ phone: string | null; email: string | null }>;
  committee: Readonly<{ name: string | null; contact: string | null; url: string | null }>;
}>;

export const SETUP_GAP_KINDS = [
  'intake_department_missing',
  'intake_department_without_manager',
  'department_without_manager',
  'department_without_assistant',
  'contact_details_missing',
  'committee_details_missing',
] as const;
export type SetupGapKind = (typeof SETUP_GAP_KINDS)[number];

export type SetupGap = Readonly<{
  kind: SetupGapKind;
  /** The department the gap is about, where there is one. */
  department: Readonly<{ id: string; name: string }> | null;
}>;

const blank = (value: string | null) => value === null || value.trim() === '';

/** A department's manager counts only while that account is active: a deactivated one gets no cc. */
function hasActiveManager(department: SetupDepartment, staff: readonly SetupStaffMember[]): boolean {
  return staff.some((member) => member.id === department.managerUserId && member.active);
}

/** Every gap, in the order an administrator should fix them (intake first: the portal depends on it). */
export function listSetupGaps(facts: SetupFacts): SetupGap[] {
  const gaps: SetupGap[] = [];
  const activeDepartments = facts.departments.filter((d) => d.active);
  const intake = activeDepartments.find((d) => d.id === facts.intakeDepartmentId);
  const named = (department: SetupDepartment) => ({ id: department.id, name: department.name });
  // policy 2.1, 2.3: a website complaint lands in the intake department, whose manager answers for it
  if (intake === undefined) gaps.push({ kind: 'intake_department_missing', department: null });
  else if (!hasActiveManager(intake, facts.staff))
    gaps.push({ kind: 'intake_department_without_manager', department: named(intake) });
  // Department by department, the intake one first: each can end up handling a complaint (routing)
  const others = activeDepartments.filter((d) => d.id !== intake?.id);
  for (const department of intake === undefined ? others : [intake, ...others]) {
    // policy 1.3, 2.3: the manager stays ultimately responsible for the department's complaints
    if (department !== intake && !hasActiveManager(department, facts.staff))
      gaps.push({ kind: 'department_without_manager', department: named(department) });
    // policy 2.3: every solution goes in cc to the handling department's own management assistant
    // (routing takes them only from there), so a department without one cannot copy its answers
    if (listDepartmentAssistantIds(department.id, facts.staff).length === 0)
      gaps.push({ kind: 'department_without_assistant', department: named(department) });
  }
  // policy 1.1: a low threshold — tenants must be able to reach the corporation by phone or e-mail
  if (blank(facts.contact.phone) && blank(facts.contact.email))
    gaps.push({ kind: 'contact_details_missing', department: null });
  // policy 1.3: a complainant who is not satisfied is told how to reach the regional complaints committee
  if (blank(facts.committee.name) || (blank(facts.committee.contact) && blank(facts.committee.url)))
    gaps.push({ kind: 'committee_details_missing', department: null });
  return gaps;
}
