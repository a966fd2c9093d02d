// The public face of the self-assessment module: what other modules may import (docs/ARCHITECTURE.md).
// The portal shows a published self-assessment to tenants (issue 26, decision 050).

export { publishedSelfAssessment } from './self-assessment.service.ts';
