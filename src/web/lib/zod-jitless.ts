import { z } from 'zod';

// Zod 4 compiles a fast object parser with `new Function` and probes for that when an object schema is made.
// Our Content-Security-Policy has no 'unsafe-eval', so the probe logged a CSP error on every page (issue 22).
// Jitless skips both the probe and the compiled path. This module is the entry's first import, so it runs
// before any schema of the contract is built.
z.config({ jitless: true });
