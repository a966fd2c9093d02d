import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-25-001-foundation.ts';
import * as staffIdentity from './2026-11-25-002-staff-identity.ts';
import * as referenceData from './2026-11-25-010-reference-data.ts';
import * as complaints from './2026-11-25-011-complaints.ts';
import * as singleSignOn from './2026-11-26-012-single-sign-on.ts';
import * as referenceDataSeeds from './2026-11-26-013-reference-data-seeds.ts';
import * as outbox from './2026-11-26-014-outbox.ts';
import * as attachments from './2026-11-26-015-attachments.ts';
import * as portal from './2026-11-26-016-portal.ts';
import * as communications from './2026-11-26-017-communications.ts';
import * as notifications from './2026-11-26-018-notifications.ts';
import * as learning from './2026-11-26-019-learning.ts';
import * as appendOnly from './2026-11-26-020-append-only.ts';
import * as integrations from './2026-11-26-021-integrations.ts';
import * as privacy from './2026-11-26-030-privacy.ts';
import * as reportJobs from './2026-11-26-040-report-jobs.ts';
import * as jobRuns from './2026-11-26-041-job-runs.ts';
import * as credentialPrincipals from './2026-11-26-050-credential-principals.ts';
import * as searchIndexesPerOrganization from './2026-11-26-051-search-indexes-per-organization.ts';
import * as complaintNumberSequences from './2026-11-26-052-complaint-number-sequences.ts';
import * as searchFunction from './2026-11-26-053-search-function.ts';
import * as reportIndexes from './2026-11-26-054-report-indexes.ts';
import * as routingAndResponsibility from './2026-12-06-055-routing-and-responsibility.ts';
import * as confidentialityReason from './2026-12-06-057-confidentiality-reason.ts';
import * as boardTrack from './2026-12-06-058-board-track.ts';
import * as postedLettersAndAnswerTerms from './2026-12-06-059-posted-letters-and-answer-terms.ts';
import * as routingSettings from './2026-12-06-061-routing-settings.ts';
import * as secretsOutOfPayloads from './2026-12-06-063-secrets-out-of-payloads.ts';
import * as instancesAndSecondFactorThrottle from './2026-12-06-064-instances-and-second-factor-throttle.ts';
import * as complainantStepMessages from './2026-12-06-067-complainant-step-messages.ts';
import * as portalAttachments from './2026-12-06-068-portal-attachments.ts';
import * as complainantLocale from './2026-12-06-069-complainant-locale.ts';
import * as complaintDraft from './2026-12-07-070-complaint-draft.ts';
import * as notificationPreferences from './2026-12-07-072-notification-preferences.ts';
import * as savedViews from './2026-12-07-073-saved-views.ts';
import * as mergedComplaints from './2026-12-07-074-merged-complaints.ts';
import * as organizationPostalAddress from './2026-12-07-075-organization-postal-address.ts';
import * as searchPageInTheDatabase from './2026-12-07-076-search-page-in-the-database.ts';
import * as readPathFunctions from './2026-12-07-078-read-path-functions.ts';
import * as sectorBenchmark from './2026-12-07-080-sector-benchmark.ts';
import * as outboxClaimOrder from './2026-12-07-081-outbox-claim-order.ts';
import * as searchPerKind from './2026-12-07-083-search-per-kind.ts';
import * as registrationKeptPlans from './2026-12-07-084-registration-kept-plans.ts';
import * as metricsIndexes from './2026-12-07-085-metrics-indexes.ts';
import * as platformAdministration from './2026-12-07-086-platform-administration.ts';
import * as healthOfJobsAndOutbox from './2026-12-07-087-health-of-jobs-and-outbox.ts';
import * as complaintThemes from './2026-12-07-088-complaint-themes.ts';
import * as selfAssessment from './2026-12-07-089-self-assessment.ts';
import * as complainantAdjustments from './2026-12-07-091-complainant-adjustments.ts';
import * as platformExport from './2026-12-07-093-platform-export.ts';
import * as adjustmentsRecordedVia from './2026-12-07-094-adjustments-recorded-via.ts';
import * as complaintSearchNames from './2026-12-07-098-complaint-search-names.ts';
import * as satisfactionRequestedIndex from './2026-12-07-099-satisfaction-requested-index.ts';

