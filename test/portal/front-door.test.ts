import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, describe, expect, test } from 'vitest';
import { TENANT_LOCALE_INFO, tenantLocaleOfPath } from '../../src/domain/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { LocalDiskStorage } from '../../src/server/storage/local-disk-storage.ts';
import { createComplaintWorld } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { formTokenIn, postForm, textOf, validComplaint } from './portal-support.ts';

// Issue 21: the front door at `/`, robots.txt, the public "page not found", compression and caching.
// The app is built with a small staff-app folder, as `npm start` serves dist/web.

const database = await createTestDatabase();
const webRoot = await mkdtemp(path.join(tmpdir(), 'gehoord-web-'));
const blobs = await mkdtemp(path.join(tmpdir(), 'gehoord-front-door-blobs-'));
const SPA_INDEX = `<!doctype html><html lang="nl"><head><title>Gehoord</title></head><body><div id="root"></div>${'<!-- staff app -->'.repeat(80)}</body></html>`;
const BUNDLE = `console.log(${JSON.stringify('staff app '.repeat(400))});`;
await mkdir(path.join(webRoot, 'assets'));
await writeFile(path.join(webRoot, 'index.html'), SPA_INDEX);
await writeFile(path.join(webRoot, 'assets', 'index-Ab12Cd34.js'), BUNDLE);
await writeFile(path.join(webRoot, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(BUNDLE));
await writeFile(path.join(webRoot, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(BUNDLE));

const app = await buildApp({
  config: {
    publicUrl: 'http://localhost:3000',
    trustProxy: false,
    env: 'test',
    loginRateLimitPerMinute: 100_000,
    oidc: null,
    attachmentMaxBytes: 1024 * 1024,
    portal: { submissionsPerIpPerHour: 1000, submissionsPerHour: 10_000, minimumFillSeconds: 0 },
  },
  db: database.app,
  storage: new LocalDiskStorage(blobs),
  logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  webRoot,
});
await app.ready();
afterAll(async () => {
  await app.close();
  await rm(webRoot, { recursive: true, force: true });
  await rm(blobs, { recursive: true, force: true });
});

const world = await createComplaintWorld(database.owner, app);
const admin = await signInAs(
  app,
  (await createStaffUser(database.owner, world.organization.id, { roles: ['employee', 'admin'] })).email,
);

async function setContactDetails(values: Record<string, string | null>) {
  const current = (await admin.request({ method: 'GET', url: '/api/admin/portal-settings' })).json();
  const saved = await admin.request({
    method: 'PUT',
    url: '/api/admin/portal-settings',
    payload: { ...current, ...values },
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

const metaDescription = (page: string) => /<meta name="description" content="([^"]*)">/.exec(page)?.[1];

describe('the front door', () => {
  test('`/` is a server-rendered page for tenants: two ways in, contact details, a small staff link', async () => {
    await setContactDetails({
      displayName: 'Wonen Midden-Delfland',
      contactPhone: '015 123 45 67',
      contactEmail: 'klachten@example.nl',
      contactHours: 'Maandag tot en met vrijdag, 9.00 tot 17.00 uur',
      websiteUrl: 'https://www.example.nl',
    });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const page = response.body;
    expect(page).toContain('<html lang="nl" dir="ltr">');
    expect(page).toContain('<title>Klachten – Wonen Midden-Delfland</title>');
    expect(metaDescription(page)).toBe(
      'Niet tevreden over Wonen Midden-Delfland? Dien hier uw klacht in of volg hoe het met uw klacht gaat.',
    );
    expect(page).toContain('<a href="/klacht" class="button">Klacht indienen</a>');
    expect(page).toContain('<a href="/klacht/status" class="button secondary">Mijn klacht volgen</a>');
    expect(page).toContain('<a href="tel:0151234567">015 123 45 67</a>');
    expect(page).toContain('<a href="mailto:klachten@example.nl">klachten@example.nl</a>');
    expect(textOf(page)).toContain('Bereikbaar Maandag tot en met vrijdag, 9.00 tot 17.00 uur');
    expect(page).toContain('<p class="staff-link"><a href="/inloggen">Inloggen voor medewerkers</a></p>');
    expect(page).toContain('href="/en" lang="en" hreflang="en">English</a>');
    // The staff app's bundle is not on the tenants' page
    expect(page).not.toContain('id="root"');
    expect(page).not.toContain('/assets/');
  });

  test('has an English twin at /en, and leaves out contact details that are not set', async () => {
    await setContactDetails({ contactEmail: null, contactHours: null, websiteUrl: null });
    const page = (await app.inject({ method: 'GET', url: '/en' })).body;
    expect(page).toContain('<html lang="en" dir="ltr">');
    expect(page).toContain('<a href="/complaint" class="button">Make a complaint</a>');
    expect(page).toContain('<a href="/complaint/status" class="button secondary">Follow my complaint</a>');
    expect(page).toContain('<a href="tel:0151234567">015 123 45 67</a>');
    expect(page).not.toContain('mailto:');
    expect(page).toContain('<a href="/inloggen">Staff sign-in</a>');
    expect(page).toContain('href="/" lang="nl" hreflang="nl">Nederlands</a>');
  });

  test('every public page has a language, a title and a meta description', async () => {
    // issue 21 (decision 028): the Turkish, Arabic and Polish pages too
    const translated = ['tr', 'ar', 'pl'].flatMap((l) => [`/${l}`, `/${l}/klacht`, `/${l}/klacht/status`]);
    for (const url of [
      '/',
      '/en',
      '/klacht',
      '/complaint',
      '/klacht/status',
      '/complaint/status',
      ...translated,
    ]) {
      const page = (await app.inject({ method: 'GET', url })).body;
      expect(page, url).toMatch(/<html lang="(nl|en|tr|pl)" dir="ltr">|<html lang="ar" dir="rtl">/);
      expect(page, url).toMatch(/<title>[^<]+ – Wonen Midden-Delfland<\/title>/);
      expect(metaDescription(page)?.length ?? 0, url).toBeGreaterThan(40);
      // The name in the header leads back to the front door of the same language
      expect(page, url).toMatch(/<p class="brand"><a href="\/(en|tr|ar|pl)?">/);
      expect(page, url).toContain(
        `<p class="brand"><a href="${TENANT_LOCALE_INFO[tenantLocaleOfPath(url)].home}">`,
      );
    }
  });
});

describe('route advice without a link', () => {
  test('"contact us" gives the corporation’s phone number and hours from the settings', async () => {
    await setContactDetails({
      contactPhone: '015 123 45 67',
      contactHours: 'Maandag tot en met vrijdag, 9.00 tot 17.00 uur',
      nuisanceUrl: null,
    });
    const formToken = formTokenIn((await app.inject({ method: 'GET', url: '/klacht' })).body);
    const advice = await postForm(app, '/klacht', { ...validComplaint, topic: 'nuisance', formToken });
    expect(advice.statusCode).toBe(200);
    const section = /<section class="route-advice"[\s\S]*?<\/section>/.exec(advice.body)?.[0] ?? '';
    expect(section).toContain(
      'Neem hiervoor contact met ons op. Bel ons: <a href="tel:0151234567">015 123 45 67</a>.',
    );
    expect(section).toContain('Bereikbaar: Maandag tot en met vrijdag, 9.00 tot 17.00 uur');
  });
});

describe('robots.txt', () => {
  test('allows the portal and keeps status links, the API and the staff app out', async () => {
    const response = await app.inject({ method: 'GET', url: '/robots.txt' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe('User-agent: *');
    for (const rule of [
      'Allow: /$',
      'Allow: /en$',
      'Allow: /klacht$',
      'Allow: /klacht/status$',
      'Disallow: /klacht/status/',
      'Allow: /complaint$',
      'Disallow: /complaint/status/',
      // issue 21 (decision 028): the same for the Turkish, Arabic and Polish addresses
      'Allow: /tr$',
      'Allow: /ar/klacht$',
      'Allow: /pl/klacht/status$',
      'Disallow: /ar/klacht/status/',
      'Disallow: /api/',
      'Disallow: /',
    ])
      expect(lines).toContain(rule);
  });
});

describe('addresses that do not exist', () => {
  test('a browser address outside the staff app is the portal’s own 404 page with the way back', async () => {
    const response = await app.inject({ method: 'GET', url: '/klacht/bestaat-niet' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<h1>Deze pagina bestaat niet</h1>');
    expect(response.body).toContain('<a href="/">Naar de beginpagina</a>');
    expect(metaDescription(response.body)).toBeDefined();
    const english = await app.inject({ method: 'GET', url: '/complaint/nope' });
    expect(english.body).toContain('<html lang="en" dir="ltr">');
    expect(english.body).toContain('<a href="/en">Go to the home page</a>');
    // A hashed staff-app file that is not there is a 404 too, not the app's index page
    expect((await app.inject({ method: 'GET', url: '/assets/gone-Zz99Yy88.js' })).statusCode).toBe(404);
  });

  test('the staff app’s own addresses still reach it, on a reload or a bookmark', async () => {
    for (const url of [
      '/werk',
      '/klachten/0b6f3c1e-0000-4000-8000-000000000000',
      '/beheer/portaal',
      '/inloggen',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain('<div id="root"></div>');
      expect(response.headers['cache-control'], url).toBe('no-cache');
    }
  });

  test('the API still answers in problem+json', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('compression and caching', () => {
  test('pages are sent with brotli or gzip, whichever the browser takes', async () => {
    const plain = await app.inject({ method: 'GET', url: '/klacht' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');

    const br = await app.inject({
      method: 'GET',
      url: '/klacht',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('Een klacht indienen');

    const gz = await app.inject({ method: 'GET', url: '/', headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toContain('Klacht indienen');

    // JSON too; an image or a download is left alone
    const json = await admin.request({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(json.headers['content-encoding']).toBe('br');
  });

  test('the portal’s own stylesheet and script come in brotli when asked', async () => {
    const page = (await app.inject({ method: 'GET', url: '/' })).body;
    const href = /href="(\/portal-assets\/portal\.css\?v=[0-9a-f]+)"/.exec(page)?.[1] ?? '';
    const css = await app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'br, gzip' } });
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(css.rawPayload).toString()).toContain('.doors');
  });

  test('hashed staff-app files are precompressed and immutable; its index page is not cached unchecked', async () => {
    const br = await app.inject({
      method: 'GET',
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(BUNDLE);

    const gz = await app.inject({
      method: 'GET',
      url: '/assets/index-Ab12Cd34.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(BUNDLE);

    const plain = await app.inject({ method: 'GET', url: '/assets/index-Ab12Cd34.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(BUNDLE);
  });
});
