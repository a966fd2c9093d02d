import type { Page } from '@playwright/test';
import { actThroughApi, apiOf, createTenant, EVA, registerThroughApi, signIn } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(150_000);

type Detail = {
  id: string;
  reference: string;
  version: number;
  representative: { name: string; relation: string; phone: string | null; consentNoted: boolean } | null;
  housingComplex: { name: string; complexNumber: string } | null;
  complainantLocale: string;
  handler: { name: string } | null;
  responsibleManager: { name: string } | null;
  repeat: {
    earlierComplaintId: string;
    kind: string;
    lawyer: string;
    cause: string | null;
    employee: { name: string } | null;
    requirements: Record<string, unknown>;
  } | null;
};

/** An earlier complaint of the tenant, answered and closed through the API: not what this journey is about. */
async function closedComplaint(page: Page, personId: string): Promise<{ id: string; reference: string }> {
  let complaint = await registerThroughApi(page, {
    channel: 'phone',
    complainantId: personId,
    description:
      'De afvoer van de gezamenlijke berging raakt steeds verstopt; ik wil dat die wordt vervangen.',
  });
  complaint = await actThroughApi(page, complaint, 'triage', {
    outcome: 'complaint',
    category: 'request_wrongly_handled',
    // no subject named: the registrant keeps it (policy 2.3) and answers it here
    subject: { kind: 'none' },
  });
  complaint = await actThroughApi(page, complaint, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: 'Besproken met de klager.',
  });
  complaint = await actThroughApi(page, complaint, 'assessment', {
    kind: 'disagrees_with_policy',
    verdict: 'not_upheld',
    discussedWithColleagues: true,
    finding: 'policy_right',
    explanation: 'De afvoer wordt eerst gereinigd; vervangen doen we bij groot onderhoud.',
  });
  complaint = await actThroughApi(page, complaint, 'answer', { text: 'De afvoer wordt gereinigd.' });
  return actThroughApi(page, complaint, 'close');
}

/** Intake start: the tenant chosen, the complaint typed, the earlier complaint linked as its repeat. */
async function startRepeatIntake(page: Page, tenant: string, description: string, earlierReference: string) {
  await page.goto('/klachten/nieuw');
  const person = page.getByRole('combobox', { name: 'Zoek de klager' });
  await expect(person).toBeFocused();
  await page.keyboard.type(tenant);
  await page.getByRole('option', { name: new RegExp(tenant) }).click();
  await expect(page.getByTestId('person-details')).toContainText('Complex: De Hoven');
  await page.getByRole('textbox', { name: 'Wat is de klacht?' }).fill(description);
  const repeats = page.getByTestId('likely-repeats');
  const item = repeats.getByRole('listitem').filter({ hasText: earlierReference });
  await item.getByRole('button', { name: 'Dit is een herhaling hiervan' }).click();
  await expect(repeats).toContainText(`Vastgelegd als herhaling van ${earlierReference}`);
  return repeats;
}

