// The permission matrix (policy 1.4, 2.3–2.6, 3.1) stated as explicit expectations, independent of how
// src/domain/permissions.ts derives them: ok = allowed, 403 = visible but refused, 404 = hidden.
import { describe, expect, test } from 'vitest';
import {
  COMPLAINT_PERMISSIONS,
  type ComplaintAccess,
  type ComplaintPermission,
  canDoOrganizationAction,
  canSeeComplaint,
  type Decision,
  decideComplaintAction,
  decideTokenAction,
  ORGANIZATION_PERMISSIONS,
  type OrganizationPermission,
  STAFF_ROLES,
  type StaffActor,
  type StaffRole,
  TOKEN_SCOPES,
  type TokenScope,
} from '../../src/domain/permissions.ts';

type Outcome = 'ok' | '403' | '404';
type Relation = 'handler' | 'departmentManager' | 'responsibleManager' | 'unrelated';
type Confidentiality = 'ordinary' | 'confidential';

/** Column order of every expectation string below. */
const COLUMNS: ComplaintPermission[] = [
  'complaint.view',
  'complaint.register',
  'complaint.log_contact',
  'complaint.assign',
  'complaint.handle',
  'complaint.decide',
  'complaint.give_legal_advice',
  'complaint.record_board_decision',
  'complaint.mark_confidential',
  'complaint.lift_confidential',
  'complaint.transfer', // policy 2.6: the accountable manager, or the handler handing it on — as handle
];

const HANDLER = 'handler';
const RESPONSIBLE_MANAGER = 'responsible-manager';
const HANDLER_DEPARTMENT = 'handler-department';
const OTHER_DEPARTMENT = 'other-department';

/** About an employee in a third department (none of the relations below); the confidential one for a sensitive personal matter. */
function complaint(confidentiality: Confidentiality, handlerId: string | null = HANDLER): ComplaintAccess {
  return {
    handlerId,
    responsibleManagerId: RESPONSIBLE_MANAGER,
    departmentId: HANDLER_DEPARTMENT,
    confidential: confidentiality === 'confidential',
    confidentialReason: confidentiality === 'confidential' ? 'sensitive_personal_matter' : null,
    subjectEmployeeId: 'concerned-employee',
    subjectEmployeeDepartmentId: 'concerned-department',
  };
}

/** The actor in a relation to the complaint; the manager relations count only together with the manager role. */
function actor(roles: StaffRole[], relation: Relation): StaffActor {
  switch (relation) {
    case 'handler':
      return { userId: HANDLER, roles, departmentId: HANDLER_DEPARTMENT, managedDepartmentIds: [] };
    case 'departmentManager':
      return {
        userId: 'department-manager',
        roles,
        departmentId: HANDLER_DEPARTMENT,
        managedDepartmentIds: [HANDLER_DEPARTMENT],
      };
    case 'responsibleManager':
      return { userId: RESPONSIBLE_MANAGER, roles, departmentId: OTHER_DEPARTMENT, managedDepartmentIds: [] };
    case 'unrelated':
      return {
        userId: 'someone-else',
        roles,
        departmentId: OTHER_DEPARTMENT,
        managedDepartmentIds: [OTHER_DEPARTMENT],
      };
  }
}

function outcome(decision: Decision): Outcome {
  if (decision.allowed) return 'ok';
  return decision.hidden ? '404' : '403';
}

function parse(row: string): Outcome[] {
  return row.trim().split(/\s+/) as Outcome[];
}

type Row = Record<Confidentiality, string>;

