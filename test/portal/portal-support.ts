import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { PortalConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';

/** The real application with the portal's abuse limits chosen by the test (production defaults otherwise). */
export async function createPortalApp(
  db: Database,
  portal: Partial<PortalConfig> = {},
  logger: pino.Logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
): Promise<FastifyInstance> {
  const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-portal-blobs-'));
  const app = await buildApp({
    config: {
      publicUrl: 'http://localhost:3000',
      trustProxy: false,
      env: 'test',
      loginRateLimitPerMinute: 100_000,
      oidc: null,
      attachmentMaxBytes: 1024 * 1024,
      portal: { submissionsPerIpPerHour: 1000, submissionsPerHour: 10_000, minimumFillSeconds: 0, ...portal },
    },
    db,
    storage: new LocalDiskStorage(directory),
    logger,
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await rm(directory, { recursive: true, force: true });
  });
  return app;
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };

export function formTokenIn(page: string): string {
  const match = /name="formToken" value="([^"]+)"/.exec(page);
  if (!match?.[1]) throw new Error('no form token on the page');
  return match[1];
}

export const validComplaint = {
  topic: 'complaint',
  onBehalf: 'self',
  relation: 'tenant',
  name: 'Jannie de Vries',
  email: 'jannie@example.nl',
  phone: '06 12345678',
  preferredContact: 'phone',
  postcode: '3155 ab',
  houseNumber: '12',
  addition: '',
  description: 'De monteur kwam niet op de afspraak en belde niet af.',
  desiredOutcome: 'Een nieuwe afspraak.',
};

export async function openForm(app: FastifyInstance, url = '/klacht'): Promise<string> {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  return formTokenIn(response.body);
}

export async function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  options: { remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    headers: FORM_HEADERS,
    payload: new URLSearchParams(fields).toString(),
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
  });
}

/** Fills in and sends the complaint form as a browser would; returns the status token from the redirect. */
export async function submitComplaint(
  app: FastifyInstance,
  fields: Record<string, string> = {},
  url = '/klacht',
): Promise<{ token: string; location: string }> {
  const formToken = await openForm(app, url);
  const response = await postForm(app, url, { ...validComplaint, ...fields, formToken });
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
  const location = String(response.headers.location);
  const token = /\/status\/([^/]+)\//.exec(location)?.[1];
  if (!token) throw new Error(`no status token in ${location}`);
  return { token, location };
}

/** The visible text of a page, roughly: tags removed, whitespace collapsed. */
export function textOf(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
