// The public face of the adjustments module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { complaintsToWatch, findAdjustments } from './adjustments.repository.ts';
export { readAdjustmentsWithin } from './adjustments.service.ts';
