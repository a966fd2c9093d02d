import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH } from '../playwright.config.ts';
import { findFreePort, spawnServer, waitForOutput } from '../test/support/server-process.ts';
import { clockOffsetFromServerLog } from './clock.ts';

/**
 * Starts the real server on a free port with its own embedded database (a fresh data folder), and
 * hands the tests its address (GEHOORD_E2E_BASE_URL), the first-run setup token it printed
 * (GEHOORD_E2E_SETUP_TOKEN), a folder for what one journey leaves for the next (GEHOORD_E2E_STATE_DIR) and
 * the server's data folder (GEHOORD_E2E_DATA_DIR), whose mailbox holds the mail the outbox delivered.
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
  const stateDir = await mkdtemp(path.join(tmpdir(), 'gehoord-e2e-state-'));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawnServer({
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'info',
    // Every journey signs in from the same address; the per-address limit is not what these tests are about.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100',
  });
  // A fresh database has no staff, so the server prints the one-time setup link after it is ready.
  await waitForOutput(server, /\/inrichten#ghi_\S+\n/, 60_000).catch(async (error) => {
    server.child.kill('SIGKILL');
    throw error;
  });
  const setupToken = /\/inrichten#(ghi_\S+)/.exec(server.output())?.[1] ?? '';
  // With GEHOORD_CLOCK set (passed on by spawnServer) the browser and the expectations take the server's offset
  process.env.GEHOORD_E2E_CLOCK_OFFSET_MS = String(clockOffsetFromServerLog(server.output()));
  process.env.GEHOORD_E2E_BASE_URL = baseUrl;
  process.env.GEHOORD_E2E_SETUP_TOKEN = setupToken;
  process.env.GEHOORD_E2E_STATE_DIR = stateDir;
  // A journey that needs a state no screen can cause (a mail server refusing a message) sets it in the database
  // No SMTP is configured: the outbox delivers to .eml files in <data>/mailbox, which journeys may read
  process.env.GEHOORD_E2E_DATA_DIR = dataDir;

  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await rm(dataDir, { recursive: true, force: true });
    await rm(stateDir, { recursive: true, force: true });
  };
}
