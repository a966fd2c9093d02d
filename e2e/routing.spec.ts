import type { Browser, Page } from '@playwright/test';
import { createTenant, EVA, signIn } from './complaint-support.ts';
import { expect, type SavedAccount, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

// Issue 19, policy 1.3, 2.3, 3.2: Eva (Klantcontact) takes a phone call about Mohamed (Vastgoed & Onderhoud).
// The complaint goes to Mohamed; Pieter, his manager, is accountable and sees it in his team; the answer goes in
// cc to Pieter and Vastgoed & Onderhoud's management assistant; the MT's report counts it there.
const MOHAMED = 'mohamed.elamrani@demo.gehoord.nl';
const PIETER = 'pieter.vandijk@demo.gehoord.nl';
const RUUD = 'ruud.mulder@demo.gehoord.nl';

test.use({ viewport: { width: 1280, height: 800 } });
test.setTimeout(150_000);

async function pageFor(browser: Browser, account: SavedAccount): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env.GEHOORD_E2E_BASE_URL,
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
  });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

test('a complaint about an employee of another department goes to that employee, their manager and their assistant', async ({
  page,
  browser,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  // The scene: Vastgoed & Onderhoud, with Noor Vermeulen as its own management assistant in the demo.
  const ruud = demoAccount(RUUD);
  const admin = await staffApiSession(baseURL as string, ruud.email, ruud.password);
  const departments = await admin.get<{ id: string; name: string }[]>('/api/departments');
  const maintenance = departments.find((d) => d.name === 'Vastgoed & Onderhoud');
  expect(maintenance, 'demo department Vastgoed & Onderhoud').toBeDefined();
  await admin.dispose();

  // Eva registers the phone complaint; the triage names Mohamed as the person it is about.
  await signIn(page, demoAccount(EVA));
  await createTenant(page, 'De heer Karim Bouzid', '06 56789012', 22);
  await page.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
  await page.getByRole('combobox', { name: 'Zoek de klager' }).fill('2678AB 22');
  await page.getByRole('option', { name: /Karim Bouzid/ }).click();
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('De opzichter was onvriendelijk en liep weg toen ik een vraag stelde over de schimmel.');
  await page
    .getByLabel('Categorie')
    .selectOption({ label: '4. Onjuist behandeld door een medewerker of een partij die namens ons werkt' });
  await page.getByRole('radio', { name: 'Een medewerker' }).check();
  await page
    .getByRole('combobox', { name: 'Medewerker', exact: true })
    .selectOption({ label: 'Mohamed El Amrani' });
  await expect(page.getByRole('combobox', { name: 'Neemt de leidinggevende de klacht over?' })).toHaveValue(
    '',
  );
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  const complaintId = page.url().split('/').pop() ?? '';

  // Mohamed: the complaint is in "Mijn werk", and the case page says who is responsible.
  const mohamed = await pageFor(browser, demoAccount(MOHAMED));
  await expect(mohamed.getByRole('tab', { name: 'Mijn werk' })).toHaveAttribute('aria-selected', 'true');
  const queue = mohamed.getByTestId('work-queue');
  const link = queue.locator(`a[href="/klachten/${complaintId}"]`);
  await expect(link).toBeVisible();
  const reference = (await link.textContent())?.trim() ?? '';
  expect(reference).toMatch(/^K-\d{4}-\d{5}$/);
  await checkAccessibility(mohamed);
  await link.click();
  const panel = mohamed.getByTestId('responsibility');
  await expect(panel.getByRole('heading', { name: 'Verantwoordelijkheid' })).toBeVisible();
  await expect(panel).toContainText('Mohamed El Amrani (medewerker)');
  await expect(panel).toContainText('Vastgoed & Onderhoud');
  await expect(panel).toContainText('Eindverantwoordelijk');
  await expect(panel).toContainText('Pieter van Dijk (leidinggevende), Noor Vermeulen (managementassistent)');
  await expect(panel).not.toContainText('Dit moet nog geregeld worden');
  const timeline = mohamed.getByTestId('timeline');
  await expect(timeline).toContainText('Doorgezet');
  await expect(mohamed.getByTestId('routed-line')).toContainText(
    'Van: Eva Jansen (Klantcontact), leidinggevende Sanne de Groot → Naar: Mohamed El Amrani (Vastgoed & Onderhoud), leidinggevende Pieter van Dijk',
  );
  await checkAccessibility(mohamed);

  // Pieter, the accountable manager: the open complaint is in his team view.
  const pieter = await pageFor(browser, demoAccount(PIETER));
  await pieter.getByRole('link', { name: 'Team' }).click();
  await expect(pieter.getByRole('heading', { level: 1 })).toHaveText('Mijn team');
  await expect(pieter.getByRole('combobox', { name: 'Afdeling' })).toHaveValue(maintenance?.id ?? '');
  await expect(pieter.getByTestId('team-queue').getByRole('link', { name: reference })).toBeVisible();
  await checkAccessibility(pieter);

  // Mohamed calls, assesses and answers, all on the case page.
  await mohamed.getByTestId('next-steps').getByRole('button', { name: 'Contact vastleggen' }).click();
  const contact = mohamed.getByRole('dialog', { name: 'Contact vastleggen' });
  await contact
    .getByRole('textbox', { name: 'Wat is er besproken?' })
    .fill('Meneer gebeld en excuses gemaakt; de schimmel wordt volgende week bekeken.');
  await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
  await expect(mohamed.getByTestId('action-done')).toContainText('Contact vastleggen');
  await mohamed.getByTestId('next-steps').getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const assessment = mohamed.getByRole('dialog', { name: 'Beoordeling vastleggen' });
  await assessment.getByLabel('Oordeel').selectOption({ label: 'Gegrond' });
  await assessment.getByLabel('Excuses aangeboden').check();
  await assessment.getByLabel('Fout toegegeven').check();
  await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await expect(mohamed.getByTestId('next-steps')).toContainText('Verstuur het antwoord');
  await mohamed.getByTestId('next-steps').getByRole('button', { name: 'Antwoord versturen' }).click();
  const answer = mohamed.getByRole('dialog', { name: 'Antwoord versturen' });
  await expect(answer.getByTestId('answer-cc')).toHaveText(
    'Cc: Pieter van Dijk (leidinggevende), Noor Vermeulen (managementassistent)',
  );
  await checkAccessibility(mohamed);
  await answer.getByRole('button', { name: 'Begin met de standaardtekst' }).click();
  await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(mohamed.getByTestId('complaint-status')).toHaveText('Beantwoord');
  await expect(mohamed.getByTestId('answer')).toContainText('Cc: de leidinggevende, de managementassistent');
  await mohamed.context().close();

  // As MT member, Pieter's quarterly report counts it under Vastgoed & Onderhoud (policy 3.2).
  await pieter.getByRole('link', { name: 'Rapportages' }).click();
  await expect(pieter.getByRole('heading', { level: 1 })).toHaveText('Rapportages en inzicht');
  await pieter.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Vastgoed & Onderhoud' });
  await expect(pieter.getByRole('heading', { level: 2, name: /Vastgoed & Onderhoud/ })).toBeVisible();
  await pieter.getByTestId('kpi-received').getByRole('button').click();
  const drill = pieter.getByRole('dialog', { name: 'Klachten achter: Ontvangen' });
  await expect(drill.getByRole('link', { name: reference })).toBeVisible();
  await checkAccessibility(pieter);
  await pieter.context().close();
});
