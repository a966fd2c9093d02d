import { shiftBrowserClock } from './clock.ts';
import {
  caseAction,
  createTenant,
  EVA,
  registerDiscussedPhoneComplaint,
  SANNE,
  signIn,
} from './complaint-support.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(120_000);

// Issue 22: "send answer" waits for the manager by name, the request proposes the compensation, the manager
// approves in place in her list with the amount shown, and then the answer can go.
test('the answer waits for the manager’s approval of the compensation, approved in place in her list', async ({
  page,
  browser,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const { personId } = await createTenant(page, 'Mevr. Ilse Kramer', '06 45678901', 18);
  const complaint = await registerDiscussedPhoneComplaint(
    page,
    personId,
    'De schilder heeft verf gemorst op mijn nieuwe vloer.',
    'Besproken; foto’s van de vloer ontvangen.',
  );
  await page.goto(`/klachten/${complaint.id}`);

  // The officer records the compensation: the answer is shown waiting for Sanne, not offered and then refused.
  await page.getByTestId('next-steps').getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const assessment = page.getByRole('dialog', { name: 'Beoordeling vastleggen' });
  await assessment.getByRole('combobox', { name: 'Oordeel' }).selectOption({ label: 'Gegrond' });
  await assessment.getByLabel('Excuses aangeboden').check();
  await assessment.getByLabel('Fout toegegeven').check();
  await assessment.getByLabel('Aantoonbare (financiële) schade').check();
  await assessment.getByRole('textbox', { name: 'Vergoeding in euro' }).fill('120,50');
  await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  // Waiting, it is not up front but under "Meer acties", disabled with the reason (decision 037)
  const send = await caseAction(page, 'Antwoord versturen');
  await expect(send).toBeDisabled();
  await expect(send).toHaveAccessibleDescription('Wacht op goedkeuring van Sanne de Groot.');
  await checkAccessibility(page);

  // Asking: the compensation is proposed, with its amount; afterwards the next step waits for Sanne by name.
  await page.getByTestId('next-steps').getByRole('button', { name: 'Akkoord vragen' }).click();
  const request = page.getByRole('dialog', { name: 'Akkoord vragen' });
  const subject = request.getByRole('combobox', { name: 'Waarvoor?' });
  await expect(subject).toHaveValue('compensation');
  await expect(subject).toContainText('€ 120,50');
  await request
    .getByRole('textbox', { name: /Toelichting/ })
    .fill('Nieuwe vloer, offerte van de vloerlegger.');
  await checkAccessibility(page);
  await request.getByRole('button', { name: 'Akkoord vragen' }).click();
  await expect(page.getByTestId('timeline')).toContainText('Akkoord gevraagd');
  const nextSteps = page.getByTestId('next-steps');
  await expect(nextSteps).toContainText('Wacht op goedkeuring van Sanne de Groot');
  await expect(nextSteps).not.toContainText('Vraag akkoord');
  await expect(nextSteps.getByRole('button', { name: 'Akkoord vragen' })).toHaveCount(0);
  await checkAccessibility(page);

  // The manager, in her own browser: the list shows subject, amount and motivation; she approves in place.
  const managerContext = await browser.newContext({
    baseURL: process.env.GEHOORD_E2E_BASE_URL,
    viewport: { width: 1280, height: 720 },
  });
  await shiftBrowserClock(managerContext);
  const manager = await managerContext.newPage();
  await signIn(manager, demoAccount(SANNE));
  await manager.goto('/team');
  await manager.getByRole('tab', { name: 'Wacht op mijn akkoord' }).click();
  const list = manager.getByTestId('approvals-waiting');
  const row = list.getByRole('row', { name: new RegExp(complaint.reference) });
  await expect(row).toContainText('Een vergoeding');
  await expect(row).toContainText('€ 120,50');
  await expect(row).toContainText('Nieuwe vloer, offerte van de vloerlegger.');
  await expect(row).toContainText('Mevr. Ilse Kramer');
  await checkAccessibility(manager);
  await docScreenshot(manager, 'approvals-waiting');

  // Refusing needs a reason: an empty one is refused in place; with a reason the list updates.
  await row.getByRole('button', { name: `Weigeren ${complaint.reference}` }).click();
  await row.getByRole('button', { name: 'Weigering versturen' }).click();
  await expect(row).toContainText('Schrijf op waarom u weigert');
  await checkAccessibility(manager);
  await row.getByRole('textbox', { name: /Reden van de weigering/ }).fill('Graag eerst een tweede offerte.');
  await row.getByRole('button', { name: 'Weigering versturen' }).click();
  await expect(manager.getByText(`Akkoord geweigerd voor ${complaint.reference}.`)).toBeVisible();
  await expect(list.getByRole('link', { name: complaint.reference })).toHaveCount(0);

  // The officer reads why, and asks again (the compensation proposed again).
  await page.reload();
  await expect(page.getByTestId('timeline')).toContainText('Akkoord geweigerd');
  await expect(page.getByTestId('timeline')).toContainText('Graag eerst een tweede offerte.');
  await expect(await caseAction(page, 'Antwoord versturen')).toBeDisabled();
  await page.getByTestId('next-steps').getByRole('button', { name: 'Akkoord vragen' }).click();
  await expect(request.getByRole('combobox', { name: 'Waarvoor?' })).toHaveValue('compensation');
  await request.getByRole('textbox', { name: /Toelichting/ }).fill('Tweede offerte is even hoog.');
  await request.getByRole('button', { name: 'Akkoord vragen' }).click();
  await expect(nextSteps).toContainText('Wacht op goedkeuring van Sanne de Groot');

  // The manager's list shows the new request; she approves it in place.
  await manager.reload();
  await manager.getByRole('tab', { name: 'Wacht op mijn akkoord' }).click();
  await expect(row).toContainText('Tweede offerte is even hoog.');
  await expect(row).toContainText('€ 120,50');
  await row.getByRole('button', { name: `Akkoord geven ${complaint.reference}` }).click();
  await expect(manager.getByText(`Akkoord gegeven voor ${complaint.reference}.`)).toBeVisible();
  await expect(list.getByRole('link', { name: complaint.reference })).toHaveCount(0);
  await checkAccessibility(manager);
  await managerContext.close();

  // Back with the officer: the answer can go now.
  await page.reload();
  await expect(page.getByTestId('timeline')).toContainText('Akkoord gegeven');
  await expect(await caseAction(page, 'Antwoord versturen')).toBeEnabled();
  await page.getByTestId('next-steps').getByRole('button', { name: 'Antwoord versturen' }).click();
  const answer = page.getByRole('dialog', { name: 'Antwoord versturen' });
  await answer
    .getByRole('textbox', { name: 'Tekst van het antwoord' })
    .fill(
      'Beste mevrouw Kramer,\n\nWij vergoeden de schade aan uw vloer: € 120,50. Onze excuses.\n\nMet vriendelijke groet,',
    );
  await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Beantwoord');
  await checkAccessibility(page);
});
