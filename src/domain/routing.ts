import type { ComplaintCategory } from './complaint-category.ts';
import { fail, type Outcome, succeed } from './result.ts';

// Who handles a complaint, in which department, and who stays accountable (policy 1.3, 2.3, 2.6, 3.2).

/** Why a manager takes a complaint over from the employee it is about (policy 1.3, 2.6). */
export const MANAGER_TAKES_REASONS = {
  employee_absent: { nl: 'De medewerker is afwezig', en: 'The employee is absent' },
  employee_left: { nl: 'De medewerker is uit dienst', en: 'The employee has left' },
  conduct_complainant_asks: {
    nl: 'De klacht gaat over het gedrag van de medewerker en de klager vraagt dit',
    en: 'The complaint is about the employee’s conduct and the complainant asks for this',
  },
  // policy 2.5: set by the triage itself, never chosen — the employee suspected does not handle (or see) it
  criminal_suspicion: {
    nl: 'Vermoeden van een strafbaar feit door de medewerker',
    en: 'A suspected criminal offence by the employee',
  },
  // policy 1.3: the organisation's own rule (routing settings), never chosen per case
  organization_rule: {
    nl: 'Volgens de regel van de organisatie gaan klachten over het gedrag van een medewerker naar de leidinggevende',
    en: 'By the organisation’s rule, complaints about an employee’s conduct go to their manager',
  },
} as const;
export type ManagerTakesReason = keyof typeof MANAGER_TAKES_REASONS;

/**
 * The reasons a person chooses at triage; `criminal_suspicion` follows from the suspicion itself and
 * `organization_rule` from the organisation's routing rule.
 */
export const CHOOSABLE_MANAGER_TAKES_REASONS = [
  'employee_absent',
  'employee_left',
  'conduct_complainant_asks',
] as const satisfies readonly ManagerTakesReason[];
export type ChoosableManagerTakesReason = (typeof CHOOSABLE_MANAGER_TAKES_REASONS)[number];

/**
 * The organisation's routing rule (policy 1.3: "tenzij de regel van de organisatie … zegt dat de leidinggevende
 * de klacht behandelt"): complaints about an employee's conduct go to their manager. No row = the default.
 */
export type OrganizationRoutingRule = Readonly<{ conductToManager: boolean }>;

export const DEFAULT_ORGANIZATION_ROUTING_RULE: OrganizationRoutingRule = { conductToManager: false };

/**
 * Is the complaint about an employee's conduct? policy 1.2 category 4: "door een medewerker … onjuist
 * behandeld", with an employee (not a department or a contractor) as its subject.
 */
export function isAboutEmployeeConduct(
  category: ComplaintCategory | null,
  subjectKind: RoutingSubject['kind'],
): boolean {
  return category === 'treated_wrongly' && subjectKind === 'employee';
}

/** A staff member as routing needs to know them. */
export type RoutingStaff = Readonly<{ id: string; active: boolean; departmentId: string | null }>;

/** A staff member as the cc rule needs to know them (the set-up gaps use the same shape). */
export type AssistantCandidate = Readonly<{
  id: string;
  departmentId: string | null;
  roles: readonly string[];
  active: boolean;
}>;

/**
 * The management assistants of a department: its own active staff with that role, in the order given.
 * policy 2.3: the answer goes in cc to the handling department's assistant; one elsewhere does not count.
 */
export function listDepartmentAssistantIds(
  departmentId: string,
  staff: readonly AssistantCandidate[],
): string[] {
  return staff
    .filter(
      (member) =>
        member.active &&
        member.departmentId === departmentId &&
        member.roles.includes('management_assistant'),
    )
    .map((member) => member.id);
}

/** A department as routing needs to know it: its manager (leidinggevende) and management assistants. */
export type RoutingDepartment = Readonly<{
  id: string;
  managerUserId: string | null;
  assistantIds: readonly string[];
}>;

/** What the complaint is about, with what routing needs of it. */
export type RoutingSubject =
  | { readonly kind: 'employee'; readonly employee: RoutingStaff }
  | { readonly kind: 'department'; readonly departmentId: string }
  | { readonly kind: 'contractor'; readonly responsibleDepartmentId: string | null }
  | { readonly kind: 'none' };

/**
 * What asks for a route: a new registration (no subject yet), the triage naming the subject, or a
 * transfer to another department (optionally to a named handler there).
 */
export type RoutingRequest =
  | {
      readonly kind: 'registration';
      /** A department named at registration (API, portal); otherwise the handler's or the intake one. */
      readonly departmentId: string | null;
    }
  | {
      readonly kind: 'triage';
      /** policy 1.2: the triage's category; category 4 about an employee is "about their conduct". */
      readonly category: ComplaintCategory | null;
      readonly subject: RoutingSubject;
      readonly managerTakes: ManagerTakesReason | null;
      /** The organisation's routing rule (its routing settings, or the default); it decides at triage only. */
      readonly organizationRule: OrganizationRoutingRule;
      /** policy 2.5: a suspected criminal offence — the employee it is about never handles it. */
      readonly suspectedCriminalOffence?: boolean;
    }
  | { readonly kind: 'transfer'; readonly departmentId: string; readonly handler: RoutingStaff | null };

