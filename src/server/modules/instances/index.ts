// The public face of the instances module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { STALE_AFTER_MS } from './registry/instance-registry.ts';
