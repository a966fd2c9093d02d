import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH } from '../playwright.config.ts';
import { findFreePort, spawnServer, waitForOutput } from '../test/support/server-process.ts';

/**
 * Starts the real server on a free port with its own embedded database (a fresh data folder), and
 * hands its address to the tests through GEHOORD_E2E_BASE_URL.
 */
export default async function globalSetup() {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.GEHOORD_SKIP_BROWSER_TESTS === '1') {
      console.warn('Browser tests skipped: GEHOORD_SKIP_BROWSER_TESTS=1 and no Chromium found.');
      process.env.GEHOORD_E2E_SKIP = '1';
      return async () => {};
    }
    throw new Error(
      `Browser tests need Debian's Chromium at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium ` +
        '(or set CHROMIUM_PATH; to skip browser tests deliberately, set GEHOORD_SKIP_BROWSER_TESTS=1).',
    );
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-e2e-'));
  const port = await findFreePort();
  const server = spawnServer({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
  await waitForOutput(server, /Gehoord is ready at/, 60_000).catch(async (error) => {
    server.child.kill('SIGKILL');
    throw error;
  });
  process.env.GEHOORD_E2E_BASE_URL = `http://127.0.0.1:${port}`;

  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
  };
}
