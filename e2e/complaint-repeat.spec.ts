import type { Page } from '@playwright/test';
import {
  actThroughApi,
  apiOf,
  caseAction,
  createTenant,
  EVA,
  registerThroughApi,
  signIn,
} from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(150_000);

type Detail = { id: string; reference: string; version: number };

/** Discussed and assessed (kind B, policy right) through the API: not what this journey is about. */
async function discussAndAssess(page: Page, complaint: Detail): Promise<Detail> {
  const current = await actThroughApi(page, complaint, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: 'Besproken met de klager.',
  });
  return actThroughApi(page, current, 'assessment', {
    kind: 'disagrees_with_policy',
    verdict: 'not_upheld',
    discussedWithColleagues: true,
    finding: 'policy_right',
    explanation: 'Het beleid voor tuinonderhoud is zo bedoeld.',
  });
}

/** The intake of a repeat: the likely-repeats panel offers the earlier complaint, linked without new facts. */
async function registerRepeat(page: Page, earlierReference: string, departmentName: string) {
  await page.goto('/klachten/nieuw');
  await page.getByRole('combobox', { name: 'Zoek de klager' }).fill('Wim Hendriks');
  await page.getByRole('option', { name: /Wim Hendriks/ }).click();
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('Ik ben het nog steeds niet eens met de beslissing over de heg in de gemeenschappelijke tuin.');
  const repeats = page.getByTestId('likely-repeats');
  await expect(repeats).toContainText(earlierReference);
  const item = repeats.getByRole('listitem').filter({ hasText: earlierReference });
  await item.getByRole('button', { name: 'Dit is een herhaling hiervan' }).click();
  await expect(repeats).toContainText(`Vastgelegd als herhaling van ${earlierReference}`);
  await expect(repeats.getByRole('checkbox', { name: 'Zijn er nieuwe feiten?' })).not.toBeChecked();
  await page
    .getByRole('combobox', { name: 'Categorie' })
    .selectOption({ label: '3. Melding of verzoek om onjuiste reden afgewezen of verkeerd behandeld' });
  await page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: departmentName });
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop() ?? '';
}

test('a repeat complaint without new facts, twice: stand by the decision, then the last response', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const { personId } = await createTenant(page, 'Wim Hendriks', '06 45678901', 18);
  const departments = await apiOf(page).get<{ id: string; name: string }[]>('/api/departments');
  // Eva's own department, so the repeats stay with her (policy 1.3 would route another department's away)
  const klantcontact = departments.find((d) => d.name === 'Klantcontact');
  if (!klantcontact) throw new Error('demo department missing');

  // The original complaint, answered and closed.
  let original = await registerThroughApi(page, {
    channel: 'phone',
    complainantId: personId,
    description:
      'De heg in de gemeenschappelijke tuin wordt niet meer gesnoeid; ik wil dat de corporatie dat doet.',
  });
  original = await actThroughApi(page, original, 'triage', {
    outcome: 'complaint',
    category: 'request_wrongly_handled',
    subject: { kind: 'department', departmentId: klantcontact.id },
  });
  original = await discussAndAssess(page, original);
  original = await actThroughApi(page, original, 'answer', { text: 'Het snoeien is aan de bewoners.' });
  await actThroughApi(page, original, 'close');

  // First repeat, no new facts: the answer must stand by the decision.
  const firstId = await registerRepeat(page, original.reference, 'Klantcontact');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Klacht');
  await expect(page.getByText('Herhaalklacht: Geen nieuwe feiten: bij de beslissing blijven')).toBeVisible();
  await checkAccessibility(page);
  // The intake triaged it already; the call and the assessment are set up through the API.
  await discussAndAssess(page, await apiOf(page).get<Detail>(`/api/complaints/${firstId}`));
  await page.reload();
  await page.getByTestId('next-steps').getByRole('button', { name: 'Antwoord versturen' }).click();
  const answer = page.getByRole('dialog', { name: 'Antwoord versturen' });
  await answer
    .getByRole('textbox', { name: 'Tekst van het antwoord' })
    .fill('Wij begrijpen uw teleurstelling, maar blijven bij onze beslissing.');
  // Without saying so, the answer is refused with the domain's reason.
  await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(answer.getByTestId('error-summary')).toBeVisible();
  await checkAccessibility(page);
  await answer.getByRole('checkbox', { name: 'Het antwoord blijft bij het eerdere besluit' }).check();
  await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Beantwoord');
  await page.getByTestId('next-steps').getByRole('button', { name: 'Afsluiten' }).click();
  await page.getByRole('dialog', { name: 'Afsluiten' }).getByRole('button', { name: 'Afsluiten' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Afgesloten');

  // Second repeat, again no new facts: this answer is the last one on the matter, and must say so.
  await registerRepeat(page, original.reference, 'Klantcontact');
  await expect(page.getByText('Herhaalklacht: Weer geen nieuwe feiten: laatste reactie')).toBeVisible();
  await (await caseAction(page, 'Contact vastleggen')).click();
  const contact = page.getByRole('dialog', { name: 'Contact vastleggen' });
  await contact
    .getByRole('textbox', { name: 'Wat is er besproken?' })
    .fill('Gebeld; uitgelegd dat dit de laatste reactie is.');
  await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
  await page.getByTestId('next-steps').getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const assessment = page.getByRole('dialog', { name: 'Beoordeling vastleggen' });
  await assessment.getByRole('radio', { name: /B\. De klager is het niet eens/ }).check();
  await assessment.getByRole('combobox', { name: 'Oordeel' }).selectOption({ label: 'Ongegrond' });
  await assessment.getByLabel('Besproken met collega’s').check();
  await assessment
    .getByRole('combobox', { name: 'Uitkomst' })
    .selectOption({ label: 'Het beleid klopt: uitleggen aan de klager' });
  await assessment.getByRole('textbox', { name: 'Uitleg aan de klager' }).fill('Het beleid is ongewijzigd.');
  await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await page.getByTestId('next-steps').getByRole('button', { name: 'Antwoord versturen' }).click();
  const last = page.getByRole('dialog', { name: 'Antwoord versturen' });
  await last
    .getByRole('textbox', { name: 'Tekst van het antwoord' })
    .fill('Wij blijven bij onze beslissing. Dit is de laatste keer dat wij op deze kwestie reageren.');
  await last.getByRole('checkbox', { name: 'Het antwoord blijft bij het eerdere besluit' }).check();
  await last.getByRole('checkbox', { name: 'Het antwoord zegt dat dit de laatste reactie is' }).check();
  await checkAccessibility(page);
  await last.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Beantwoord');
});
