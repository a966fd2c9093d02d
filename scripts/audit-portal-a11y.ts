// Lighthouse accessibility audit of the public complaint portal: the form (Dutch and English), the
// confirmation page and the status page, in Debian's Chromium. (Lighthouse will not audit a 404 page,
// so the "link not valid" page is checked by axe in e2e/portal.spec.ts only.)
//
//   npm run audit:a11y                      starts its own server on a fresh database, then audits it
//   npm run audit:a11y -- http://host:port  audits a server that is already running
//
// Prints one score per page and exits non-zero when any page scores below 100 (the bar).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run';

async function freePort(): Promise<number> {
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

async function waitUntilReady(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the server at ${baseUrl} did not become ready`);
}

async function startServer() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'gehoord-audit-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: String(port),
      DATA_DIR: dataDir,
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
      MAIL_WORKER: 'off',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitUntilReady(baseUrl, 90_000);
  // A fresh database has no staff: the server prints its one-time setup link once it is ready.
  const deadline = Date.now() + 10_000;
  while (!/\/inrichten#ghi_\S+/.test(output) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  return {
    baseUrl,
    setupToken: /\/inrichten#(ghi_\S+)/.exec(output)?.[1] ?? null,
    stop: async () => {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends the complaint form as a browser would (after the minimum fill time) and returns its two pages. */
async function submitComplaint(baseUrl: string): Promise<{ confirmation: string; status: string }> {
  const form = await (await fetch(`${baseUrl}/klacht`)).text();
  const formToken = /name="formToken" value="([^"]+)"/.exec(form)?.[1];
  if (!formToken) throw new Error('no form token on /klacht');
  await new Promise((resolve) => setTimeout(resolve, 3500));
  const response = await fetch(`${baseUrl}/klacht`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({
      formToken,
      topic: 'complaint',
      onBehalf: 'self',
      relation: 'tenant',
      name: 'Lighthouse Audit',
      email: 'audit@example.nl',
      phone: '06 12345678',
      preferredContact: 'email',
      description: 'Een klacht om de toegankelijkheid van de pagina’s te meten.',
    }).toString(),
  });
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new Error(`the form was not accepted (${response.status})`);
  const confirmation = new URL(location, baseUrl).toString();
  return { confirmation, status: confirmation.replace(/\/ontvangen$/, '') };
}

type Session = {
  post: (path: string, body: unknown, method?: string) => Promise<Response>;
  get: (path: string) => Promise<Response>;
};

async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in as ${email} failed (${login.status})`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const headers = { 'content-type': 'application/json', origin: baseUrl, cookie };
  return {
    get: (path) => fetch(`${baseUrl}${path}`, { headers }),
    post: (path, body, method = 'POST') =>
      fetch(`${baseUrl}${path}`, { method, headers, body: JSON.stringify(body) }),
  };
}

/** Sets up the demo organisation, routes portal complaints to Klantcontact and answers a new complaint. */
async function answeredComplaint(baseUrl: string, setupToken: string) {
  const setup = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({
      token: setupToken,
      organizationName: 'Wonen Midden-Delfland',
      administrator: {
        name: 'Beheerder',
        email: 'beheer@example.nl',
        password: 'lange zomeravond aan de vliet',
      },
      loadDemo: true,
    }),
  });
  if (!setup.ok) throw new Error(`setup failed (${setup.status})`);
  const accounts = ((await setup.json()) as { demoAccounts: { email: string; password: string }[] })
    .demoAccounts;
  const account = (prefix: string) => {
    const found = accounts.find((a) => a.email.startsWith(prefix));
    if (!found) throw new Error(`no demo account ${prefix}`);
    return found;
  };
  const admin = await signIn(baseUrl, account('ruud.mulder').email, account('ruud.mulder').password);
  const departments = (await (await admin.get('/api/departments')).json()) as { id: string; name: string }[];
  const settings = await (await admin.get('/api/admin/portal-settings')).json();
  const saved = await admin.post(
    '/api/admin/portal-settings',
    {
      ...settings,
      intakeDepartmentId: departments.find((d) => d.name === 'Klantcontact')?.id ?? null,
      committeeName: 'Regionale Klachtencommissie',
      committeeContact: 'Postbus 100, 2600 AC Delft',
    },
    'PUT',
  );
  if (!saved.ok) throw new Error(`portal settings not saved (${saved.status})`);

  const { status } = await submitComplaint(baseUrl);
  const staff = await signIn(
    baseUrl,
    account('mohamed.elamrani').email,
    account('mohamed.elamrani').password,
  );
  const me = (await (await staff.get('/api/auth/me')).json()) as { id: string };
  const list = (await (await staff.get('/api/complaints?sort=received')).json()) as {
    items: { id: string }[];
  };
  const id = list.items[0]?.id;
  const detail = (await (await staff.get(`/api/complaints/${id}`)).json()) as { department: { id: string } };
  const steps: [string, unknown][] = [
    ['assign', { handlerId: me.id }],
    [
      'triage',
      {
        outcome: 'complaint',
        category: 'no_or_late_answer',
        subject: { kind: 'department', departmentId: detail.department.id },
      },
    ],
    ['contacts', { kind: 'phone', direction: 'outbound', summary: 'Gebeld.' }],
    [
      'assessment',
      {
        kind: 'policy_not_followed',
        verdict: 'upheld',
        apologyOffered: true,
        errorAdmitted: true,
        demonstrableDamage: false,
      },
    ],
    ['answer', { text: 'Beste klager,\nWij bieden excuses aan en maken een nieuwe afspraak.' }],
  ];
  for (const [step, body] of steps) {
    const response = await staff.post(`/api/complaints/${id}/${step}`, body);
    if (!response.ok) throw new Error(`${step} failed (${response.status}): ${await response.text()}`);
  }
  return status;
}

