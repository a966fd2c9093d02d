// Renders the permission tables of docs/permissions.md from src/domain/permissions.ts, and the table of data
// exits in docs/permissions.md and docs/privacy.md from src/domain/data-exits.ts, so the documents cannot drift
// from the code. `npm run docs:permissions` rewrites them; `-- --check` only verifies.
// Every cell is the answer of the real decision functions for a typical person, not a copy of the matrix.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfidentialityReason } from '../src/domain/confidentiality.ts';
import { DATA_EXITS } from '../src/domain/data-exits.ts';
import {
  COMPLAINT_PERMISSIONS,
  type ComplaintAccess,
  type ComplaintPermission,
  canDoOrganizationAction,
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
} from '../src/domain/permissions.ts';
import { ROLE_NAMES } from '../src/domain/roles.ts';

export const PERMISSIONS_DOC_PATH = path.resolve(import.meta.dirname, '../docs/permissions.md');
export const PRIVACY_DOC_PATH = path.resolve(import.meta.dirname, '../docs/privacy.md');

const ROLE_LABELS: Record<StaffRole, string> = {
  employee: `${ROLE_NAMES.employee} (employee)`,
  manager: `${ROLE_NAMES.manager} (manager)`,
  management_assistant: `${ROLE_NAMES.management_assistant} (management assistant)`,
  management_team: `${ROLE_NAMES.management_team} (management team)`,
  board: `${ROLE_NAMES.board} (board)`,
  legal: `${ROLE_NAMES.legal} (legal adviser)`,
  admin: `${ROLE_NAMES.admin} (administrator)`,
  privacy_officer: `${ROLE_NAMES.privacy_officer} (privacy officer)`,
};

const COMPLAINT_ACTION_LABELS: Record<ComplaintPermission, string> = {
  'complaint.view': 'Klacht inzien / view the complaint',
  'complaint.register': 'Klacht registreren / register a complaint',
  'complaint.log_contact': 'Contact vastleggen / log a contact',
  'complaint.assign': 'Behandelaar wijzigen / reassign the handler',
  'complaint.transfer':
    'Doorzetten naar een andere afdeling / transfer to another department (handler, manager and cc move along)',
  'complaint.handle': 'Klacht behandelen: gesprek, beoordeling, antwoord / handle: call, assessment, answer',
  'complaint.decide':
    'Beslissen: uitzondering, goedkeuring, termijnverlenging / decide: exception, approval, extension',
  'complaint.give_legal_advice': 'Juridisch advies geven / give legal advice',
  'complaint.record_board_decision': 'Besluit van de directie vastleggen / record the board decision',
  'complaint.mark_confidential': 'Vertrouwelijk maken, met reden / mark confidential, with a reason',
  'complaint.lift_confidential':
    'Vertrouwelijkheid opheffen, met reden / lift confidentiality, with a reason',
};

const ORGANIZATION_ACTION_LABELS: Record<OrganizationPermission, string> = {
  'complaints.list_all': 'Klachtenlijst van de hele organisatie / list all complaints',
  'mt_review.manage':
    'Kwartaalbespreking MT vastleggen en besluiten / record the quarterly MT review and its decisions',
  'mt_review.propose':
    'Punten voor het MT voorstellen, eigen verbeteracties bijwerken / propose MT items, update own improvement actions',
  'reports.view_all': 'Rapportages van de hele organisatie / reports for the whole organisation',
  'reports.view_department': 'Rapportages per afdeling / department reports',
  'employee_repeat_events.view':
    'Herhaalklachten door een medewerker inzien / repeat complaints caused by an employee',
  'admin.manage_users': 'Gebruikers en afdelingen beheren / manage users and departments',
  'admin.manage_reference_data': 'Referentiegegevens beheren / manage reference data',
  'admin.manage_api_tokens': 'API-sleutels beheren / manage API tokens',
  'admin.view_audit_log': 'Auditlog inzien / view the audit log',
  'privacy.manage':
    'Bewaartermijnen, bewaarplichten, inzage- en verwijderverzoeken / retention, legal holds, subject access and erasure',
  'privacy.view_access_log': 'Inzagelog bekijken en exporteren / view and export the access log',
};

const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  read: 'alleen lezen (`read`)',
  register: 'registreren (`register`)',
  full: 'volledig (`full`)',
};

