// The public face of the privacy module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { CASE_TEXT_IN_GEHOORD, mailIncludesCaseText } from './minimisation/mail-minimisation.ts';
export { createPrivacyEventBus, type PrivacyEventBus, privacyEvents } from './privacy-events.ts';
