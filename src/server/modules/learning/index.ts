// The public face of the learning module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { subscribeLearningToPrivacyEvents } from './privacy-events.subscriber.ts';
