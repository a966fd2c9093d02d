import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findFreePort, spawnServer, waitForOutput } from '../support/server-process.ts';

// Issue 25: `npm run org` works while the server runs, on the running server's embedded PostgreSQL.

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-org-cli-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function runOrg(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'src/server/org-cli.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** An HTTP request with a chosen Host header (fetch does not allow one). */
function call(port: number, host: string, method: string, url: string, body?: unknown) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        port,
        host: '127.0.0.1',
        method,
        path: url,
        headers: {
          host: `${host}:${port}`,
          origin: `http://${host}:${port}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('npm run org beside a running server', () => {
  test('creates, lists and suspends a corporation the running server serves at once', async () => {
    const port = await findFreePort();
    const env = {
      DATA_DIR: dataDir,
      PUBLIC_URL: `http://localhost:${port}`,
      PLATFORM_HOST: 'platform.localhost',
    };
    const server = spawnServer({ ...env, PORT: String(port), PLATFORM_ADMIN_EMAIL: 'ops@platform.test' });
    try {
      await waitForOutput(server, /Gehoord is ready at/, 120_000);
      await waitForOutput(server, /platform\.localhost:\d+\/platform\/wachtwoord#ghp_/, 10_000);

      const created = await runOrg(
        [
          'create',
          '--slug',
          'cli-wonen',
          '--name',
          'CLI Wonen',
          '--host',
          'klachten.cli.test',
          '--locale',
          'nl',
        ],
        env,
      );
      expect(created.code, created.output).toBe(0);
      const link = /http:\/\/klachten\.cli\.test:\d+\/inrichten#(ghi_\S+)/.exec(created.output);
      expect(link, created.output).not.toBeNull();

      const organization = await call(port, 'klachten.cli.test', 'GET', '/api/organization');
      expect(JSON.parse(organization.body)).toMatchObject({ slug: 'cli-wonen', name: 'CLI Wonen' });
      const check = await call(port, 'klachten.cli.test', 'POST', '/api/setup/check', { token: link?.[1] });
      expect(JSON.parse(check.body)).toEqual({ valid: true, organizationName: 'CLI Wonen' });

      const duplicate = await runOrg(
        ['create', '--slug', 'cli-wonen', '--name', 'Nog een', '--host', 'ander.cli.test'],
        env,
      );
      expect(duplicate.code).toBe(1);
      expect(duplicate.output).toContain('korte naam');
      const invalid = await runOrg(['create', '--slug', 'X', '--name', 'Y', '--host', 'geen host'], env);
      expect(invalid.code).toBe(2);

      const listed = await runOrg(['list'], env);
      expect(listed.output).toMatch(/cli-wonen\s+actief\/active\s+0\s+0\s+klachten\.cli\.test/);

      expect((await runOrg(['suspend', 'cli-wonen'], env)).code).toBe(0);
      // Another process suspended it: this server sees it within its few seconds' cache.
      let status = 0;
      for (let i = 0; i < 100 && status !== 503; i++) {
        status = (await call(port, 'klachten.cli.test', 'GET', '/api/organization')).status;
        if (status !== 503) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(status).toBe(503);
      expect((await runOrg(['resume', 'cli-wonen'], env)).code).toBe(0);

      // Export, encrypted to the corporation's key; only that key opens it.
      const keys = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      });
      await writeFile(path.join(dataDir, 'public.pem'), keys.publicKey);
      await writeFile(path.join(dataDir, 'private.pem'), keys.privateKey);
      const exportFile = path.join(dataDir, 'cli-wonen.gehoord');
      const exported = await runOrg(
        ['export', 'cli-wonen', '--public-key', path.join(dataDir, 'public.pem'), '--out', exportFile],
        env,
      );
      expect(exported.code, exported.output).toBe(0);
      expect((await readFile(exportFile)).toString('latin1')).not.toContain('CLI Wonen');
      const opened = await runOrg(
        ['decrypt-export', exportFile, '--private-key', path.join(dataDir, 'private.pem')],
        env,
      );
      expect(opened.code, opened.output).toBe(0);
      expect(opened.output).toContain('"name":"CLI Wonen"');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 240_000);
});