const HANDLER_ID = 'handler';
const RESPONSIBLE_MANAGER_ID = 'responsible-manager';
const COMPLAINT_DEPARTMENT = 'complaint-department';
const OTHER_DEPARTMENT = 'other-department';
const CONCERNED_EMPLOYEE_ID = 'concerned-employee';
const CONCERNED_DEPARTMENT = 'concerned-department';

type Persona = { label: string; actor: StaffActor; isHandler?: boolean };

function actor(userId: string, role: StaffRole, managedDepartmentIds: string[] = []): StaffActor {
  const departmentId = managedDepartmentIds[0] ?? OTHER_DEPARTMENT;
  return { userId, roles: [role], departmentId, managedDepartmentIds };
}

// One column per kind of person; "not involved" means: not the handler, not this complaint's manager, not the
// employee it is about and not their manager.
const PERSONAS: Persona[] = [
  { label: 'Medewerker, niet betrokken (employee, not involved)', actor: actor('employee', 'employee') },
  {
    label: 'Medewerker over wie de klacht gaat (employee the complaint is about)',
    actor: { ...actor(CONCERNED_EMPLOYEE_ID, 'employee'), departmentId: CONCERNED_DEPARTMENT },
  },
  {
    label: 'Leidinggevende van die medewerker (that employee’s manager)',
    actor: actor('concerned-manager', 'manager', [CONCERNED_DEPARTMENT]),
  },
  { label: 'Behandelaar (handler)', actor: actor(HANDLER_ID, 'employee'), isHandler: true },
  {
    label: 'Leidinggevende van de afdeling (manager of the department)',
    actor: actor('department-manager', 'manager', [COMPLAINT_DEPARTMENT]),
  },
  {
    label: 'Verantwoordelijk leidinggevende (responsible manager)',
    actor: actor(RESPONSIBLE_MANAGER_ID, 'manager', [OTHER_DEPARTMENT]),
  },
  {
    label: 'Andere leidinggevende (other manager)',
    actor: actor('other-manager', 'manager', [OTHER_DEPARTMENT]),
  },
  ...(['management_assistant', 'management_team', 'board', 'legal', 'admin', 'privacy_officer'] as const).map(
    (role) => ({
      label: ROLE_LABELS[role],
      actor: actor(role, role),
    }),
  ),
];

/** A complaint about an employee (policy 1.3), ordinary or confidential for the given reason. */
function complaintAccess(
  reason: ConfidentialityReason | null,
  handlerId: string | null = HANDLER_ID,
): ComplaintAccess {
  return {
    handlerId,
    responsibleManagerId: RESPONSIBLE_MANAGER_ID,
    departmentId: COMPLAINT_DEPARTMENT,
    confidential: reason !== null,
    confidentialReason: reason,
    subjectEmployeeId: CONCERNED_EMPLOYEE_ID,
    subjectEmployeeDepartmentId: CONCERNED_DEPARTMENT,
  };
}

