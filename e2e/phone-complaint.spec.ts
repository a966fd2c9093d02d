import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { type CalendarSettings, computeDueAt, describeTermProgress } from '../src/domain/index.ts';
import { e2eNow } from './clock.ts';
import { apiOf, caseAction, createTenant, EVA, signIn } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

// Screenshots for docs/screenshots are only rewritten on request: GEHOORD_SCREENSHOTS=1 npm run test:e2e.
const screenshots = process.env.GEHOORD_SCREENSHOTS === '1';
async function screenshot(page: Page, name: string) {
  if (!screenshots) return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

test.use({ viewport: { width: 1280, height: 720 } });
// A whole case from intake to closing, with an accessibility scan on every screen: longer than one page.
test.setTimeout(120_000);

test('a phone complaint is registered while the caller waits, then answered and closed within the term', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  await createTenant(page, 'Mevrouw Anna Bakker', '06 12345678', 12);
  await checkAccessibility(page);

  // Probe: opening the intake screen (its data loaded) on this machine now. The intake below must take under a
  // minute, or on a busy machine under 15 such openings (a few searches and one registration)
  const opening = Date.now();
  await page.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe klacht registreren');
  // The due date is there before anything is typed: the receipt time defaults to now.
  await expect(page.getByTestId('intake-due-date')).toContainText('Antwoord uiterlijk');
  const limitSeconds = Math.max(60, (15 * (Date.now() - opening)) / 1000);
  await checkAccessibility(page);

  // The intake itself, counted: every fill, choice and click a trained user makes from here, the free text
  // apart (issue 22: at most 5 for a known caller).
  let interactions = 0;
  const act = async (action: () => Promise<unknown>) => {
    interactions += 1;
    await action();
  };
  const started = Date.now();
  const person = page.getByRole('combobox', { name: 'Zoek de klager' });
  await act(() => person.fill('2678AB 12'));
  await act(() => page.getByRole('option', { name: /Mevrouw Anna Bakker/ }).click());
  await expect(page.getByTestId('person-details')).toContainText('Complex: De Hoven');
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('De monteur is drie keer niet gekomen op de afgesproken tijd, en niemand belde af.');
  await act(() =>
    page
      .getByLabel('Categorie')
      .selectOption({ label: '1. Geen of te laat antwoord op een verzoek of vraag' }),
  );
  await act(() => page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Klantcontact' }));
  // docs/screenshots/intake.png is the new caller's intake (e2e/intake-new-caller.spec.ts).
  await act(() => page.getByRole('button', { name: 'Klacht registreren' }).click());

  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `Phone intake: ${interactions} interactions besides the free text, ${seconds.toFixed(1)} s (limit ${limitSeconds.toFixed(0)} s)`,
  );
  expect(interactions).toBeLessThanOrEqual(5);
  expect(seconds).toBeLessThan(limitSeconds);

  await expect(page.getByTestId('complaint-status')).toHaveText('In behandeling');
  // Five working days from day 0 (policy 2.3): on a weekend evening that is one more from today.
  const detail = await apiOf(page).get<{ receivedAt: string }>(
    `/api/complaints/${page.url().split('/').pop()}`,
  );
  const settings = await apiOf(page).get<CalendarSettings>('/api/calendar-settings');
  expect(settings.termWorkingDays).toBe(5);
  const progress = describeTermProgress(
    e2eNow(),
    computeDueAt(new Date(detail.receivedAt), settings).dueAt,
    settings,
  );
  expect(progress.state).toBe('on_track');
  await expect(page.getByTestId('complaint-term')).toContainText(
    `nog ${progress.state === 'on_track' ? progress.workingDaysLeft : '?'} werkdagen`,
  );
  await expect(page.getByTestId('next-steps')).toContainText('Bespreek de klacht telefonisch of persoonlijk');
  await checkAccessibility(page);

  // Forbidden steps are not up front; under "Meer acties" they are there, disabled, with the reason.
  const close = await caseAction(page, 'Afsluiten');
  await expect(close).toBeDisabled();
  await expect(close).toHaveAccessibleDescription('Niet mogelijk bij de status “In behandeling”.');
  await expect(await caseAction(page, 'Akkoord geven')).toHaveAccessibleDescription(
    'Alleen de verantwoordelijke leidinggevende.',
  );
  await checkAccessibility(page);

  // Log the call back: the step the domain asks for first.
  await page.getByTestId('next-steps').getByRole('button', { name: 'Contact vastleggen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Contact vastleggen' });
  await dialog.getByRole('button', { name: 'Contact vastleggen' }).click();
  await expect(dialog.getByTestId('error-summary')).toContainText('Wat is er besproken?: Vul dit veld in.');
  await checkAccessibility(page);
  await dialog
    .getByRole('textbox', { name: 'Wat is er besproken?' })
    .fill('Mevrouw gebeld. Excuses gemaakt; de monteur komt donderdag om 9 uur.');
  await dialog.getByRole('button', { name: 'Contact vastleggen' }).click();
  await expect(page.getByTestId('action-done')).toContainText('Contact vastleggen');
  await expect(page.getByTestId('next-steps')).toContainText('Beoordeel de klacht aan de hand van beleid');

  // Assessment, kind A: our procedure was not followed.
  await page.getByTestId('next-steps').getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const assessment = page.getByRole('dialog', { name: 'Beoordeling vastleggen' });
  await assessment.getByLabel('Oordeel').selectOption({ label: 'Gegrond' });
  await assessment.getByLabel('Excuses aangeboden').check();
  await assessment.getByLabel('Fout toegegeven').check();
  await checkAccessibility(page);
  await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await expect(page.getByTestId('next-steps')).toContainText('Verstuur het antwoord');

  // The answer, from the standard text, to the complainant with cc to manager and management assistant.
  await page.getByTestId('next-steps').getByRole('button', { name: 'Antwoord versturen' }).click();
  const answer = page.getByRole('dialog', { name: 'Antwoord versturen' });
  await expect(answer).toContainText('met een kopie aan de leidinggevende en de managementassistent');
  await answer.getByRole('button', { name: 'Begin met de standaardtekst' }).click();
  await expect(answer.getByRole('textbox', { name: 'Tekst van het antwoord' })).toHaveValue(
    /Ons oordeel: uw klacht is gegrond\./,
  );
  await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Beantwoord');
  await expect(page.getByTestId('answer')).toContainText('Aan: de klager');
  await expect(page.getByTestId('answer')).toContainText('Cc: de leidinggevende, de managementassistent');

  await page.getByTestId('next-steps').getByRole('button', { name: 'Afsluiten' }).click();
  await page.getByRole('dialog', { name: 'Afsluiten' }).getByRole('button', { name: 'Afsluiten' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Afgesloten');
  await expect(page.getByTestId('next-steps')).toContainText('Er hoeft niets meer te gebeuren.');
  const timeline = page.getByTestId('timeline');
  for (const event of [
    'Geregistreerd',
    'Aangenomen als klacht',
    'Contact met de klager',
    'Beoordeling vastgelegd',
    'Beantwoord',
    'Afgesloten',
  ])
    await expect(timeline).toContainText(event);
  await checkAccessibility(page);

  // Back in the queue: the closed complaint is found by its reference under "Alle klachten".
  const reference =
    (await page.getByRole('heading', { level: 1 }).textContent())?.replace('Klacht ', '') ?? '';
  await page.getByRole('link', { name: /Terug naar het werk/ }).click();
  await page.getByRole('tab', { name: 'Alle klachten' }).click();
  // The queue shows open complaints unless asked for the closed ones too (issue 22)
  // (the filter form is drawn anew from the address, so click and then look, rather than check())
  const showClosed = page.getByRole('checkbox', { name: 'Ook afgesloten klachten tonen' });
  await showClosed.click();
  await expect(showClosed).toBeChecked();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(reference);
  await expect(page.getByTestId('work-queue').getByRole('link', { name: reference })).toBeVisible();
  await expect(page.getByTestId('work-queue')).toContainText('Mevrouw Anna Bakker');
  await expect(page.getByTestId('work-queue')).toContainText('De Hoven');
  await checkAccessibility(page);

  // A filter worth keeping is saved under a name, and comes back with one click.
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await page.getByRole('button', { name: /^Afgesloten: \d+$/ }).click();
  await expect(page).toHaveURL(/status=closed/);
  await page.getByRole('textbox', { name: 'Naam van het filter' }).fill('Afgesloten klachten');
  await page.getByRole('button', { name: 'Huidige filters opslaan' }).click();
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page).not.toHaveURL(/status=closed/);
  await page.getByRole('button', { name: 'Afgesloten klachten', exact: true }).click();
  await expect(page).toHaveURL(/status=closed/);
  await expect(page.getByTestId('work-queue')).toContainText(reference);
  await checkAccessibility(page);

  // The whole queue, as the screenshot in the README shows it (this journey runs after the other ones).
  await page.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(page.getByTestId('work-queue')).toContainText('Klager');
  await screenshot(page, 'work-queue');
});