// columns: view register log_contact assign handle decide give_legal_advice record_board_decision
//          mark_confidential lift_confidential transfer (as handle)
const NOT_INVOLVED: Row = {
  ordinary: 'ok  ok  ok  403    403    403    403   403   403  403  403',
  confidential: '404 ok  404 404    404    404    404   404   404  404  404',
};
const HANDLING: Row = {
  ordinary: 'ok  ok  ok  403    ok     403    403   403   ok   403  ok',
  confidential: 'ok  ok  ok  403    ok     403    403   403   ok   403  ok',
};
// MT and board oversee: they may mark and lift (policy 2.3, 3.1)
const OVERSEEING_HANDLER: Row = {
  ordinary: 'ok  ok  ok  403    ok     403    403   403   ok   ok  ok',
  confidential: 'ok  ok  ok  403    ok     403    403   403   ok   ok  ok',
};
const OVERSEEING: Row = {
  ordinary: 'ok  ok  ok  403    403    403    403   403   ok   ok  403',
  confidential: 'ok  ok  ok  403    403    403    403   403   ok   ok  403',
};

const PRIVACY_OFFICER: Row = {
  ordinary: 'ok  ok  ok  403    403    403    403   403   ok   403  403',
  confidential: NOT_INVOLVED.confidential,
};

/** Every role × relation × ordinary/confidential complaint → the outcome of each action in COLUMNS. */
const EXPECTED: Record<StaffRole, Record<Relation, Row>> = {
  employee: {
    handler: HANDLING,
    departmentManager: NOT_INVOLVED, // without the manager role, managing a department gives nothing
    responsibleManager: NOT_INVOLVED,
    unrelated: NOT_INVOLVED,
  },
  manager: {
    handler: HANDLING,
    departmentManager: {
      ordinary: 'ok  ok  ok  ok     ok     ok     403   403   ok   ok  ok',
      confidential: 'ok  ok  ok  ok     ok     ok     403   403   ok   ok  ok',
    },
    responsibleManager: {
      ordinary: 'ok  ok  ok  ok     ok     ok     403   403   ok   ok  ok',
      confidential: 'ok  ok  ok  ok     ok     ok     403   403   ok   ok  ok',
    },
    unrelated: NOT_INVOLVED, // a manager of another department
  },
  management_assistant: {
    handler: HANDLING,
    departmentManager: NOT_INVOLVED,
    responsibleManager: NOT_INVOLVED,
    unrelated: NOT_INVOLVED,
  },
  management_team: {
    handler: OVERSEEING_HANDLER,
    departmentManager: OVERSEEING,
    responsibleManager: OVERSEEING,
    unrelated: OVERSEEING,
  },
  board: {
    handler: {
      ordinary: 'ok  ok  ok  403    ok     403    403   ok    ok   ok  ok',
      confidential: 'ok  ok  ok  403    ok     403    403   ok    ok   ok  ok',
    },
    departmentManager: {
      ordinary: 'ok  ok  ok  403    403    403    403   ok    ok   ok  403',
      confidential: 'ok  ok  ok  403    403    403    403   ok    ok   ok  403',
    },
    responsibleManager: {
      ordinary: 'ok  ok  ok  403    403    403    403   ok    ok   ok  403',
      confidential: 'ok  ok  ok  403    403    403    403   ok    ok   ok  403',
    },
    unrelated: {
      ordinary: 'ok  ok  ok  403    403    403    403   ok    ok   ok  403',
      confidential: 'ok  ok  ok  403    403    403    403   ok    ok   ok  403',
    },
  },
  legal: {
    handler: {
      ordinary: 'ok  ok  ok  403    ok     403    ok    403   ok   403  ok',
      confidential: 'ok  ok  ok  403    ok     403    ok    403   ok   403  ok',
    },
    departmentManager: {
      ordinary: 'ok  ok  ok  403    403    403    ok    403   403  403  403',
      confidential: 'ok  ok  ok  403    403    403    ok    403   403  403  403',
    },
    responsibleManager: {
      ordinary: 'ok  ok  ok  403    403    403    ok    403   403  403  403',
      confidential: 'ok  ok  ok  403    403    403    ok    403   403  403  403',
    },
    unrelated: {
      ordinary: 'ok  ok  ok  403    403    403    ok    403   403  403  403',
      confidential: 'ok  ok  ok  403    403    403    ok    403   403  403  403',
    },
  },
  admin: {
    handler: HANDLING,
    departmentManager: NOT_INVOLVED,
    responsibleManager: NOT_INVOLVED,
    unrelated: NOT_INVOLVED,
  },
  // serves data subjects' rights through /api/privacy, not through case handling; may mark confidential (AVG)
  privacy_officer: {
    handler: HANDLING,
    departmentManager: PRIVACY_OFFICER,
    responsibleManager: PRIVACY_OFFICER,
    unrelated: PRIVACY_OFFICER,
  },
};