export type RoutingInput = Readonly<{
  request: RoutingRequest;
  /**
   * The handler now: at registration the staff member who registers it, whatever the channel; null when no
   * one did (website, e-mail, an integration), which is what sends it to the intake department.
   */
  currentHandler: RoutingStaff | null;
  /** Where the complaint is handled now (kept by a transfer's concerned department and by subject "none"). */
  currentDepartmentId: string | null;
  currentConcernedDepartmentId: string | null;
  /** The department that takes in website and e-mail complaints (`portal_settings.intake_department_id`). */
  intakeDepartmentId: string | null;
  /** Every department the route may touch (the subject's, the handler's, the intake and the target one). */
  departments: readonly RoutingDepartment[];
}>;

export type RouteBasis =
  | 'registrant_picks_up' // policy 2.3: "direct opgepakt door de betreffende medewerker"
  | 'intake_queue' // policy 2.1: website and e-mail complaints land with the intake department
  | 'employee_concerned' // policy 1.3: handled by the person the complaint is about
  | 'manager_takes' // policy 1.3, 2.6: the manager takes it over, with a reason
  | 'department_queue' // policy 1.3: the department concerned picks it up
  | 'contractor_department' // policy 1.2, 1.3: the department responsible for the contractor
  | 'handler_keeps' // policy 2.3: an employee of the right department, or no subject, keeps it
  | 'transfer'; // policy 2.6: "de leidinggevende beslist wie de klacht afhandelt"

export const ROUTE_BASIS_POLICY: Record<RouteBasis, string> = {
  registrant_picks_up: '2.3',
  intake_queue: '2.1',
  employee_concerned: '1.3',
  manager_takes: '1.3',
  department_queue: '1.3',
  contractor_department: '1.3',
  handler_keeps: '2.3',
  transfer: '2.6',
};

/** A gap in the organisation's set-up that the route could live with; shown on the case until fixed. */
export type RoutingNotice =
  | 'intake_department_unset'
  | 'department_without_manager'
  | 'department_without_assistant';

export type Route = Readonly<{
  /** null: the handling department's unassigned queue ("onverdeeld"). */
  handlerId: string | null;
  handlingDepartmentId: string | null;
  concernedDepartmentId: string | null;
  /** The accountable manager (policy 2.3: "de leidinggevende blijft eindverantwoordelijk"). */
  managerId: string | null;
  /** policy 2.3: the answer goes in cc to the manager and the management assistant(s). */
  assistantIds: readonly string[];
  managerTakesReason: ManagerTakesReason | null;
  basis: RouteBasis;
  policy: string;
  notices: readonly RoutingNotice[];
}>;

export type RoutingProblem =
  | 'handler_inactive'
  | 'handler_not_in_department'
  | 'department_unknown'
  | 'department_without_manager'
  | 'employee_without_department'
  | 'contractor_without_department';

type Destination = {
  handlerId: string | null;
  departmentId: string | null;
  concernedDepartmentId: string | null;
  managerTakesReason: ManagerTakesReason | null;
  basis: RouteBasis;
};

/**
 * Decides where a complaint goes. A registration never fails (policy 2.1: no complaint is lost); gaps in
 * the set-up become notices on the case. Triage and transfer refuse a route without an accountable manager.
 */
export function decideRoute(input: RoutingInput): Outcome<{ route: Route }, RoutingProblem> {
  const destination = chooseDestination(input);
  if (!destination.ok) return destination;
  const { handlerId, departmentId, concernedDepartmentId, managerTakesReason, basis } = destination;
  const department = departmentId === null ? undefined : input.departments.find((d) => d.id === departmentId);
  if (departmentId !== null && department === undefined) return fail('department_unknown');
  const registering = input.request.kind === 'registration';
  const managerId = department?.managerUserId ?? null;
  // policy 2.3: someone is always accountable for a routed complaint
  if (!registering && department !== undefined && managerId === null)
    return fail('department_without_manager');
  const assistantIds = [...new Set(department?.assistantIds ?? [])];
  const notices: RoutingNotice[] = [];
  if (departmentId === null && handlerId === null) notices.push('intake_department_unset');
  if (department !== undefined && managerId === null) notices.push('department_without_manager');
  if (department !== undefined && assistantIds.length === 0) notices.push('department_without_assistant');
  return succeed({
    route: {
      handlerId,
      handlingDepartmentId: departmentId,
      concernedDepartmentId,
      managerId,
      assistantIds,
      managerTakesReason,
      basis,
      policy: ROUTE_BASIS_POLICY[basis],
      notices,
    },
  });
}

