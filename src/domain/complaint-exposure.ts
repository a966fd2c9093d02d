// What a reader may see of one complaint on every way data leaves Gehoord (issue 20): the detail, lists and
// search, report drill-downs, dossiers, the admin outbox and the cc of an answer mail all ask this one question.
import {
  type ComplaintAccess,
  canDoOrganizationAction,
  canSeeComplaint,
  decideTokenAction,
  type StaffActor,
  type TokenScope,
} from './permissions.ts';

/**
 * - `whole`: the complaint may be shown (rows, names, texts, files).
 * - `counted`: it may only be counted in a figure the reader is entitled to; no row, reference or name shows it.
 * - `none`: it does not exist for this reader.
 */
export type ComplaintExposure = 'whole' | 'counted' | 'none';

/** A signed-in staff member, or an integration by the scope of its API token. */
export type ComplaintReader =
  | (StaffActor & { kind?: 'staff' })
  | Readonly<{ kind: 'token'; scope: TokenScope }>;

/**
 * Built on the one visibility rule (`canSeeComplaint`, policy 1.3, 2.5) and the token rule (`decideTokenAction`):
 * what the reader may open is `whole`. A complaint hidden from a staff member who may read reports still counts in
 * the figures (policy 3.2: quarterly reports account for all complaints), so it is `counted`; for anyone else it is
 * `none`, as are complaints hidden from an integration (tokens read no reports).
 */
export function complaintExposure(reader: ComplaintReader, complaint: ComplaintAccess): ComplaintExposure {
  if (reader.kind === 'token') {
    return decideTokenAction(reader.scope, 'complaint.view', complaint).allowed ? 'whole' : 'none';
  }
  if (canSeeComplaint(reader, complaint)) return 'whole';
  // policy 2.2, 3.2: the figures of a report count every complaint, wherever it arose
  const readsReports =
    canDoOrganizationAction(reader, 'reports.view_all') ||
    canDoOrganizationAction(reader, 'reports.view_department');
  return readsReports ? 'counted' : 'none';
}

/** A row (reference, names, text, files) may show the complaint only when the reader may see it whole. */
export function mayShowComplaint(reader: ComplaintReader, complaint: ComplaintAccess): boolean {
  return complaintExposure(reader, complaint) === 'whole';
}

/**
 * How a complaint goes into a subject-access export (AVG art. 15) about its complainant. The person is entitled
 * to their own complaints, also those the exporter may not open, so a complaint is never left out; but
 * art. 15(4) protects others, and the exporter may not read what the complaint's confidentiality keeps from
 * them (policy 1.3, 2.5). So a complaint the exporter may not see whole goes in `minimised`: what the person
 * wrote, sent and received (text, desired outcome, answer, their messages and files, dates and status), not
 * the organisation's handling (staff summaries, notes, departments, names of employees, internal mails).
 */
export type SubjectAccessForm = 'whole' | 'minimised';

export function subjectAccessForm(exporter: ComplaintReader, complaint: ComplaintAccess): SubjectAccessForm {
  return mayShowComplaint(exporter, complaint) ? 'whole' : 'minimised';
}

/** Files a complainant sends (photos, letters, e-mails); other files of a minimised complaint are the organisation's. */
export const SUBJECT_SUPPLIED_ATTACHMENT_KINDS: readonly string[] = ['photo', 'letter', 'email'];