const RELATIONS: Relation[] = ['handler', 'departmentManager', 'responsibleManager', 'unrelated'];
const CONFIDENTIALITIES: Confidentiality[] = ['ordinary', 'confidential'];

function expected(role: StaffRole, relation: Relation, confidentiality: Confidentiality): Outcome[] {
  return parse(EXPECTED[role][relation][confidentiality]);
}

function actual(roles: StaffRole[], relation: Relation, confidentiality: Confidentiality): Outcome[] {
  const subject = complaint(confidentiality);
  return COLUMNS.map((permission) =>
    outcome(decideComplaintAction(actor(roles, relation), permission, subject)),
  );
}

describe('the expectation tables cover the whole matrix', () => {
  test('every complaint permission is a column, every role and relation a row with one outcome per column', () => {
    expect([...COLUMNS].sort()).toEqual([...COMPLAINT_PERMISSIONS].sort());
    expect(Object.keys(EXPECTED).sort()).toEqual([...STAFF_ROLES].sort());
    for (const role of STAFF_ROLES) {
      for (const relation of RELATIONS) {
        for (const confidentiality of CONFIDENTIALITIES) {
          expect(expected(role, relation, confidentiality)).toHaveLength(COLUMNS.length);
        }
      }
    }
  });
});

describe.each(STAFF_ROLES)('role %s on one complaint', (role) => {
  const cases = RELATIONS.flatMap((relation) =>
    CONFIDENTIALITIES.flatMap((confidentiality) =>
      COLUMNS.map((permission, index) => ({
        relation,
        confidentiality,
        permission,
        want: expected(role, relation, confidentiality)[index],
      })),
    ),
  );
  test.each(cases)('as $relation, $confidentiality complaint: $permission → $want', (c) => {
    const subject = complaint(c.confidentiality);
    expect(outcome(decideComplaintAction(actor([role], c.relation), c.permission, subject))).toBe(c.want);
  });
});

describe('policy statements, read straight off the matrix', () => {
  test.each(STAFF_ROLES)(
    'policy 1.4: any %s may register and log a contact on any ordinary complaint',
    (role) => {
      for (const relation of RELATIONS) {
        const a = actor([role], relation);
        expect(decideComplaintAction(a, 'complaint.register', null)).toEqual({ allowed: true });
        expect(decideComplaintAction(a, 'complaint.log_contact', complaint('ordinary'))).toEqual({
          allowed: true,
        });
      }
    },
  );

  test.each(STAFF_ROLES)(
    'policy 2.5: a confidential complaint is hidden (404) from a %s not involved, unless MT, board or legal',
    (role) => {
      const seesEverything = ['management_team', 'board', 'legal'].includes(role);
      expect(canSeeComplaint(actor([role], 'unrelated'), complaint('confidential'))).toBe(seesEverything);
      expect(
        outcome(
          decideComplaintAction(actor([role], 'unrelated'), 'complaint.view', complaint('confidential')),
        ),
      ).toBe(seesEverything ? 'ok' : '404');
    },
  );

  test('a complaint that does not exist is hidden (404) for every action except registering a new one', () => {
    for (const role of STAFF_ROLES) {
      const outcomes = COLUMNS.map((p) =>
        outcome(decideComplaintAction(actor([role], 'unrelated'), p, null)),
      );
      expect(outcomes).toEqual(parse('404 ok 404 404 404 404 404 404 404 404  404'));
    }
  });
});

