import { startTestClock } from './clock.ts';

// Setup file of the integration and reliability projects: the in-process server (createTestApp, services
// called directly) and the test's expectations read the same clock, started from GEHOORD_CLOCK.
startTestClock();