/** Rates the answered complaint 1 and 2 through the status page's own form; returns the page it leads to. */
async function rateLow(baseUrl: string, status: string): Promise<string> {
  const page = await (await fetch(status)).text();
  const formToken = /\/tevredenheid"[^>]*>\s*<input type="hidden" name="formToken" value="([^"]+)"/.exec(
    page,
  )?.[1];
  if (!formToken) throw new Error('no satisfaction form on the status page');
  const rated = await fetch(`${status}/tevredenheid`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ formToken, handling: '1', outcome: '2', comment: 'Te laat.' }).toString(),
  });
  if (rated.status !== 303) throw new Error(`rating not accepted (${rated.status})`);
  return new URL(rated.headers.get('location') ?? '', baseUrl).toString();
}

function audit(url: string): number {
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/lighthouse'),
    [
      url,
      '--only-categories=accessibility',
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`,
    ],
    { env: { ...process.env, CHROME_PATH: chromium }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`lighthouse failed for ${url}:\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    categories: { accessibility: { score: number } };
    audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
  };
  for (const [id, check] of Object.entries(report.audits)) {
    if (check.scoreDisplayMode === 'binary' && check.score === 0)
      console.log(`    failed: ${id} – ${check.title}`);
  }
  return Math.round(report.categories.accessibility.score * 100);
}

async function main() {
  if (!existsSync(chromium))
    throw new Error(`Chromium not found at ${chromium} (apt-get install chromium, or set CHROME_PATH)`);
  const given = process.argv[2];
  const server = given
    ? { baseUrl: given.replace(/\/$/, ''), setupToken: null, stop: async () => {} }
    : await startServer();
  try {
    const { confirmation, status } = await submitComplaint(server.baseUrl);
    const pages: [string, string][] = [
      ['form (nl)', `${server.baseUrl}/klacht`],
      ['form (en)', `${server.baseUrl}/complaint`],
      ['confirmation', confirmation],
      ['status', status],
    ];
    let lowest = 100;
    console.log('Lighthouse accessibility scores:');
    for (const [name, url] of pages) {
      const score = audit(url);
      lowest = Math.min(lowest, score);
      console.log(`  ${name.padEnd(18)} ${score}`);
    }
    // On our own fresh server we can also answer the complaint (as demo staff), then rate it low.
    if (server.setupToken) {
      const answered = await answeredComplaint(server.baseUrl, server.setupToken);
      const answeredScore = audit(answered);
      console.log(`  ${'status, answered'.padEnd(18)} ${answeredScore}`);
      const ratedScore = audit(await rateLow(server.baseUrl, answered));
      console.log(`  ${'status, rated low'.padEnd(18)} ${ratedScore}`);
      lowest = Math.min(lowest, answeredScore, ratedScore);
    }
    process.exitCode = lowest < 100 ? 1 : 0;
  } finally {
    await server.stop();
  }
}

await main();
