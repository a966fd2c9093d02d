import { describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/db/database.ts';
import { findFreePort } from '../support/server-process.ts';
import { createPortalApp, textOf } from './portal-support.ts';

// Nothing listens on this port: every query fails the way it does while PostgreSQL restarts.
const unreachable = createDatabase(`postgres://gehoord:secret@127.0.0.1:${await findFreePort()}/gehoord`, {
  poolSize: 1,
  log: { error: () => {} },
});
const app = await createPortalApp(unreachable);

describe('the portal while the database is away', () => {
  test.each([
    ['/klacht', 'Even geduld'],
    ['/complaint', 'One moment, please'],
    [`/klacht/status/${'A'.repeat(43)}`, 'Even geduld'],
  ])('%s answers 503 with Retry-After and a page that says to try again', async (url, title) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.headers['content-type']).toContain('text/html');
    expect(textOf(response.body)).toContain(title);
  });
});
