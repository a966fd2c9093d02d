// The public face of the reference-data module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { getCalendarSettingsInForce, getCurrentCalendarSettings } from './calendar-settings.repository.ts';
