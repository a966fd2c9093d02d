import { describe, expect, test } from 'vitest';
import {
  type AssistantCandidate,
  type ComplaintCategory,
  DEFAULT_ORGANIZATION_ROUTING_RULE,
  decideRoute,
  isAboutEmployeeConduct,
  listDepartmentAssistantIds,
  listResponsibilityProblems,
  type RoutingInput,
  type RoutingRequest,
  type RoutingStaff,
} from '../../src/domain/index.ts';

// Klantcontact (manager Kim, assistant Ada) takes complaints in; Vastgoed (manager Victor, assistant Vera)
// is where Mohamed works. "Zonder" has a manager but no assistant, "Stuurloos" has no manager at all.
const DEPARTMENTS = [
  { id: 'klantcontact', managerUserId: 'kim', assistantIds: ['ada'] },
  { id: 'vastgoed', managerUserId: 'victor', assistantIds: ['vera', 'vera'] },
  { id: 'zonder', managerUserId: 'zara', assistantIds: [] },
  { id: 'stuurloos', managerUserId: null, assistantIds: ['sam'] },
];
const eva: RoutingStaff = { id: 'eva', active: true, departmentId: 'klantcontact' };
const mohamed: RoutingStaff = { id: 'mohamed', active: true, departmentId: 'vastgoed' };
const karel: RoutingStaff = { id: 'karel', active: true, departmentId: 'vastgoed' };
const zoe: RoutingStaff = { id: 'zoe', active: true, departmentId: 'zonder' };
const sven: RoutingStaff = { id: 'sven', active: true, departmentId: 'stuurloos' };
const left = (staff: RoutingStaff): RoutingStaff => ({ ...staff, active: false });

function input(request: RoutingRequest, extra: Partial<RoutingInput> = {}): RoutingInput {
  return {
    request,
    currentHandler: eva,
    currentDepartmentId: 'klantcontact',
    currentConcernedDepartmentId: null,
    intakeDepartmentId: 'klantcontact',
    departments: DEPARTMENTS,
    ...extra,
  };
}
type TriageRequest = Extract<RoutingRequest, { kind: 'triage' }>;
const triage = (
  subject: TriageRequest['subject'],
  managerTakes = null as never,
  category: ComplaintCategory | null = 'treated_wrongly',
  organizationRule: TriageRequest['organizationRule'] = DEFAULT_ORGANIZATION_ROUTING_RULE,
) => ({ kind: 'triage', category, subject, managerTakes, organizationRule }) as const;
const registration = { kind: 'registration', departmentId: null } as const;

