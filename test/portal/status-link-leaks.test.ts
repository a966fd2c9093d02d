import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { sha256Hex } from '../../src/server/modules/portal/forms/form-token.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import {
  findFreePort,
  type ServerProcess,
  spawnServer,
  waitForOutput,
  waitUntilAdmitting,
} from '../support/server-process.ts';
import {
  createPortalApp,
  FORM_HEADERS,
  formTokenIn,
  submitComplaint,
  textOf,
  validComplaint,
} from './portal-support.ts';

// The private status link is the only key to a complaint for its complainant: it must not be guessable and
// must not leak through the database, the logs, or the Referer header of anything the page loads or links to.

const database = await createTestDatabase();
await createOrganization(database.owner, { isDefault: true });
const app = await createPortalApp(database.app);
await app.inject({ method: 'GET', url: '/klacht' });

describe('the status token', () => {
  test('has at least 128 bits of entropy, differs per form, and is stored only as a hash', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++)
      tokens.push((await submitComplaint(app, { description: `Entropie ${i}.` })).token);
    // base64url: 6 bits per character; 22 characters would be 132 bits
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Math.min(...tokens.map((t) => t.length)) * 6).toBeGreaterThanOrEqual(128);
    expect(new Set(tokens).size).toBe(tokens.length);
    // Not a counter or a timestamp: every character position varies across the sample
    const positionsThatVary = tokens[0]
      ?.split('')
      .filter((_, i) => new Set(tokens.map((t) => t[i])).size > 1);
    expect(positionsThatVary?.length).toBe(tokens[0]?.length);

    const links = await database.owner.selectFrom('complaint_status_link').select('token_hash').execute();
    expect(new Set(links.map((l) => l.token_hash))).toEqual(new Set(tokens.map(sha256Hex)));
    // No table holds the token itself, except the confirmation e-mail to the complainant until it is sent:
    // its link waits in outbox_message.secret_link (the text staff can read has it redacted, issue 20).
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(database.owner);
    const holders = new Set<string>();
    for (const { table_name } of tables.rows) {
      for (const token of tokens.slice(0, 3)) {
        const found = await sql<{ n: number }>`
          select count(*)::int as n from ${sql.table(table_name)} as t
          where strpos(t::text, ${token}) > 0`.execute(database.owner);
        if ((found.rows[0]?.n ?? 0) > 0) holders.add(table_name);
      }
    }
    expect([...holders]).toEqual(['outbox_message']);
    const inText = await database.owner
      .selectFrom('outbox_message')
      .select('id')
      .where((eb) => eb.or(tokens.slice(0, 3).map((t) => eb('body_text', 'like', `%${t}%`))))
      .execute();
    expect(inText).toEqual([]);
  });

  test('a tampered, guessed, malformed or revoked token gets the same 404 page, which does not say why', async () => {
    const { token } = await submitComplaint(app, { description: 'Wordt ingetrokken.' });
    const { token: revoked } = await submitComplaint(app, { description: 'Ingetrokken link.' });
    await database.owner
      .updateTable('complaint_status_link')
      .set({ revoked_at: new Date() })
      .where('token_hash', '=', sha256Hex(revoked))
      .execute();
    const tampered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    const candidates = [tampered, 'A'.repeat(43), revoked, 'kort', `${token}x`, '%27%20or%201%3D1--'];
    const bodies = new Set<string>();
    for (const candidate of candidates) {
      const response = await app.inject({ method: 'GET', url: `/klacht/status/${candidate}` });
      expect(response.statusCode, candidate).toBe(404);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      bodies.add(textOf(response.body));
    }
    // One page for every reason: nothing tells a guesser how close they came
    expect(bodies.size).toBe(1);
    const [page] = [...bodies];
    expect(page).toContain('Deze link werkt niet');
    expect(page).not.toMatch(/ingetrokken|verlopen|ongeldig teken|hash|signature|revoked|expired/i);
  });

  test('status pages send no-referrer and carry the token to nobody else', async () => {
    await database.owner
      .updateTable('portal_settings')
      .set({ logo_url: 'https://cdn.corporatie.example/logo.png' })
      .execute();
    const { token } = await submitComplaint(app, { description: 'Referer-controle.' });
    const urls = [
      `/klacht/status/${token}`,
      `/klacht/status/${token}/ontvangen`,
      `/complaint/status/${token}`,
      `/complaint/status/${token}/received`,
    ];
    for (const url of urls) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('<meta name="referrer" content="no-referrer">');
      const references = [...response.body.matchAll(/\b(?:src|href|action)="([^"]*)"/g)].map(
        (m) => m[1] ?? '',
      );
      expect(references.length).toBeGreaterThan(3);
      for (const reference of references) {
        // The empty icon (`data:,`, so no browser asks for /favicon.ico) goes nowhere
        if (reference === 'data:,') continue;
        const target = new URL(reference, 'http://localhost:3000');
        // The token only ever travels to our own pages; the logo (another host) gets no Referer at all
        if (target.origin !== 'http://localhost:3000') expect(reference, url).not.toContain(token);
        expect(['http:', 'https:']).toContain(target.protocol);
      }
      expect(references).toContain('https://cdn.corporatie.example/logo.png');
    }
    await database.owner.updateTable('portal_settings').set({ logo_url: null }).execute();
  });

  test('status lookups are rate-limited per address, guesses included', async () => {
    const remoteAddress = '203.0.113.77';
    let limited: Awaited<ReturnType<typeof app.inject>> | undefined;
    let allowed = 0;
    for (let i = 0; i < 700 && limited === undefined; i++) {
      const response = await app.inject({
        method: 'GET',
        url: `/klacht/status/${String(i).padStart(43, 'A')}`,
        remoteAddress,
      });
      if (response.statusCode === 429) limited = response;
      else allowed++;
    }
    expect(allowed).toBe(600);
    expect(limited?.headers['retry-after']).toBeDefined();
    // Another address is not affected
    const other = await app.inject({
      method: 'GET',
      url: `/klacht/status/${'B'.repeat(43)}`,
      remoteAddress: '203.0.113.78',
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('the request log of the server process', () => {
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of started) {
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  async function startServer(level: 'info' | 'debug') {
    const port = await findFreePort();
    const server = spawnServer({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: database.appUrl,
      DATABASE_OWNER_URL: database.ownerUrl,
      DATA_DIR: await mkdtemp(path.join(tmpdir(), 'gehoord-status-log-')),
      LOG_LEVEL: level,
      JOBS: 'off',
      MAIL_WORKER: 'off',
      PORTAL_MINIMUM_FILL_SECONDS: '0',
    });
    started.push(server);
    await waitForOutput(server, /Gehoord is ready at/, 90_000);
    const base = `http://127.0.0.1:${port}`;
    await waitUntilAdmitting(base);
    return { server, base };
  }

  /** A complainant's whole visit: form, confirmation, status page in both languages, a message, a reload. */
  async function visit(base: string): Promise<string> {
    const formToken = formTokenIn(await (await fetch(`${base}/klacht`)).text());
    const posted = await fetch(`${base}/klacht`, {
      method: 'POST',
      headers: FORM_HEADERS,
      body: new URLSearchParams({ ...validComplaint, description: 'Logcontrole.', formToken }).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);
    const location = posted.headers.get('location') ?? '';
    const token = /\/status\/([^/]+)\//.exec(location)?.[1] ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await fetch(`${base}${location}`)).status).toBe(200);
    const status = await fetch(`${base}/klacht/status/${token}?sent=message`);
    const messageToken = formTokenIn((await status.text()).split('/bericht"')[1] ?? '');
    const message = await fetch(`${base}/klacht/status/${token}/bericht`, {
      method: 'POST',
      headers: FORM_HEADERS,
      body: new URLSearchParams({ message: 'Nog een foto volgt.', formToken: messageToken }).toString(),
      redirect: 'manual',
    });
    expect(message.status).toBe(303);
    expect((await fetch(`${base}/complaint/status/${token}/received`)).status).toBe(200);
    expect((await fetch(`${base}/klacht/status/${token.slice(0, 42)}x`)).status).toBe(404);
    return token;
  }

  test.each(['info', 'debug'] as const)(
    'at %s level never contains the token',
    async (level) => {
      const { server, base } = await startServer(level);
      try {
        const token = await visit(base);
        // pino writes asynchronously; wait for the last request's line
        await waitForOutput(server, /"statusCode":404/, 10_000);
        const output = server.output();
        expect(output).toContain('/klacht/status/[redacted]');
        expect(output).not.toContain(token);
        expect(output).not.toContain(token.slice(0, 20));
      } finally {
        // one at a time, even after a failure: with attachments on local disk a second instance on this
        // database is refused (issue 20)
        if (server.child.exitCode === null) server.child.kill('SIGTERM');
        await server.exited;
      }
    },
    120_000,
  );
});
