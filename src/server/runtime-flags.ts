/**
 * V8 flags the server and worker run with (`npm start`, `npm run worker`, the test and benchmark harnesses).
 * On a machine with a lot of memory V8 lets the young generation grow to 128 MB and the old generation grow
 * by large steps before it collects: under load the process went from 180 MB to 350–840 MB resident,
 * mostly garbage it had room to keep. A young generation of 3 × 8 MB and old-generation steps of 10 % keep it
 * around 240 MB at the same throughput (docs/performance.md). Both are soft: unlike a heap limit they cannot
 * make a large report run out of memory. They must be given on the command line: at run time they do nothing.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=10'] as const;