describe('decideRoute: where the complaint goes', () => {
  test.each([
    {
      name: 'policy 2.3: a staff registration stays with the registrant until triage names a subject',
      input: input(registration),
      route: {
        handlerId: 'eva',
        handlingDepartmentId: 'klantcontact',
        concernedDepartmentId: null,
        managerId: 'kim',
        assistantIds: ['ada'],
        basis: 'registrant_picks_up',
        policy: '2.3',
      },
    },
    {
      name: 'policy 2.1: a website complaint goes to the intake department’s unassigned queue',
      input: input(registration, { currentHandler: null, currentDepartmentId: null }),
      route: {
        handlerId: null,
        handlingDepartmentId: 'klantcontact',
        managerId: 'kim',
        assistantIds: ['ada'],
        basis: 'intake_queue',
        policy: '2.1',
      },
    },
    {
      name: 'policy 2.1: an e-mail complaint goes to the intake department’s unassigned queue',
      input: input(registration, { currentHandler: null, currentDepartmentId: null }),
      route: { handlerId: null, handlingDepartmentId: 'klantcontact', basis: 'intake_queue' },
    },
    {
      name: 'policy 2.1: without an intake department the complaint still registers, with a notice',
      input: input(registration, {
        currentHandler: null,
        currentDepartmentId: null,
        intakeDepartmentId: null,
      }),
      route: {
        handlerId: null,
        handlingDepartmentId: null,
        managerId: null,
        assistantIds: [],
        notices: ['intake_department_unset'],
      },
    },
    {
      name: 'policy 2.1: a department named at registration wins',
      input: input({ kind: 'registration', departmentId: 'vastgoed' }, { currentHandler: null }),
      route: {
        handlerId: null,
        handlingDepartmentId: 'vastgoed',
        managerId: 'victor',
        assistantIds: ['vera'],
      },
    },
    {
      name: 'policy 2.1: a registration in a department without a manager is not refused, only noticed',
      input: input(registration, { currentHandler: sven }),
      route: {
        handlerId: 'sven',
        handlingDepartmentId: 'stuurloos',
        managerId: null,
        notices: ['department_without_manager'],
      },
    },
    {
      name: 'policy 1.3: about an employee → that employee handles it, their manager is accountable',
      input: input(triage({ kind: 'employee', employee: mohamed })),
      route: {
        handlerId: 'mohamed',
        handlingDepartmentId: 'vastgoed',
        concernedDepartmentId: 'vastgoed',
        managerId: 'victor',
        assistantIds: ['vera'],
        managerTakesReason: null,
        basis: 'employee_concerned',
        policy: '1.3',
        notices: [],
      },
    },
    {
      name: 'policy 1.3: about an employee who has left → the manager takes it over (reason: left)',
      input: input(triage({ kind: 'employee', employee: left(mohamed) })),
      route: {
        handlerId: 'victor',
        handlingDepartmentId: 'vastgoed',
        concernedDepartmentId: 'vastgoed',
        managerId: 'victor',
        managerTakesReason: 'employee_left',
        basis: 'manager_takes',
      },
    },
    {
      name: 'policy 2.5: a suspected offence by the employee it is about → their manager, whatever was chosen',
      input: input({
        kind: 'triage',
        category: 'treated_wrongly',
        organizationRule: DEFAULT_ORGANIZATION_ROUTING_RULE,
        subject: { kind: 'employee', employee: mohamed },
        managerTakes: 'employee_absent',
        suspectedCriminalOffence: true,
      }),
      route: {
        handlerId: 'victor',
        handlingDepartmentId: 'vastgoed',
        managerTakesReason: 'criminal_suspicion',
        basis: 'manager_takes',
      },
    },
    {
      name: 'policy 1.3: the manager takes it over when the employee is absent',
      input: input({
        kind: 'triage',
        category: 'treated_wrongly',
        organizationRule: DEFAULT_ORGANIZATION_ROUTING_RULE,
        subject: { kind: 'employee', employee: mohamed },
        managerTakes: 'employee_absent',
      }),
      route: {
        handlerId: 'victor',
        handlingDepartmentId: 'vastgoed',
        managerTakesReason: 'employee_absent',
        basis: 'manager_takes',
        policy: '1.3',
      },
    },
    {
      name: 'policy 1.3: about conduct, the complainant asks for the manager',
      input: input({
        kind: 'triage',
        category: 'treated_wrongly',
        organizationRule: DEFAULT_ORGANIZATION_ROUTING_RULE,
        subject: { kind: 'employee', employee: mohamed },
        managerTakes: 'conduct_complainant_asks',
      }),
      route: { handlerId: 'victor', managerTakesReason: 'conduct_complainant_asks' },
    },
    {
      name: 'policy 1.3: about a department → its unassigned queue, its manager accountable',
      input: input(triage({ kind: 'department', departmentId: 'vastgoed' })),
      route: {
        handlerId: null,
        handlingDepartmentId: 'vastgoed',
        concernedDepartmentId: 'vastgoed',
        managerId: 'victor',
        basis: 'department_queue',
        policy: '1.3',
      },
    },
    {
      name: 'policy 2.3: about the handler’s own department → the handler keeps it',
      input: input(triage({ kind: 'department', departmentId: 'klantcontact' })),
      route: {
        handlerId: 'eva',
        handlingDepartmentId: 'klantcontact',
        concernedDepartmentId: 'klantcontact',
        basis: 'handler_keeps',
        policy: '2.3',
      },
    },
    {
      name: 'policy 1.3: about a contractor → the responsible department’s unassigned queue',
      input: input(triage({ kind: 'contractor', responsibleDepartmentId: 'vastgoed' })),
      route: {
        handlerId: null,
        handlingDepartmentId: 'vastgoed',
        concernedDepartmentId: 'vastgoed',
        managerId: 'victor',
        basis: 'contractor_department',
      },
    },
    {
      name: 'policy 2.3: subject "none" keeps an existing handler where they are',
      input: input(triage({ kind: 'none' })),
      route: {
        handlerId: 'eva',
        handlingDepartmentId: 'klantcontact',
        concernedDepartmentId: null,
        basis: 'handler_keeps',
      },
    },
    {
      name: 'policy 2.1: subject "none" without a handler → the intake department’s queue',
      input: input(triage({ kind: 'none' }), { currentHandler: null, currentDepartmentId: null }),
      route: { handlerId: null, handlingDepartmentId: 'klantcontact', basis: 'intake_queue' },
    },
    {
      name: 'policy 2.3: an inactive current handler does not keep it',
      input: input(triage({ kind: 'none' }), { currentHandler: left(eva), currentDepartmentId: null }),
      route: { handlerId: null, handlingDepartmentId: 'klantcontact', basis: 'intake_queue' },
    },
    {
      name: 'policy 2.3: a department without an assistant is routed, the cc goes to the manager only',
      input: input(triage({ kind: 'employee', employee: zoe })),
      route: {
        handlerId: 'zoe',
        managerId: 'zara',
        assistantIds: [],
        notices: ['department_without_assistant'],
      },
    },
    {
      name: 'policy 2.6: a transfer moves handler, department, manager and cc together',
      input: input(
        { kind: 'transfer', departmentId: 'vastgoed', handler: karel },
        { currentConcernedDepartmentId: 'klantcontact' },
      ),
      route: {
        handlerId: 'karel',
        handlingDepartmentId: 'vastgoed',
        concernedDepartmentId: 'klantcontact',
        managerId: 'victor',
        assistantIds: ['vera'],
        basis: 'transfer',
        policy: '2.6',
      },
    },
    {
      name: 'policy 2.6: a transfer without a named handler lands in the department’s queue',
      input: input({ kind: 'transfer', departmentId: 'vastgoed', handler: null }),
      route: { handlerId: null, handlingDepartmentId: 'vastgoed', managerId: 'victor' },
    },
  ])('$name', ({ input: given, route }) => {
    const result = decideRoute(given);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.route).toMatchObject(route);
  });
});

