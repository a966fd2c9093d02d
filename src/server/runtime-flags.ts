/**
 * V8 flags the server and worker run with (`npm start`, `npm run worker`, the test and benchmark harnesses).
 * On a machine with a lot of memory V8 lets the young generation grow to 128 MB, which under load took the
 * process from 180 to 350+ MB resident while a young generation of 3 × 8 MB kept it under 200 MB at the same
 * throughput (docs/performance.md). They must be given on the command line: set at run time they do nothing.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8'] as const;