test('the back office registers a representative, another housing complex and a lawyer’s repeat', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const { personId } = await createTenant(page, 'Truus Willems', '06 34567891', 22);
  const original = await closedComplaint(page, personId);

  const repeats = await startRepeatIntake(
    page,
    'Truus Willems',
    'Mijn advocaat gaat dit oppakken: de afvoer van de berging is weer verstopt en niemand doet iets.',
    original.reference,
  );

  // The unit brings its complex; this complaint is about the storage in another complex, chosen by keyboard.
  const complex = page.getByTestId('intake-complex');
  await expect(complex).toContainText('Complex van het adres: De Hoven');
  await complex.getByRole('button', { name: 'Ander complex kiezen' }).click();
  const complexSearch = page.getByRole('combobox', { name: /^Complex/ });
  await expect(complexSearch).toBeFocused();
  await page.keyboard.type('Kerkp');
  // Before typing, the first complexes are offered; typing narrows them to the match.
  await expect(page.getByRole('listbox').getByRole('option')).toHaveText([/102 Kerkpolder · Maasland/]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(complexSearch).toHaveValue(/102 Kerkpolder/);

  // The daughter calls on her mother's behalf (policy 1.1).
  await page.getByRole('checkbox', { name: 'Iemand anders klaagt namens de klager' }).check();
  await page.getByRole('textbox', { name: 'Naam van de vertegenwoordiger' }).fill('Ilse Willems');
  await page.getByRole('textbox', { name: 'Relatie met de klager' }).fill('dochter');
  await page.getByRole('textbox', { name: /Telefoonnummer van de vertegenwoordiger/ }).fill('06 98765432');
  await page.getByRole('checkbox', { name: /De klager vindt het goed/ }).check();
  // Issue 21: the family reads Polish best; mails and letters to the complainant go in Polish
  await page.getByRole('combobox', { name: 'Taal van de klager' }).selectOption({ label: 'Pools' });

  // policy 2.6: no new facts, and a lawyer is threatened: legal advice comes first.
  await expect(
    repeats.getByRole('radio', { name: 'De klager is het niet eens met ons besluit' }),
  ).toBeChecked();
  await repeats.getByRole('radio', { name: 'De klager dreigt met een advocaat of jurist' }).check();
  await page
    .getByRole('combobox', { name: 'Categorie' })
    .selectOption({ label: '3. Melding of verzoek om onjuiste reden afgewezen of verkeerd behandeld' });
  await page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Wonen' });
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Klacht registreren' }).click();

  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('complaint-status')).toHaveText('In behandeling');
  await expect(page.getByText('Ilse Willems (dochter) · 06 98765432 · toestemming vastgelegd')).toBeVisible();
  await expect(page.getByText('102 Kerkpolder')).toBeVisible();
  await expect(
    page.getByText(
      'De klager is het niet eens met ons besluit · De klager dreigt met een advocaat of jurist',
    ),
  ).toBeVisible();
  await expect(page.getByText('Juridisch advies nodig')).toBeVisible();
  await expect(page.getByTestId('complainant-locale')).toHaveText('Pools');
  await checkAccessibility(page);

  const id = page.url().split('/').pop() ?? '';
  const detail = await apiOf(page).get<Detail>(`/api/complaints/${id}`);
  expect(detail.representative).toMatchObject({
    name: 'Ilse Willems',
    relation: 'dochter',
    phone: '06 98765432',
    consentNoted: true,
  });
  expect(detail.housingComplex).toMatchObject({ complexNumber: '102', name: 'Kerkpolder' });
  expect(detail.complainantLocale).toBe('pl');
  expect(detail.repeat).toMatchObject({
    earlierComplaintId: original.id,
    kind: 'disagrees_with_decision',
    lawyer: 'lawyer_threatened',
    requirements: { legalAdvice: true },
  });
});

test('a repeat caused by an employee’s late answer goes to that employee’s manager', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const { personId } = await createTenant(page, 'Kees Brouwer', '06 45678912', 24);
  const original = await closedComplaint(page, personId);

  const repeats = await startRepeatIntake(
    page,
    'Kees Brouwer',
    'Er zou een monteur bellen over de afvoer, maar niemand heeft ooit teruggebeld.',
    original.reference,
  );
  await repeats.getByRole('radio', { name: 'Een medewerker antwoordde te laat, niet of niet goed' }).check();
  // The triage waits for the handler the manager chooses (policy 2.6).
  await expect(page.getByTestId('triage-left-to-handler')).toContainText(
    'De leidinggevende van de medewerker',
  );

  // Nothing chosen: the form names both fields.
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /Welke medewerker\?/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Wat ging er mis\?/ })).toBeVisible();

  // A board member has no manager to decide: the server refuses, and the form shows it at the field.
  const employee = page.getByRole('combobox', { name: 'Welke medewerker?' });
  await employee.selectOption({ label: 'Henk Visser' });
  await page
    .getByRole('combobox', { name: 'Wat ging er mis?' })
    .selectOption({ label: 'Te laat geantwoord' });
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  await expect(summary).toContainText('Deze medewerker heeft geen leidinggevende');
  await expect(employee).toHaveAccessibleDescription(/Deze medewerker heeft geen leidinggevende/);
  await checkAccessibility(page);

  await employee.selectOption({ label: 'Mohamed El Amrani' });
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('complaint-status')).toHaveText('Nieuw');
  await expect(page.getByText('Te laat geantwoord: Mohamed El Amrani')).toBeVisible();
  await expect(page.getByTestId('next-steps')).toContainText('Wijs een behandelaar toe');
  await expect(page.getByTestId('timeline')).toContainText('Herhaling door een medewerker geteld');
  await checkAccessibility(page);

  const id = page.url().split('/').pop() ?? '';
  const detail = await apiOf(page).get<Detail>(`/api/complaints/${id}`);
  expect(detail.handler).toBeNull();
  expect(detail.responsibleManager?.name).toBe('Pieter van Dijk');
  expect(detail.repeat).toMatchObject({
    kind: 'employee_response',
    cause: 'late',
    lawyer: 'none',
    employee: { name: 'Mohamed El Amrani' },
    requirements: { managerApproval: true },
  });
});