describe("decideRoute: the organisation's rule, conduct complaints to the manager (policy 1.2 cat. 4, 1.3)", () => {
  const on = { conductToManager: true };
  const off = { conductToManager: false };
  const withRule = (
    subject: TriageRequest['subject'],
    managerTakes: string | null = null,
    category: ComplaintCategory | null = 'treated_wrongly',
    rule = on,
  ) => input(triage(subject, managerTakes as never, category, rule));
  const employeeCase = { handlerId: 'mohamed', managerTakesReason: null, basis: 'employee_concerned' };
  test.each([
    {
      name: 'rule on: about an employee’s conduct → their manager takes it, reason “organization_rule”',
      input: withRule({ kind: 'employee', employee: mohamed }),
      route: {
        handlerId: 'victor',
        handlingDepartmentId: 'vastgoed',
        concernedDepartmentId: 'vastgoed',
        managerId: 'victor',
        assistantIds: ['vera'],
        managerTakesReason: 'organization_rule',
        basis: 'manager_takes',
        policy: '1.3',
      },
    },
    {
      name: 'rule off: the employee it is about handles it',
      input: withRule({ kind: 'employee', employee: mohamed }, null, 'treated_wrongly', off),
      route: employeeCase,
    },
    ...(['no_or_late_answer', 'repair_badly_done', 'request_wrongly_handled', null] as const).map(
      (category) => ({
        name: `rule on, category ${category}: not about conduct, the employee handles it`,
        input: withRule({ kind: 'employee', employee: mohamed }, null, category),
        route: employeeCase,
      }),
    ),
    {
      name: 'rule on: about a department → still its unassigned queue',
      input: withRule({ kind: 'department', departmentId: 'vastgoed' }),
      route: { handlerId: null, managerTakesReason: null, basis: 'department_queue' },
    },
    {
      name: 'rule on: about a contractor → still the responsible department’s queue',
      input: withRule({ kind: 'contractor', responsibleDepartmentId: 'vastgoed' }),
      route: { handlerId: null, managerTakesReason: null, basis: 'contractor_department' },
    },
    {
      name: 'rule on: a reason chosen for the case wins (employee absent)',
      input: withRule({ kind: 'employee', employee: mohamed }, 'employee_absent'),
      route: { handlerId: 'victor', managerTakesReason: 'employee_absent', basis: 'manager_takes' },
    },
    {
      name: 'rule on: the complainant’s own request is recorded as such',
      input: withRule({ kind: 'employee', employee: mohamed }, 'conduct_complainant_asks'),
      route: { handlerId: 'victor', managerTakesReason: 'conduct_complainant_asks' },
    },
    {
      name: 'rule on: policy 2.5 a suspected criminal offence still wins',
      input: input({
        kind: 'triage',
        category: 'treated_wrongly',
        subject: { kind: 'employee', employee: mohamed },
        managerTakes: null,
        organizationRule: on,
        suspectedCriminalOffence: true,
      }),
      route: { handlerId: 'victor', managerTakesReason: 'criminal_suspicion' },
    },
    {
      name: 'rule on: an employee who has left is recorded as left',
      input: withRule({ kind: 'employee', employee: left(mohamed) }),
      route: { handlerId: 'victor', managerTakesReason: 'employee_left' },
    },
  ])('$name', ({ input: given, route }) => {
    const result = decideRoute(given);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(result.route).toMatchObject(route);
  });

  test('rule on: without a manager to take it, the route is refused (policy 2.3)', () => {
    expect(decideRoute(withRule({ kind: 'employee', employee: sven }))).toEqual({
      ok: false,
      reason: 'department_without_manager',
    });
  });

  test.each([
    { category: 'treated_wrongly', subject: 'employee', conduct: true },
    { category: 'treated_wrongly', subject: 'department', conduct: false },
    { category: 'treated_wrongly', subject: 'contractor', conduct: false },
    { category: 'treated_wrongly', subject: 'none', conduct: false },
    { category: 'no_or_late_answer', subject: 'employee', conduct: false },
    { category: 'repair_badly_done', subject: 'employee', conduct: false },
    { category: 'request_wrongly_handled', subject: 'employee', conduct: false },
    { category: null, subject: 'employee', conduct: false },
  ] as const)('isAboutEmployeeConduct($category, $subject) → $conduct', ({ category, subject, conduct }) => {
    expect(isAboutEmployeeConduct(category, subject)).toBe(conduct);
  });
});

