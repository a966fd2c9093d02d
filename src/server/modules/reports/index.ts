// The public face of the reports module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.

export { groupLabel } from './document/report-labels.ts';
export { loadReportPdfmake, REPORT_FONT } from './exports/pdf-fonts.ts';
// The report measures the MT's quarterly review shows (docs/measures.md): defined once, here.
export {
  answeredComplaints,
  type Breakdown,
  compensationPaid,
  countBy,
  countSets,
  satisfactionScores,
} from './measures/measures.repository.ts';
export type { ComplaintSet, Dimension, ReportScope } from './measures/report-sets.ts';
// Issue 26: the satisfaction figures (decision 050), also the self-assessment's evidence
export { satisfactionOverall } from './measures/satisfaction-figures-measure.ts';
