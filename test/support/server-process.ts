import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { SERVER_NODE_FLAGS } from '../../src/server/runtime-flags.ts';
import { clockEnvironment } from './clock.ts';

const root = path.resolve(import.meta.dirname, '../..');

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export type ServerProcess = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

/**
 * Starts `src/server/main.ts` as a real process, the way `npm start` does (minus the web build);
 * `entry` 'src/server/worker.ts' starts the job worker the way `npm run worker` does.
 */
export function spawnServer(env: Record<string, string>, entry = 'src/server/main.ts'): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, entry)], {
    cwd: root,
    // The server stands on the tests' clock (GEHOORD_CLOCK, decision 042) unless the test gives its own
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      LOG_PRETTY: 'false',
      ...clockEnvironment(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForOutput(
  server: ServerProcess,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until a server that logged "ready" admits requests. A process just started on a busy machine has its
 * start-up work in the event-loop delay that load shedding samples (`MAX_EVENT_LOOP_DELAY_MS`, 1 s by default)
 * and answers 503 with Retry-After for up to a sample interval; a client, like nginx, tries again.
 */
export async function waitUntilAdmitting(base: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${base}/api/organization`);
    await response.arrayBuffer();
    if (response.status !== 503) return;
    if (Date.now() > deadline) throw new Error(`${base} still answers 503 after ${timeoutMs} ms`);
    const retryAfterSeconds = Number(response.headers.get('retry-after') ?? '1');
    await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfterSeconds, 1) * 1000));
  }
}