describe('picking up an unassigned complaint (policy 2.3): anyone who can see it, reassignment stays with the manager', () => {
  // role → [departmentManager, responsibleManager, unrelated] outcome of complaint.assign on an unassigned complaint
  const UNASSIGNED: Record<StaffRole, Record<Confidentiality, string>> = {
    employee: { ordinary: 'ok ok ok', confidential: '404 404 404' },
    manager: { ordinary: 'ok ok ok', confidential: 'ok  ok  404' },
    management_assistant: { ordinary: 'ok ok ok', confidential: '404 404 404' },
    management_team: { ordinary: 'ok ok ok', confidential: 'ok  ok  ok' },
    board: { ordinary: 'ok ok ok', confidential: 'ok  ok  ok' },
    legal: { ordinary: 'ok ok ok', confidential: 'ok  ok  ok' },
    admin: { ordinary: 'ok ok ok', confidential: '404 404 404' },
    privacy_officer: { ordinary: 'ok ok ok', confidential: '404 404 404' },
  };
  const relations: Relation[] = ['departmentManager', 'responsibleManager', 'unrelated'];
  test.each(
    STAFF_ROLES.flatMap((role) => CONFIDENTIALITIES.map((confidentiality) => ({ role, confidentiality }))),
  )('$role, $confidentiality unassigned complaint', ({ role, confidentiality }) => {
    const unassigned = complaint(confidentiality, null);
    const outcomes = relations.map((relation) =>
      outcome(decideComplaintAction(actor([role], relation), 'complaint.assign', unassigned)),
    );
    expect(outcomes).toEqual(parse(UNASSIGNED[role][confidentiality]));
  });
});

describe('several roles: the rights add up', () => {
  const rank: Record<Outcome, number> = { '404': 0, '403': 1, ok: 2 };
  const mostGenerous = (a: Outcome, b: Outcome): Outcome => (rank[a] >= rank[b] ? a : b);
  const pairs = STAFF_ROLES.flatMap((first, i) =>
    STAFF_ROLES.slice(i + 1).map((second) => [first, second] as const),
  );

  test.each(pairs)('%s + %s gets the most generous outcome of either role', (first, second) => {
    for (const relation of RELATIONS) {
      for (const confidentiality of CONFIDENTIALITIES) {
        const want = expected(first, relation, confidentiality).map((o, i) =>
          mostGenerous(o, expected(second, relation, confidentiality)[i] as Outcome),
        );
        // The one pair where one role's sight enables the other's right: the legal adviser sees a confidential
        // complaint, the privacy officer may mark complaints confidential (it then answers 409, already so).
        const pair = [first, second].sort().join('+');
        if (pair === 'legal+privacy_officer' && confidentiality === 'confidential' && relation !== 'handler')
          want[COLUMNS.indexOf('complaint.mark_confidential')] = 'ok';
        expect(actual([first, second], relation, confidentiality)).toEqual(want);
      }
    }
  });

  test('an MT member who manages another department sees a confidential complaint but does not decide on it', () => {
    expect(actual(['employee', 'manager', 'management_team'], 'unrelated', 'confidential')).toEqual(
      parse('ok ok ok 403 403 403 403 403 ok ok  403'),
    );
  });

  test('a board member who is also the legal adviser records both advice and the board decision', () => {
    expect(actual(['employee', 'board', 'legal'], 'unrelated', 'confidential')).toEqual(
      parse('ok ok ok 403 403 403 ok ok ok ok  403'),
    );
  });

  test('an employee who also manages the department may handle and decide', () => {
    expect(actual(['employee', 'manager'], 'departmentManager', 'confidential')).toEqual(
      parse('ok ok ok ok ok ok 403 403 ok ok  ok'),
    );
  });
});