/**
 * Every migration, in order. A static list (not a folder scan) so that Vitest, Node's type
 * stripping and a bundled build all see the same set. Append; never edit a released migration.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-25-001-foundation': foundation,
  '2026-11-25-002-staff-identity': staffIdentity,
  '2026-11-25-010-reference-data': referenceData,
  '2026-11-25-011-complaints': complaints,
  '2026-11-26-012-single-sign-on': singleSignOn,
  '2026-11-26-013-reference-data-seeds': referenceDataSeeds,
  '2026-11-26-014-outbox': outbox,
  '2026-11-26-015-attachments': attachments,
  '2026-11-26-016-portal': portal,
  '2026-11-26-017-communications': communications,
  '2026-11-26-018-notifications': notifications,
  '2026-11-26-019-learning': learning,
  '2026-11-26-020-append-only': appendOnly,
  '2026-11-26-021-integrations': integrations,
  '2026-11-26-030-privacy': privacy,
  '2026-11-26-040-report-jobs': reportJobs,
  '2026-11-26-041-job-runs': jobRuns,
  '2026-11-26-050-credential-principals': credentialPrincipals,
  '2026-11-26-051-search-indexes-per-organization': searchIndexesPerOrganization,
  '2026-11-26-052-complaint-number-sequences': complaintNumberSequences,
  '2026-11-26-053-search-function': searchFunction,
  '2026-11-26-054-report-indexes': reportIndexes,
  '2026-12-06-055-routing-and-responsibility': routingAndResponsibility,
  '2026-12-06-057-confidentiality-reason': confidentialityReason,
  '2026-12-06-058-board-track': boardTrack,
  '2026-12-06-059-posted-letters-and-answer-terms': postedLettersAndAnswerTerms,
  '2026-12-06-061-routing-settings': routingSettings,
  '2026-12-06-063-secrets-out-of-payloads': secretsOutOfPayloads,
  '2026-12-06-064-instances-and-second-factor-throttle': instancesAndSecondFactorThrottle,
  '2026-12-06-067-complainant-step-messages': complainantStepMessages,
  '2026-12-06-068-portal-attachments': portalAttachments,
  '2026-12-06-069-complainant-locale': complainantLocale,
  '2026-12-07-070-complaint-draft': complaintDraft,
  '2026-12-07-072-notification-preferences': notificationPreferences,
  '2026-12-07-073-saved-views': savedViews,
  '2026-12-07-074-merged-complaints': mergedComplaints,
  '2026-12-07-075-organization-postal-address': organizationPostalAddress,
  '2026-12-07-076-search-page-in-the-database': searchPageInTheDatabase,
  '2026-12-07-078-read-path-functions': readPathFunctions,
  '2026-12-07-080-sector-benchmark': sectorBenchmark,
  '2026-12-07-081-outbox-claim-order': outboxClaimOrder,
  '2026-12-07-083-search-per-kind': searchPerKind,
  '2026-12-07-084-registration-kept-plans': registrationKeptPlans,
  '2026-12-07-085-metrics-indexes': metricsIndexes,
  '2026-12-07-086-platform-administration': platformAdministration,
  '2026-12-07-087-health-of-jobs-and-outbox': healthOfJobsAndOutbox,
  '2026-12-07-088-complaint-themes': complaintThemes,
  '2026-12-07-089-self-assessment': selfAssessment,
  '2026-12-07-091-complainant-adjustments': complainantAdjustments,
  '2026-12-07-093-platform-export': platformExport,
  '2026-12-07-094-adjustments-recorded-via': adjustmentsRecordedVia,
  '2026-12-07-098-complaint-search-names': complaintSearchNames,
  '2026-12-07-099-satisfaction-requested-index': satisfactionRequestedIndex,
};
