import type { Page } from '@playwright/test';
import { quarterOfDay } from '../src/domain/learning.ts';
import { createDatabase } from '../src/server/db/database.ts';
import { refreshThemes } from '../src/server/modules/learning/themes.service.ts';
import { e2eNow, e2eToday } from './clock.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { serverOwnerUrl } from './e2e-database.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

// Issue 26: the MT opens the quarter's agenda, asks for the recurring themes, sees them (size, trend, terms,
// examples), turns one into an improvement action and sees the theme linked to it.

const PIETER = 'pieter.vandijk@demo.gehoord.nl'; // management team
const EVA = 'eva.jansen@demo.gehoord.nl'; // handler at Klantcontact

const MOULD = [
  'Er zit schimmel op de muren in de badkamer. De schilder heeft er alleen overheen geschilderd.',
  'Schimmel op de muren van de slaapkamer; de schilder heeft het alleen overgeschilderd en het komt terug.',
  'In de keuken zit weer schimmel op de muren, de schilder heeft er alleen overheen geschilderd.',
  'De schimmel op de muren in de hal is terug. Er is alleen overheen geschilderd door de schilder.',
];
const LIFT = [
  'De lift in onze flat is al drie weken kapot en mijn moeder kan de trap niet op.',
  'Alweer staat de lift in de flat stil, al twee weken kapot. De trap is zwaar.',
  'De lift van de flat is kapot sinds vorige maand; met boodschappen de trap op is niet te doen.',
];
const OTHER = [
  'Mijn huurverhoging is verkeerd berekend en niemand belt terug.',
  'De tuin van de buren ligt vol afval en er gebeurt niets.',
  'Ik heb een brief over de eindinspectie nooit ontvangen.',
];

/** Mantine's dialogs fade in; axe measures contrast on what is painted, so let the transitions finish first. */
const transitionsDone = (page: Page) =>
  page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));

test('the MT sees the quarter’s themes and turns one into an improvement action', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  test.setTimeout(150_000);
  const quarter = quarterOfDay(e2eToday());
  // The scene: Eva registers this quarter's complaints, among them four about mould and three about the lift
  const eva = demoAccount(EVA);
  const evaApi = await staffApiSession(baseURL as string, eva.email, eva.password);
  for (const [i, description] of [...MOULD, ...LIFT, ...OTHER].entries()) {
    await evaApi.post('/api/complaints', {
      channel: 'phone',
      complainant: { name: `Mevrouw T. Thema ${i}`, phone: `06 2345${String(6000 + i)}` },
      description,
    });
  }
  await evaApi.dispose();

  const pieter = demoAccount(PIETER);
  await signInThroughPage(page, pieter.email, pieter.password);
  // signed in (the session cookie is set) before going to the agenda
  await expect(page.getByTestId('signed-in-user')).toHaveText(pieter.name, { timeout: 20_000 });
  await page.goto(`/mt/${quarter}`);
  const section = page.getByRole('region', { name: 'Terugkerende thema’s' });
  await expect(section).toBeVisible({ timeout: 20_000 });
  // He asks for a fresh run; the worker computes it (run here rather than waiting for its minute slot)
  await section.getByRole('button', { name: 'Thema’s opnieuw berekenen' }).click();
  // the worker in the server may well have done it already; otherwise the page says it is being computed
  await expect(section.getByTestId('themes-status')).toHaveText(/worden berekend|Berekend op/);
  const owner = createDatabase(serverOwnerUrl(), {
    poolSize: 1,
    log: { error: () => {} },
    applicationName: 'gehoord-e2e',
  });
  try {
    await refreshThemes(owner, e2eNow());
  } finally {
    await owner.destroy();
  }
  // the page looks again by itself while the run is requested
  await expect(section.getByTestId('themes-status')).toHaveText(/Berekend op/, { timeout: 20_000 });
  // the same job run also computed the previous quarter (for the trend): read the page once more
  await page.reload();
  await expect(section.getByTestId('themes-status')).toHaveText(/Berekend op/, { timeout: 20_000 });
  const mould = section.getByRole('article').filter({ hasText: /schimmel/i });
  await expect(mould).toHaveCount(1);
  // the four complaints registered above (other journeys' complaints of this quarter may join a theme)
  const size = Number(
    /(\d+) klachten/.exec(
      (await mould
        .getByText(/\d+ klachten/)
        .first()
        .textContent()) ?? '',
    )?.[1],
  );
  expect(size).toBeGreaterThanOrEqual(4);
  await expect(mould.getByTestId('theme-trend')).toHaveText('Nieuw');
  await expect(mould).toContainText('Waarom dit thema');
  await expect(mould.getByRole('link')).toHaveCount(3); // three examples, as links to the cases
  const lift = section.getByRole('article').filter({ hasText: /lift/i });
  await expect(lift).toContainText(/\d+ klachten/);
  await checkAccessibility(page);
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await docScreenshot(page, 'mt-themes');

  // He turns the mould theme into an improvement action
  await mould.getByRole('button', { name: 'Maak verbeteractie' }).click();
  const dialog = page.getByRole('dialog', { name: 'Maak verbeteractie' });
  await expect(dialog.getByLabel('Titel van de verbeteractie')).toHaveValue(/^Aanpak thema: /);
  await transitionsDone(page);
  await checkAccessibility(page);
  await dialog
    .getByLabel('Titel van de verbeteractie')
    .fill('Schimmel goed aanpakken in plaats van overschilderen');
  await dialog.getByRole('button', { name: 'Verbeteractie aanmaken' }).click();
  await expect(dialog).toBeHidden();
  const linked = mould.getByTestId('theme-action');
  await expect(linked).toContainText('Schimmel goed aanpakken in plaats van overschilderen');
  await expect(linked).toContainText(`gemaakt in ${quarter}: toen ${size}, nu ${size} klachten`);
  await expect(mould.getByRole('button', { name: 'Maak verbeteractie' })).toHaveCount(0);
  await checkAccessibility(page);

  // The action remembers its theme and holds the theme's complaints
  await linked.getByRole('link', { name: 'Schimmel goed aanpakken in plaats van overschilderen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Schimmel goed aanpakken in plaats van overschilderen',
  );
  await expect(page.getByText('Gemaakt van thema')).toBeVisible();
  await expect(page.getByTestId('action-complaints').getByRole('listitem')).toHaveCount(size);
  await checkAccessibility(page);
});