describe('organisation-wide actions', () => {
  /** What each role may do, written per role (the code keeps it per action). */
  const ALLOWED: Record<StaffRole, OrganizationPermission[]> = {
    employee: ['complaints.list_all'],
    manager: [
      'complaints.list_all',
      'mt_review.propose',
      'reports.view_department',
      'employee_repeat_events.view',
    ],
    management_assistant: ['complaints.list_all', 'reports.view_all', 'reports.view_department'],
    management_team: [
      'complaints.list_all',
      'mt_review.manage',
      'mt_review.propose',
      'reports.view_all',
      'reports.view_department',
    ],
    board: [
      'complaints.list_all',
      'mt_review.manage',
      'mt_review.propose',
      'reports.view_all',
      'reports.view_department',
    ],
    legal: ['complaints.list_all'],
    admin: [
      'complaints.list_all',
      'mt_review.manage',
      'mt_review.propose',
      'admin.manage_users',
      'admin.manage_reference_data',
      'admin.manage_api_tokens',
      'admin.view_audit_log',
      'privacy.manage',
      'privacy.view_access_log',
    ],
    privacy_officer: ['complaints.list_all', 'privacy.manage', 'privacy.view_access_log'],
  };

  test.each(
    STAFF_ROLES.flatMap((role) =>
      ORGANIZATION_PERMISSIONS.map((permission) => ({
        role,
        permission,
        want: ALLOWED[role].includes(permission),
      })),
    ),
  )('$role: $permission → $want', ({ role, permission, want }) => {
    expect(canDoOrganizationAction(actor([role], 'unrelated'), permission)).toBe(want);
  });

  test('several roles: the union of their actions', () => {
    const staff = actor(['employee', 'manager', 'admin'], 'unrelated');
    const allowed = ORGANIZATION_PERMISSIONS.filter((permission) =>
      canDoOrganizationAction(staff, permission),
    );
    expect(allowed.sort()).toEqual([...new Set([...ALLOWED.manager, ...ALLOWED.admin])].sort());
  });

  test('no roles at all: nothing', () => {
    const nobody = actor([], 'unrelated');
    expect(ORGANIZATION_PERMISSIONS.filter((p) => canDoOrganizationAction(nobody, p))).toEqual([]);
  });
});

describe('API token scopes: never confidential complaints, never manager, legal or board actions', () => {
  type Subject = 'ordinary' | 'confidential' | 'missing';
  // columns: view register log_contact assign handle decide give_legal_advice record_board_decision
  //          mark_confidential lift_confidential transfer
  const TOKEN_EXPECTED: Record<TokenScope, Record<Subject, string>> = {
    read: {
      ordinary: 'ok  403 403 403    403    403    403   403   403  403  403',
      confidential: '404 403 404 404    404    404    404   404   404  404  404',
      missing: '404 403 404 404    404    404    404   404   404  404  404',
    },
    register: {
      ordinary: 'ok  ok  403 403    403    403    403   403   403  403  403',
      confidential: '404 ok  404 404    404    404    404   404   404  404  404',
      missing: '404 ok  404 404    404    404    404   404   404  404  404',
    },
    full: {
      ordinary: 'ok  ok  ok  403    ok     403    403   403   403  403  403',
      confidential: '404 ok  404 404    404    404    404   404   404  404  404',
      missing: '404 ok  404 404    404    404    404   404   404  404  404',
    },
  };
  const subjects: Record<Subject, ComplaintAccess | null> = {
    ordinary: complaint('ordinary'),
    confidential: complaint('confidential'),
    missing: null,
  };

  test('every scope is in the table', () => {
    expect(Object.keys(TOKEN_EXPECTED).sort()).toEqual([...TOKEN_SCOPES].sort());
  });

  test.each(
    TOKEN_SCOPES.flatMap((scope) =>
      (['ordinary', 'confidential', 'missing'] as const).flatMap((subject) =>
        COLUMNS.map((permission, index) => ({
          scope,
          subject,
          permission,
          want: parse(TOKEN_EXPECTED[scope][subject])[index],
        })),
      ),
    ),
  )('$scope token, $subject complaint: $permission → $want', ({ scope, subject, permission, want }) => {
    expect(outcome(decideTokenAction(scope, permission, subjects[subject]))).toBe(want);
  });
});
