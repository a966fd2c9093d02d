import type { SelfAssessmentMessages } from './self-assessment.nl.ts';

/** Issue 26: English copy of the self-assessment screen; same shape as the Dutch one. */
export const selfAssessmentEn: SelfAssessmentMessages = {
  link: 'Complaint-handling self-assessment',
  title: 'Complaint-handling self-assessment',
  intro:
    'One click assesses the year against the Dutch Housing Act (art. 55b), the model complaints committee regulation and the UK Housing Ombudsman’s Complaint Handling Code 2024, with the evidence from Gehoord and what is missing.',
  year: 'Year',
  make: (year: number) => `Make the ${year} self-assessment`,
  remake: (year: number) => `Make the ${year} self-assessment again`,
  notMade: 'No self-assessment has been made for this year yet.',
  noAccess: 'Only the MT, the board and administrators make and publish the self-assessment.',
  summary: (met: number, partly: number, notMet: number, notMeasurable: number) =>
    `Met: ${met} · Partly met: ${partly} · Not met: ${notMet} · Not measurable: ${notMeasurable}`,
  requirement: 'Requirement',
  status: 'Assessment',
  evidence: 'Evidence from Gehoord',
  missing: 'What is missing',
  noEvidence: 'Gehoord holds no data on this.',
  source: 'Source',
  sectionNote: 'Note',
  publish: 'Publish on the complaints portal (for tenants)',
  publishedAt: (when: string) => `Published on ${when}.`,
  notPublished: 'Not published. Making it again withdraws a publication.',
  publicLink: 'View the public page',
  pdf: 'Download PDF',
  made: (when: string, version: string) => `Made on ${when} with requirements list ${version}.`,
  statuses: { met: 'Met', partly: 'Partly met', not_met: 'Not met', not_measurable: 'Not measurable' },
};
