import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { toLocalDate } from '../src/domain/business-time.ts';
import { type Quarter, quarterOfDay, quarterRange } from '../src/domain/learning.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { refreshSectorBenchmark } from '../src/server/modules/reports/sector.service.ts';
import { previousQuarter } from '../src/web/features/mt-review/quarters.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { serverOwnerUrl, withServerDatabase } from './e2e-database.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';

// Issue 24 (decision 040): the administrator opts the demo corporation in to the anonymised sector benchmark and
// the MT's dashboard shows its own figures beside the sector's quartiles. Five other small corporations that took
// part are made in the server's database (no screen makes a second corporation), and the hourly job is run.

const RUUD = 'ruud.mulder@demo.gehoord.nl'; // administrator
const PIETER = 'pieter.vandijk@demo.gehoord.nl'; // management team

/** 1,000 homes and `answered` complaints answered in the quarter, `onTime` of them within the term. */
async function addFigures(
  client: pg.Client,
  organizationId: string,
  registeredBy: string,
  quarter: string,
  counts: { answered: number; onTime: number; firstNumber: number; scores?: number },
) {
  const { from } = quarterRange(quarter as Quarter);
  await client.query(
    `insert into unit (organization_id, street, house_number, postcode, place)
     select $1, 'Sectorstraat', n, '3155AB', 'Maasland' from generate_series(1, 1000) n`,
    [organizationId],
  );
  for (let i = 0; i < counts.answered; i++) {
    const id = randomUUID();
    await client.query(
      `insert into complaint (id, organization_id, reference, matter_id, channel, received_at, registered_by,
         description, status, triage_outcome, category, term_start_day, original_due_at, due_at,
         calendar_settings_version, term_extensions, answered_at)
       values ($1, $2, $3, $1, 'email', ($4::date + 10)::timestamp at time zone 'Europe/Amsterdam', $5,
         'Klacht voor de sectorvergelijking.', 'answered', 'complaint', 'repair_badly_done',
         $4::date + 10, ($4::date + 24)::timestamp at time zone 'Europe/Amsterdam',
         ($4::date + 24)::timestamp at time zone 'Europe/Amsterdam', 1, '[]',
         ($4::date + $6::int)::timestamp at time zone 'Europe/Amsterdam')`,
      [
        id,
        organizationId,
        `K-${from.slice(0, 4)}-${String(counts.firstNumber + i).padStart(5, '0')}`,
        from,
        registeredBy,
        i < counts.onTime ? 20 : 40,
      ],
    );
    if (i < (counts.scores ?? 0))
      await client.query(
        `insert into complaint_satisfaction (organization_id, complaint_id, handling, outcome)
         values ($1, $2, 4, 4)`,
        [organizationId, id],
      );
  }
}

/** Another corporation that opted in, with its figures for the quarter. */
async function participant(quarter: string, answered: number, onTime: number) {
  await withServerDatabase(async (client) => {
    const suffix = randomUUID().slice(0, 8);
    const org = await client.query<{ id: string }>(
      `insert into organization (slug, name, hostnames, sector_benchmark) values ($1, $2, '{}', true) returning id`,
      [`sector-${suffix}`, `Sectordeelnemer ${suffix}`],
    );
    const organizationId = org.rows[0]?.id as string;
    const staff = await client.query<{ id: string }>(
      `insert into staff_user (organization_id, name, email, roles, active, password_hash)
       values ($1, 'Registratie', $2, '{employee}', true, 'x') returning id`,
      [organizationId, `registratie-${suffix}@example.nl`],
    );
    await addFigures(client, organizationId, staff.rows[0]?.id as string, quarter, {
      answered,
      onTime,
      firstNumber: 1,
    });
  });
}

/** The demo corporation's own figures: 4 complaints answered in the quarter, 3 on time (75 %), 2 rated. */
async function demoFigures(quarter: string, adminEmail: string) {
  await withServerDatabase(async (client) => {
    const admin = await client.query<{ id: string; organization_id: string }>(
      'select id, organization_id from staff_user where email = $1',
      [adminEmail],
    );
    const row = admin.rows[0];
    if (!row) throw new Error('demo administrator not found');
    await addFigures(client, row.organization_id, row.id, quarter, {
      answered: 4,
      onTime: 3,
      firstNumber: 90_001,
      scores: 2,
    });
  });
}

test('an administrator opts in and the MT sees its figures beside the sector’s quartiles', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  test.setTimeout(120_000);
  const quarter = previousQuarter(quarterOfDay(toLocalDate(new Date())));
  for (const [answered, onTime] of [
    [4, 3],
    [2, 2],
    [5, 1],
    [3, 0],
    [6, 6],
  ] as const)
    await participant(quarter, answered, onTime);
  await demoFigures(quarter, RUUD);

  // Not opted in yet: the MT's dashboard invites, and shows no figures
  const pieter = demoAccount(PIETER);
  await signInThroughPage(page, pieter.email, pieter.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(pieter.name);
  await page.goto('/mt');
  const section = page.getByTestId('sector-benchmark');
  await expect(section.getByRole('heading', { name: `Vergelijking met de sector, ${quarter}` })).toBeVisible({
    timeout: 20_000,
  });
  await expect(section.getByTestId('sector-invitation')).toContainText('Doe mee aan de sectorvergelijking');
  await expect(section.getByRole('table')).toHaveCount(0);
  await checkAccessibility(page);
  await page.context().clearCookies();

  // The administrator opts in on the organisation page
  const ruud = demoAccount(RUUD);
  await signInThroughPage(page, ruud.email, ruud.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(ruud.name);
  await page.goto('/beheer/organisatie');
  const setting = page.getByLabel('Meedoen aan de anonieme sectorvergelijking');
  // the admin pages load on first use: on a busy machine that takes a moment
  await expect(setting).not.toBeChecked({ timeout: 20_000 });
  await setting.check();
  await page
    .getByRole('region', { name: 'Sectorvergelijking' })
    .getByRole('button', { name: 'Opslaan' })
    .click();
  await expect(page.getByText('De keuze is opgeslagen.')).toBeVisible();
  await checkAccessibility(page);

  // The hourly job computes the sector's quartiles (run here rather than waiting for its slot)
  const owner = createDatabase(serverOwnerUrl(), {
    poolSize: 1,
    log: { error: () => {} },
    applicationName: 'gehoord-e2e',
  });
  try {
    await refreshSectorBenchmark(owner, new Date());
  } finally {
    await owner.destroy();
  }

  await page.context().clearCookies();
  await signInThroughPage(page, pieter.email, pieter.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(pieter.name);
  await page.goto('/mt');
  const table = section.getByRole('table', { name: `Vergelijking met de sector, ${quarter}` });
  await expect(table).toBeVisible({ timeout: 20_000 });
  const onTime = table.getByRole('row', { name: /Op tijd beantwoord/ });
  await expect(onTime.getByRole('cell').nth(0)).toHaveText('75%');
  await expect(onTime.getByRole('cell').nth(2)).toHaveText(/%/);
  await expect(onTime).toContainText('corporaties');
  // Fewer than five corporations with satisfaction scores: withheld with the reason
  const satisfaction = table.getByRole('row', { name: /Tevredenheid/ });
  await expect(satisfaction).toContainText('Niet getoond');
  // its own mean rests on two answers: withheld too (decision 050)
  await expect(satisfaction.getByRole('cell').nth(0)).toHaveText('te weinig antwoorden (n=2)');
  await expect(section).not.toContainText('Sectordeelnemer');
  await checkAccessibility(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await docScreenshot(page, 'sector-benchmark');
});
