import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../src/server/runtime-flags.ts';

describe('the V8 flags of the server processes', () => {
  test('npm start and npm run worker pass the same flags the harnesses and the benchmark use', async () => {
    const manifest = JSON.parse(
      await readFile(path.resolve(import.meta.dirname, '../../package.json'), 'utf8'),
    );
    for (const script of ['start', 'worker']) {
      for (const flag of SERVER_NODE_FLAGS) expect(manifest.scripts[script]).toContain(` ${flag} `);
    }
  });
});
