// Issue 22: every code the web shows — timeline and audit events, statuses, channels, kinds, roles — has a
// label in Dutch and English. This is the one list of those catalogues, each tied to the code list in
// `src/domain` or `src/contract` it labels; `test/contract/code-labels.test.ts` fails when a code lacks a label in
// either language, so a new event type cannot reach the screen as `raw_snake_case`.
import { AUTH_EVENT_TYPES } from '../../contract/audit.ts';
import { IMPORT_KINDS } from '../../contract/imports.ts';
import { APPROVAL_SUBJECTS } from '../../contract/manager.ts';
import { PERSON_RELATIONS, REFERENCE_VALUE_KINDS } from '../../contract/reference-data.ts';
import {
  BOARD_TRACK_DECISION_KINDS,
  COMMITTEE_VERDICTS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  CONTACT_KINDS,
  INTAKE_CHANNELS,
  LIBERATION_DAY_MODES,
  NOT_A_COMPLAINT_KINDS,
  OUTSIDE_PROCEDURE_GROUNDS,
  POLICY_FINDINGS,
  TENANT_LOCALES,
  TIMELINE_EVENT_TYPES,
  VERDICTS,
} from '../../domain/index.ts';
import { STAFF_ROLES, TOKEN_SCOPES } from '../../domain/permissions.ts';
import type { Messages } from './messages.nl.ts';

type Labels = Readonly<Record<string, string>>;
export type CodeCatalogue = Readonly<{
  name: string;
  codes: readonly string[];
  labels: (m: Messages) => Labels;
}>;

export const CODE_CATALOGUES: readonly CodeCatalogue[] = [
  { name: 'timeline event', codes: TIMELINE_EVENT_TYPES, labels: (m) => m.complaint.event },
  { name: 'audit event', codes: AUTH_EVENT_TYPES, labels: (m) => m.admin.auditEvent },
  { name: 'complaint status', codes: Object.keys(COMPLAINT_STATUSES), labels: (m) => m.complaint.status },
  {
    name: 'complaint status (lists)',
    codes: Object.keys(COMPLAINT_STATUSES),
    labels: (m) => m.people.statuses,
  },
  { name: 'category', codes: Object.keys(COMPLAINT_CATEGORIES), labels: (m) => m.complaint.category },
  { name: 'category (lists)', codes: Object.keys(COMPLAINT_CATEGORIES), labels: (m) => m.people.categories },
  { name: 'intake channel', codes: Object.keys(INTAKE_CHANNELS), labels: (m) => m.complaint.channel },
  { name: 'contact kind', codes: Object.keys(CONTACT_KINDS), labels: (m) => m.complaint.contactKind },
  {
    name: 'not a complaint',
    codes: Object.keys(NOT_A_COMPLAINT_KINDS),
    labels: (m) => m.complaint.notAComplaint,
  },
  {
    name: 'outside procedure ground',
    codes: Object.keys(OUTSIDE_PROCEDURE_GROUNDS),
    labels: (m) => m.complaint.ground,
  },
  { name: 'verdict', codes: Object.keys(VERDICTS), labels: (m) => m.complaint.verdict },
  { name: 'policy finding', codes: Object.keys(POLICY_FINDINGS), labels: (m) => m.complaint.finding },
  {
    name: 'committee verdict',
    codes: Object.keys(COMMITTEE_VERDICTS),
    labels: (m) => m.complaint.committeeVerdict,
  },
  { name: 'staff role', codes: STAFF_ROLES, labels: (m) => m.roles },
  { name: 'token scope', codes: TOKEN_SCOPES, labels: (m) => m.admin.scopes },
  { name: 'reference value kind', codes: REFERENCE_VALUE_KINDS, labels: (m) => m.admin.valueKinds },
  { name: 'liberation day mode', codes: LIBERATION_DAY_MODES, labels: (m) => m.admin.liberationModes },
  { name: 'import kind', codes: IMPORT_KINDS, labels: (m) => m.admin.importKinds },
  { name: 'person relation', codes: PERSON_RELATIONS, labels: (m) => m.people.relations },
  { name: 'approval subject', codes: APPROVAL_SUBJECTS, labels: (m) => m.manager.subjects },
  {
    name: 'approval subject (case page)',
    codes: APPROVAL_SUBJECTS.filter((subject) => subject !== 'policy_finding'),
    labels: (m) => m.complaint.form.approvalSubjects,
  },
  { name: 'person relation (intake)', codes: PERSON_RELATIONS, labels: (m) => m.intake.relation },
  { name: 'tenant language', codes: TENANT_LOCALES, labels: (m) => m.intake.languages },
  {
    name: 'board track decision',
    codes: BOARD_TRACK_DECISION_KINDS,
    labels: (m) => m.complaint.boardTrack.decisions,
  },
];

/**
 * The label of a code from one of these catalogues. A code the catalogue does not know (data written by a newer
 * server) is shown as words rather than as a code, never as `raw_snake_case`.
 */
export function labelOf(labels: Labels, code: string): string {
  return Object.hasOwn(labels, code) ? (labels[code] as string) : code.replaceAll('_', ' ');
}
