import {
  type SelfAssessment,
  type SelfAssessmentDocument,
  selfAssessmentPublicPath,
} from '../../../contract/self-assessment.ts';
import {
  assessRequirements,
  countStatuses,
  messageRouteOf,
  PORTAL_ACCESSIBILITY_AUDIT,
  REPORT_TRIAGE_OUTCOMES,
  SELF_ASSESSMENT_REQUIREMENTS,
  summarizeAcknowledgements,
  summarizeAdjustments,
  summarizeBoardDecisions,
  yearPeriod,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { calendarSettingsFor } from '../reference-data/index.ts';
import { countBy, countSets, groupLabel, type ReportScope, satisfactionOverall } from '../reports/index.ts';
import * as repository from './self-assessment.repository.ts';

// The annual self-assessment (issue 26, decision 050): one click judges every requirement of the versioned
// requirements file against the year's evidence, stores the result, and lets the MT or an administrator publish
// it on the portal for tenants (opt-in) and print it as PDF.

/** The year's evidence and the judged requirements, from the report measures and the learning data. */
export async function buildSelfAssessment(
  trx: Scoped,
  year: number,
  now: Date,
): Promise<SelfAssessmentDocument> {
  const scope: ReportScope = { period: yearPeriod(year), departmentId: null };
  const [
    counts,
    rulings,
    satisfaction,
    learning,
    portal,
    name,
    remedies,
    extensions,
    acknowledgements,
    boardDecisions,
    adjustments,
    settings,
  ] = await Promise.all([
    countSets(trx, scope, [
      'answered',
      'answered_on_time_original',
      'answered_on_time_extended',
      'extended',
      'committee_referred',
      'committee_ruled',
      'received',
      'taken_into_handling',
      'outside_procedure',
      'not_a_complaint',
      'board_track',
    ]),
    countBy(trx, scope, 'committee_ruled', 'verdict'),
    satisfactionOverall(trx, scope),
    repository.learningEvidence(trx, year),
    repository.portalEvidence(trx),
    repository.organizationName(trx),
    repository.remedyEvidence(trx, year),
    repository.extensionEvidence(trx, year),
    repository.acknowledgementFacts(trx, year, REPORT_TRIAGE_OUTCOMES.not_a_complaint),
    repository.boardDecisionFacts(trx, year),
    repository.adjustmentFacts(trx, year, REPORT_TRIAGE_OUTCOMES.not_a_complaint),
    calendarSettingsFor(trx),
  ]);
  const requirements = assessRequirements(SELF_ASSESSMENT_REQUIREMENTS.requirements, {
    terms: {
      answered: counts.answered,
      onTimeOriginal: counts.answered_on_time_original,
      onTimeExtended: counts.answered_on_time_extended,
      extended: counts.extended,
    },
    committee: {
      configured: portal.committeeOnPortal,
      referred: counts.committee_referred,
      ruled: counts.committee_ruled,
      rulings: rulings.map((r) => ({ label: groupLabel('verdict', r.key, r.label), count: r.n })),
    },
    publication: portal,
    learning,
    satisfaction,
    accessibility: PORTAL_ACCESSIBILITY_AUDIT,
    triage: {
      received: counts.received,
      takenIntoHandling: counts.taken_into_handling,
      outsideProcedure: counts.outside_procedure,
      notAComplaint: counts.not_a_complaint,
      boardTrack: counts.board_track,
    },
    remedies,
    extensions,
    // decision 054: working days by the domain calendar, "not yet acknowledged" against the server clock's now
    acknowledgement: summarizeAcknowledgements(acknowledgements, settings, now),
    boardDecisions: summarizeBoardDecisions(boardDecisions, settings),
    // decision 054: the complainants' adjustments judged by the term monitor's rule (decision 051)
    adjustments: summarizeAdjustments(
      adjustments.map(({ channel, ...facts }) => ({
        ...facts,
        route: messageRouteOf(channel === null ? [] : [{ kind: 'preferred_channel', value: channel }]),
      })),
    ),
  });
  return {
    year,
    organizationName: name,
    requirementsVersion: SELF_ASSESSMENT_REQUIREMENTS.version,
    requirementsDate: SELF_ASSESSMENT_REQUIREMENTS.date,
    generatedAt: now.toISOString(),
    counts: countStatuses(requirements),
    requirements: requirements.map((r) => ({ ...r, figures: [...r.figures] })),
  };
}

const toDto = (year: number, stored: repository.StoredSelfAssessment): SelfAssessment => ({
  document: stored.document,
  publishedAt: stored.publishedAt === null ? null : new Date(stored.publishedAt).toISOString(),
  publicPath: selfAssessmentPublicPath(year),
});

export function generateSelfAssessment(db: Database, staff: StaffPrincipal, year: number, now: Date) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const document = await buildSelfAssessment(trx, year, now);
    await repository.saveSelfAssessment(trx, { year, document, generatedBy: staff.userId, generatedAt: now });
    return toDto(year, { document, publishedAt: null });
  });
}

export function getSelfAssessment(db: Database, staff: StaffPrincipal, year: number) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const stored = await repository.findSelfAssessment(trx, year);
    if (stored === null) throw new AppError('not_found');
    return toDto(year, stored);
  });
}

/** The year's slot for the screen: the stored assessment, or null before it was made. */
export function getSelfAssessmentSlot(db: Database, staff: StaffPrincipal, year: number) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const stored = await repository.findSelfAssessment(trx, year);
    return { assessment: stored === null ? null : toDto(year, stored) };
  });
}

export function publishSelfAssessment(
  db: Database,
  staff: StaffPrincipal,
  year: number,
  published: boolean,
  now: Date,
) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    if (!(await repository.setPublished(trx, year, published ? now : null))) throw new AppError('not_found');
    const stored = await repository.findSelfAssessment(trx, year);
    if (stored === null) throw new AppError('not_found');
    return toDto(year, stored);
  });
}

/** The published assessment of a corporation and year, for the portal; null when not published. */
export function publishedSelfAssessment(
  db: Database,
  organizationId: string,
  year: number,
): Promise<SelfAssessmentDocument | null> {
  return inOrganization(db, organizationId, async (trx) => {
    const stored = await repository.findSelfAssessment(trx, year);
    return stored !== null && stored.publishedAt !== null ? stored.document : null;
  });
}