function chooseDestination(input: RoutingInput): Outcome<Destination, RoutingProblem> {
  const { request } = input;
  const handler = input.currentHandler?.active ? input.currentHandler : null;
  if (request.kind === 'registration') {
    // policy 2.3: a staff member who takes the complaint picks it up at once
    if (handler !== null)
      return destination(
        handler.id,
        request.departmentId ?? handler.departmentId ?? input.intakeDepartmentId,
        null,
        'registrant_picks_up',
      );
    // policy 2.1: website and e-mail complaints go to the intake department's queue
    return destination(null, request.departmentId ?? input.intakeDepartmentId, null, 'intake_queue');
  }
  if (request.kind === 'transfer') {
    const target = request.handler;
    if (target !== null && !target.active) return fail('handler_inactive');
    if (target !== null && target.departmentId !== request.departmentId)
      return fail('handler_not_in_department');
    return destination(
      target?.id ?? null,
      request.departmentId,
      input.currentConcernedDepartmentId,
      'transfer',
    );
  }
  const { subject, managerTakes } = request;
  const suspicion = request.suspectedCriminalOffence === true ? 'criminal_suspicion' : null;
  // policy 1.3: the organisation's rule sends complaints about an employee's conduct (policy 1.2, cat. 4) to the manager
  const byRule =
    request.organizationRule.conductToManager && isAboutEmployeeConduct(request.category, subject.kind)
      ? 'organization_rule'
      : null;
  switch (subject.kind) {
    case 'employee': {
      const employee = subject.employee;
      const concerned = employee.departmentId;
      if (concerned === null) return fail('employee_without_department');
      // policy 1.3: an employee who has left cannot handle it; the manager takes it over
      // policy 2.5: nor can an employee suspected of a criminal offence handle the complaint about it
      // The organisation's rule comes last: a reason of the case itself says more about why
      const reason = suspicion ?? managerTakes ?? (employee.active ? null : 'employee_left') ?? byRule;
      if (reason !== null) {
        const managerId = input.departments.find((d) => d.id === concerned)?.managerUserId ?? null;
        if (managerId === null) return fail('department_without_manager');
        return succeed({
          handlerId: managerId,
          departmentId: concerned,
          concernedDepartmentId: concerned,
          managerTakesReason: reason,
          basis: 'manager_takes',
        });
      }
      return destination(employee.id, concerned, concerned, 'employee_concerned');
    }
    case 'department':
      return toDepartment(handler, subject.departmentId, 'department_queue');
    case 'contractor':
      if (subject.responsibleDepartmentId === null) return fail('contractor_without_department');
      return toDepartment(handler, subject.responsibleDepartmentId, 'contractor_department');
    case 'none':
      // policy 2.3: no subject named, so whoever has it keeps it; otherwise the intake department's queue
      if (handler !== null)
        return destination(
          handler.id,
          input.currentDepartmentId ?? handler.departmentId ?? input.intakeDepartmentId,
          null,
          'handler_keeps',
        );
      return destination(null, input.currentDepartmentId ?? input.intakeDepartmentId, null, 'intake_queue');
  }
}

/** The department's unassigned queue, unless the handler already works there (policy 1.3: as low as possible). */
function toDepartment(
  handler: RoutingStaff | null,
  departmentId: string,
  basis: 'department_queue' | 'contractor_department',
): Outcome<Destination, RoutingProblem> {
  if (handler !== null && handler.departmentId === departmentId)
    return destination(handler.id, departmentId, departmentId, 'handler_keeps');
  return destination(null, departmentId, departmentId, basis);
}

function destination(
  handlerId: string | null,
  departmentId: string | null,
  concernedDepartmentId: string | null,
  basis: RouteBasis,
): Outcome<Destination, RoutingProblem> {
  return succeed({ handlerId, departmentId, concernedDepartmentId, managerTakesReason: null, basis });
}

/** The case's standing problems with its responsibility, from what is stored (policy 2.3). */
export function listResponsibilityProblems(
  complaint: Readonly<{
    handlerId: string | null;
    handlerActive: boolean;
    departmentId: string | null;
    managerId: string | null;
    assistantIds: readonly string[];
    open: boolean;
  }>,
): ResponsibilityProblem[] {
  if (!complaint.open) return [];
  const problems: ResponsibilityProblem[] = [];
  if (complaint.departmentId === null && complaint.handlerId === null)
    problems.push('intake_department_unset');
  if (complaint.managerId === null) problems.push('department_without_manager');
  else if (complaint.assistantIds.length === 0) problems.push('department_without_assistant');
  if (complaint.handlerId !== null && !complaint.handlerActive) problems.push('handler_inactive');
  return problems;
}

export type ResponsibilityProblem = RoutingNotice | 'handler_inactive';

/** Who can fix each problem: the set-up is the admins'; an inactive handler is for the manager to replace. */
export const RESPONSIBILITY_PROBLEM_FIXERS: Record<ResponsibilityProblem, 'admin' | 'manager'> = {
  intake_department_unset: 'admin',
  department_without_manager: 'admin',
  department_without_assistant: 'admin',
  handler_inactive: 'manager',
};