describe('decideRoute: refusals (nothing is routed)', () => {
  test.each([
    {
      name: 'policy 2.3: a transfer to an inactive employee',
      input: input({ kind: 'transfer', departmentId: 'vastgoed', handler: left(karel) }),
      reason: 'handler_inactive',
    },
    {
      name: 'policy 2.6: a named handler must work in the target department',
      input: input({ kind: 'transfer', departmentId: 'vastgoed', handler: eva }),
      reason: 'handler_not_in_department',
    },
    {
      name: 'policy 2.3: a department without a manager cannot be accountable',
      input: input(triage({ kind: 'department', departmentId: 'stuurloos' })),
      reason: 'department_without_manager',
    },
    {
      name: 'policy 2.3: an employee in a department without a manager',
      input: input(triage({ kind: 'employee', employee: sven })),
      reason: 'department_without_manager',
    },
    {
      name: 'policy 1.3: the manager cannot take over when there is no manager',
      input: input(triage({ kind: 'employee', employee: left(sven) })),
      reason: 'department_without_manager',
    },
    {
      name: 'policy 2.3: a transfer to a department without a manager',
      input: input({ kind: 'transfer', departmentId: 'stuurloos', handler: null }),
      reason: 'department_without_manager',
    },
    {
      name: 'policy 1.3: an employee without a department has no accountable manager',
      input: input(triage({ kind: 'employee', employee: { id: 'x', active: true, departmentId: null } })),
      reason: 'employee_without_department',
    },
    {
      name: 'policy 1.3: a contractor without a responsible department',
      input: input(triage({ kind: 'contractor', responsibleDepartmentId: null })),
      reason: 'contractor_without_department',
    },
    {
      name: 'a department the caller did not supply',
      input: input({ kind: 'transfer', departmentId: 'elders', handler: null }),
      reason: 'department_unknown',
    },
  ])('$name → $reason', ({ input: given, reason }) => {
    expect(decideRoute(given)).toEqual({ ok: false, reason });
  });
});

describe('listResponsibilityProblems: what the case shows until it is fixed', () => {
  const base = {
    handlerId: 'eva',
    handlerActive: true,
    departmentId: 'klantcontact',
    managerId: 'kim',
    assistantIds: ['ada'],
    open: true,
  };
  test.each([
    { name: 'policy 2.3: all in place', complaint: base, problems: [] },
    {
      name: 'policy 2.1: nowhere to go',
      complaint: { ...base, handlerId: null, departmentId: null, managerId: null, assistantIds: [] },
      problems: ['intake_department_unset', 'department_without_manager'],
    },
    {
      name: 'policy 2.3: no assistant for the cc',
      complaint: { ...base, assistantIds: [] },
      problems: ['department_without_assistant'],
    },
    {
      name: 'policy 2.3: the handler has left',
      complaint: { ...base, handlerActive: false },
      problems: ['handler_inactive'],
    },
    {
      name: 'a closed case has no problems left',
      complaint: { ...base, managerId: null, open: false },
      problems: [],
    },
  ])('$name', ({ complaint, problems }) => {
    expect(listResponsibilityProblems(complaint)).toEqual(problems);
  });
});

describe('listDepartmentAssistantIds: who gets the cc for a department (policy 2.3)', () => {
  const vera: AssistantCandidate = {
    id: 'vera',
    departmentId: 'vastgoed',
    roles: ['employee', 'management_assistant'],
    active: true,
  };
  test.each<[string, AssistantCandidate[], string[]]>([
    ['its own active assistant', [vera], ['vera']],
    ['every one of them, in the order given', [vera, { ...vera, id: 'ada' }], ['vera', 'ada']],
    ['not a deactivated one', [{ ...vera, active: false }], []],
    ["not another department's assistant", [{ ...vera, departmentId: 'klantcontact' }], []],
    ['not one without a department', [{ ...vera, departmentId: null }], []],
    ['not a colleague without the role', [{ ...vera, roles: ['employee', 'manager'] }], []],
  ])('%s', (_, staff, expected) => {
    expect(listDepartmentAssistantIds('vastgoed', staff)).toEqual(expected);
  });
});
