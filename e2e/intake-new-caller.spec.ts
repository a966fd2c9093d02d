import { toInstant } from '../src/domain/business-time.ts';
import { type CalendarSettings, computeDueAt, describeTermProgress } from '../src/domain/index.ts';
import { addCalendarDays } from '../src/domain/local-date.ts';
import { e2eNow, e2eToday } from './clock.ts';
import { apiOf, EVA, signIn } from './complaint-support.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(90_000);

// Issue 22: a new caller. What was typed in the person search is carried over; the address is found by
// postcode and house number in the imported units, with its housing complex.

/** An imported unit of De Hoven at a house number no other journey uses. */
async function importedUnit(page: Parameters<typeof apiOf>[0], houseNumber: number) {
  const api = apiOf(page);
  const complexes = await api.get<{ items: { id: string }[] }>('/api/housing-complexes?search=Hoven');
  const complex = complexes.items[0];
  if (!complex) throw new Error('The demo organisation has no complex De Hoven');
  return (
    await api.post<{ id: string }>('/api/units', {
      housingComplexId: complex.id,
      street: 'Kerkpad',
      houseNumber,
      houseNumberAddition: 'B',
      postcode: '2679 XZ',
      place: 'Maasland',
    })
  ).body;
}

test('a new caller: the phone number typed in the search is kept, the address found by postcode', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const houseNumber = 500 + Math.floor(Math.random() * 9000);
  const unit = await importedUnit(page, houseNumber);
  await page.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe klacht registreren');

  // Counted as in the phone journey: every fill, choice and click, the free text apart.
  let interactions = 0;
  const act = async (action: () => Promise<unknown>) => {
    interactions += 1;
    await action();
  };
  const person = page.getByRole('combobox', { name: 'Zoek de klager' });
  await act(() => person.fill('06 4455 6677'));
  await expect(page.getByText('Niemand gevonden.')).toBeVisible();
  await act(() => page.getByRole('button', { name: 'Nieuwe klager invoeren' }).click());
  await expect(page.getByRole('textbox', { name: 'Telefoonnummer' })).toHaveValue('06 4455 6677');
  await expect(page.getByRole('textbox', { name: 'Naam' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Naam' }).fill('Meneer K. Demir');

  await act(() => page.getByRole('textbox', { name: /^Postcode/ }).fill('2679xz'));
  await act(() => page.getByRole('textbox', { name: 'Huisnummer' }).fill(String(houseNumber)));
  // One unit at that number: street, place, addition and complex filled in.
  await expect(page.getByTestId('intake-address-found')).toHaveText(
    `Gevonden: Kerkpad ${houseNumber}B, 2679 XZ Maasland`,
  );
  await expect(page.getByRole('textbox', { name: 'Straat' })).toHaveValue('Kerkpad');
  await expect(page.getByRole('textbox', { name: 'Plaats' })).toHaveValue('Maasland');
  await expect(page.getByRole('textbox', { name: /^Toevoeging/ })).toHaveValue('B');
  await expect(page.getByTestId('intake-complex')).toContainText('De Hoven');
  await checkAccessibility(page);

  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('Sinds mijn verhuizing is de voordeur niet gerepareerd, ondanks twee meldingen.');
  await act(() =>
    page
      .getByLabel('Categorie')
      .selectOption({ label: '1. Geen of te laat antwoord op een verzoek of vraag' }),
  );
  await act(() => page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Klantcontact' }));
  await docScreenshot(page, 'intake');
  await act(() => page.getByRole('button', { name: 'Klacht registreren' }).click());

  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  console.log(`New-caller intake: ${interactions} interactions besides the free text`);
  expect(interactions).toBeLessThanOrEqual(7);
  const detail = await apiOf(page).get<{
    complainant: { name: string; phone: string | null };
    unit: { id: string; postcode: string } | null;
    housingComplex: { name: string } | null;
  }>(`/api/complaints/${page.url().split('/').pop()}`);
  expect(detail.complainant).toMatchObject({ name: 'Meneer K. Demir', phone: '06 4455 6677' });
  expect(detail.unit).toMatchObject({ id: unit.id, postcode: '2679XZ' });
  expect(detail.housingComplex?.name).toBe('De Hoven');
});

test('a name or an e-mail address typed in the search lands in its own field; an unknown address is typed in', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  await page.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
  const person = page.getByRole('combobox', { name: 'Zoek de klager' });
  await person.fill('Zzyzx Onbekend');
  await page.getByRole('button', { name: 'Nieuwe klager invoeren' }).click();
  await expect(page.getByRole('textbox', { name: 'Naam' })).toHaveValue('Zzyzx Onbekend');
  await expect(page.getByRole('textbox', { name: 'Telefoonnummer' })).toHaveValue('');

  await page.getByRole('button', { name: 'Andere klager kiezen' }).click();
  await person.fill('zzyzx@example.nl');
  await page.getByRole('button', { name: 'Nieuwe klager invoeren' }).click();
  await expect(page.getByRole('textbox', { name: 'E-mailadres' })).toHaveValue('zzyzx@example.nl');

  await page.getByRole('textbox', { name: /^Postcode/ }).fill('9999 ZZ');
  await page.getByRole('textbox', { name: 'Huisnummer' }).fill('1');
  await expect(page.getByTestId('intake-address-unknown')).toContainText('niet in onze woningen');
  await expect(page.getByRole('textbox', { name: 'Straat' })).toBeEditable();
  await checkAccessibility(page);
});

test('a letter received long ago: the due date is past, said plainly, and it can still be registered', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  await page.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
  await expect(page.getByTestId('intake-due-warning')).toHaveCount(0);
  const settings = await apiOf(page).get<CalendarSettings>('/api/calendar-settings');
  // Three weeks before the server's today, 10:00 in Amsterdam (the form's time zone)
  const receivedDay = addCalendarDays(e2eToday(), -21);
  const received = toInstant({ date: receivedDay, hour: 10, minute: 0, second: 0, millisecond: 0 });
  const local = `${receivedDay}T10:00`;
  await page.getByRole('radio', { name: 'Brief' }).check();
  await page.getByLabel('Ontvangen op').fill(local);
  const progress = describeTermProgress(e2eNow(), computeDueAt(received, settings).dueAt, settings);
  expect(progress.state).toBe('overdue');
  const late = progress.state === 'overdue' ? progress.workingDaysLate : -1;
  await expect(page.getByTestId('intake-due-warning')).toContainText(
    `de termijn is al verstreken (${late} ${late === 1 ? 'werkdag' : 'werkdagen'} te laat)`,
  );
  await checkAccessibility(page);

  await page.getByRole('combobox', { name: 'Zoek de klager' }).fill('Brief Schrijver');
  await page.getByRole('button', { name: 'Nieuwe klager invoeren' }).click();
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('Ik schreef drie weken geleden al dat de verwarming in de gang niet werkt.');
  await page
    .getByLabel('Categorie')
    .selectOption({ label: '1. Geen of te laat antwoord op een verzoek of vraag' });
  await page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Klantcontact' });
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('complaint-term')).toContainText('te laat');
});