function cell(decision: Decision): string {
  if (decision.allowed) return 'ja';
  return decision.hidden ? 'verborgen' : 'nee';
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function renderComplaintTable(confidential: ConfidentialityReason | null): string {
  const assigned = complaintAccess(confidential);
  const rows = COMPLAINT_PERMISSIONS.map((permission) => [
    COMPLAINT_ACTION_LABELS[permission],
    ...PERSONAS.map((p) => cell(decideComplaintAction(p.actor, permission, assigned))),
  ]);
  // Picking up a complaint nobody handles yet is a different question from reassigning one (policy 2.3).
  const unassigned = complaintAccess(confidential, null);
  rows.splice(COMPLAINT_PERMISSIONS.indexOf('complaint.assign') + 1, 0, [
    'Klacht zonder behandelaar oppakken of toewijzen / pick up or assign an unassigned complaint',
    ...PERSONAS.map((p) =>
      p.isHandler ? 'n.v.t.' : cell(decideComplaintAction(p.actor, 'complaint.assign', unassigned)),
    ),
  ]);
  return table(['Handeling / action', ...PERSONAS.map((p) => p.label)], rows);
}

function renderOrganizationTable(): string {
  const rows = ORGANIZATION_PERMISSIONS.map((permission) => [
    ORGANIZATION_ACTION_LABELS[permission],
    ...STAFF_ROLES.map((role) => (canDoOrganizationAction(actor(role, role), permission) ? 'ja' : 'nee')),
  ]);
  return table(['Handeling / action', ...STAFF_ROLES.map((role) => ROLE_LABELS[role])], rows);
}

function renderTokenTable(): string {
  const ordinary = complaintAccess(null);
  const rows = COMPLAINT_PERMISSIONS.map((permission) => [
    COMPLAINT_ACTION_LABELS[permission],
    ...TOKEN_SCOPES.map((scope) =>
      cell(decideTokenAction(scope, permission, permission === 'complaint.register' ? null : ordinary)),
    ),
  ]);
  const confidential = complaintAccess('sensitive_personal_matter');
  rows.push([
    'Vertrouwelijke klacht, elke handeling / confidential complaint, any action',
    ...TOKEN_SCOPES.map((scope) => {
      const cells = COMPLAINT_PERMISSIONS.filter((p) => p !== 'complaint.register').map((permission) =>
        cell(decideTokenAction(scope, permission, confidential)),
      );
      return [...new Set(cells)].join(', ');
    }),
  ]);
  return table(['Handeling / action', ...TOKEN_SCOPES.map((scope) => TOKEN_SCOPE_LABELS[scope])], rows);
}

/** Every way complaint data leaves Gehoord, the rule that decides and the access log (issue 20). */
export function renderDataExitTable(): string {
  const cell = (text: string) => text.replaceAll('|', '\\|');
  return table(
    [
      'Uitgang / exit',
      'Routes',
      'Regel / rule',
      'Wat wie de klacht niet mag zien krijgt / what a reader who may not see the complaint gets',
      'Inzagelog / access log',
    ],
    DATA_EXITS.map((exit) => [
      `${exit.name.nl} / ${exit.name.en}`,
      exit.routes.map((route) => `\`${route}\``).join('<br>'),
      cell(exit.rule),
      `${cell(exit.hidden.nl)} / ${cell(exit.hidden.en)}`,
      exit.accessLog === null ? 'nee / no' : cell(exit.accessLog),
    ]),
  );
}

/** The generated blocks of the document, by marker name. */
export function renderPermissionTables(): Record<string, string> {
  return {
    'data-exits': renderDataExitTable(),
    'complaint-actions': renderComplaintTable(null),
    'confidential-complaint-actions': renderComplaintTable('sensitive_personal_matter'),
    'criminal-suspicion-complaint-actions': renderComplaintTable('criminal_suspicion'),
    'organization-actions': renderOrganizationTable(),
    'token-scopes': renderTokenTable(),
  };
}

/** The generated blocks of docs/privacy.md. */
export function renderPrivacyTables(): Record<string, string> {
  return { 'data-exits': renderDataExitTable() };
}

function renderBlocks(document: string, blocks: Record<string, string>, name: string): string {
  let result = document;
  for (const [block, content] of Object.entries(blocks)) {
    const start = `<!-- generated:${block}:start -->`;
    const end = `<!-- generated:${block}:end -->`;
    const from = result.indexOf(start);
    const to = result.indexOf(end);
    if (from === -1 || to < from || result.indexOf(start, from + 1) !== -1) {
      throw new Error(`${name} needs exactly one pair of markers ${start} … ${end}`);
    }
    result = `${result.slice(0, from + start.length)}\n${content}\n${result.slice(to)}`;
  }
  return result;
}

/** The document with every generated block replaced; the hand-written text around the markers is kept. */
export function renderPermissionsDocument(document: string): string {
  return renderBlocks(document, renderPermissionTables(), 'docs/permissions.md');
}

export function renderPrivacyDocument(document: string): string {
  return renderBlocks(document, renderPrivacyTables(), 'docs/privacy.md');
}

if (import.meta.main) {
  const documents = [
    { file: PERMISSIONS_DOC_PATH, name: 'docs/permissions.md', render: renderPermissionsDocument },
    { file: PRIVACY_DOC_PATH, name: 'docs/privacy.md', render: renderPrivacyDocument },
  ];
  let stale = false;
  for (const { file, name, render } of documents) {
    const current = readFileSync(file, 'utf8');
    const rendered = render(current);
    if (process.argv.includes('--check')) {
      if (rendered !== current) {
        console.error(`${name} is out of date: run \`npm run docs:permissions\`.`);
        stale = true;
      }
    } else if (rendered !== current) {
      writeFileSync(file, rendered);
      console.log(`${name} updated.`);
    } else {
      console.log(`${name} is up to date.`);
    }
  }
  if (stale) process.exit(1);
}
