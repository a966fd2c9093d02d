import { docScreenshot } from './doc-screenshots.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';

// Issue 26 (decision 050): the MT's dashboard shows the satisfaction figures; an MT member makes the year's
// self-assessment with one click, publishes it, and the public page on the portal shows it to tenants.

const PIETER = 'pieter.vandijk@demo.gehoord.nl'; // management team

test('the MT makes the self-assessment, publishes it and opens the public page', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  test.setTimeout(120_000);
  const pieter = demoAccount(PIETER);
  await signInThroughPage(page, pieter.email, pieter.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText(pieter.name);

  // the dashboard: satisfaction figures of the last full quarter, the number of answers beside every score
  await page.goto('/mt');
  const satisfaction = page.getByTestId('satisfaction-figures');
  await expect(satisfaction.getByRole('heading', { level: 2 })).toContainText('Tevredenheid van klagers', {
    timeout: 20_000,
  });
  await expect(satisfaction.getByTestId('report-table-satisfaction_overall')).toContainText('Antwoorden');
  await checkAccessibility(page);

  await page.getByRole('link', { name: 'Zelfevaluatie klachtbehandeling' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Zelfevaluatie klachtbehandeling' }),
  ).toBeVisible();
  const year = await page.getByLabel('Jaar').inputValue();
  await page.getByRole('button', { name: new RegExp(`^Zelfevaluatie ${year} (opnieuw )?maken$`) }).click();
  const requirements = page.getByTestId('self-assessment-requirements');
  await expect(requirements.locator('tr[data-requirement="UK-6-TIMESCALES"]')).toContainText(
    'Beantwoorde klachten',
  );
  // decision 054: the portal's audit and whether the complainants' adjustments were followed
  await expect(requirements.locator('tr[data-requirement="UK-3-ACCESSIBILITY"]')).toContainText(
    'Klagers met een aanpassing',
  );
  // decision 054: the acknowledgement within five working days is measured now (its figures are shown, whatever
  // the demo year holds)
  const acknowledge = requirements.locator('tr[data-requirement="UK-6-ACKNOWLEDGE"]');
  await expect(acknowledge).toContainText('Binnen 5 werkdagen bevestigd');
  await expect(acknowledge).not.toContainText('Gehoord heeft hier geen gegevens over.');
  // version 2026.2: triage evidence, and a requirement Gehoord cannot prove says what the corporation must show
  await expect(requirements.locator('tr[data-requirement="UK-2-EXCLUSIONS"]')).toContainText(
    'Niet in behandeling genomen',
  );
  const training = requirements.locator('tr[data-requirement="UK-4-TRAINING"]');
  await expect(training).toContainText('Niet meetbaar');
  await expect(training).toContainText('Gehoord heeft hier geen gegevens over.');
  await expect(training).toContainText('Opleidingen staan niet in Gehoord.');
  await expect(page.getByTestId('self-assessment-summary')).toContainText('Voldaan:');
  await checkAccessibility(page);
  await docScreenshot(page, 'self-assessment');

  // the box follows the server: it is ticked once the publication is saved
  const publish = page.getByLabel('Publiceren op het klachtenportaal (voor huurders)');
  await publish.click();
  await expect(publish).toBeChecked();
  const publicLink = page.getByTestId('self-assessment-public-link');
  await expect(publicLink).toBeVisible();
  await expect(publicLink).toHaveAttribute('href', `/zelfevaluatie/${year}`);

  await page.goto(`/zelfevaluatie/${year}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Zelfevaluatie klachtbehandeling ${year}`);
  await expect(page.getByRole('table', { name: 'Bewijs bij UK-6-TIMESCALES' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Bewijs bij UK-7-PUTTING-RIGHT' })).toBeVisible();
  await expect(
    page.getByText('Wat ontbreekt: Opleidingen staan niet in Gehoord.', { exact: false }),
  ).toBeVisible();
  await checkAccessibility(page);
  await docScreenshot(page, 'self-assessment-public');

  // the same page in English through the language switch (decision 054), and back
  await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(new RegExp(`/en/self-assessment/${year}$`));
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Complaint handling self-assessment ${year}`,
  );
  await expect(
    page.getByRole('heading', {
      level: 2,
      name: 'A complaint is acknowledged and logged within five working days of receipt.',
    }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Evidence for UK-6-ACKNOWLEDGE' })).toContainText(
    'Acknowledged within 5 working days',
  );
  await expect(
    page.getByText('What is missing: Training is not recorded in Gehoord.', { exact: false }),
  ).toBeVisible();
  await checkAccessibility(page);
  await docScreenshot(page, 'self-assessment-public-en');
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Nederlands' }).click();
  await expect(page).toHaveURL(new RegExp(`/zelfevaluatie/${year}$`));
});

test('the staff page follows the chosen locale: requirement texts, verdicts, evidence and the English PDF link', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  test.setTimeout(120_000);
  const pieter = demoAccount(PIETER);
  await signInThroughPage(page, pieter.email, pieter.password);
  // signed in before leaving the page, or the navigation cancels the sign-in
  await expect(page.getByTestId('signed-in-user')).toHaveText(pieter.name);
  await page.goto('/mt/zelfevaluatie');
  const year = await page.getByLabel('Jaar').inputValue();
  await page.getByRole('button', { name: new RegExp(`^Zelfevaluatie ${year} (opnieuw )?maken$`) }).click();
  await expect(page.getByTestId('self-assessment-requirements')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Complaint-handling self-assessment' }),
  ).toBeVisible();
  const requirements = page.getByTestId('self-assessment-requirements');
  const acknowledge = requirements.locator('tr[data-requirement="UK-6-ACKNOWLEDGE"]');
  await expect(acknowledge).toContainText('A complaint is acknowledged and logged within five working days');
  await expect(acknowledge).toContainText('Acknowledged within 5 working days');
  const training = requirements.locator('tr[data-requirement="UK-4-TRAINING"]');
  await expect(training).toContainText('Not measurable');
  await expect(training).toContainText('Training is not recorded in Gehoord.');
  await expect(page.getByTestId('self-assessment-summary')).toContainText('Met:');
  await expect(page.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
    'href',
    `/api/self-assessments/${year}/pdf?lang=en`,
  );
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Nederlands' }).click();
});
