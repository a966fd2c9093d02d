import { shiftBrowserClock } from './clock.ts';
import {
  actThroughApi,
  apiOf,
  caseAction,
  createTenant,
  EVA,
  registerDiscussedPhoneComplaint,
  SANNE,
  signIn,
} from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(120_000);

test('the manager approves the compensation the handler asks for, and the answer can go out', async ({
  page,
  browser,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const { personId } = await createTenant(page, 'Dhr. Orhan Demir', '06 34567890', 16);
  // Registered, triaged and discussed already (not what this journey is about).
  // Subject "none": Eva keeps it in Klantcontact (routing is e2e/routing.spec.ts; this journey is the approval)
  const complaint = await registerDiscussedPhoneComplaint(
    page,
    personId,
    'Bij de reparatie van de dakgoot is mijn zonnescherm beschadigd geraakt.',
    'Besproken; de schade is op foto vastgelegd.',
  );
  await page.goto(`/klachten/${complaint.id}`);

  // Kind A with demonstrable damage: the compensation needs the manager's approval.
  await page.getByTestId('next-steps').getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  const assessment = page.getByRole('dialog', { name: 'Beoordeling vastleggen' });
  await assessment.getByRole('combobox', { name: 'Oordeel' }).selectOption({ label: 'Gegrond' });
  await assessment.getByLabel('Excuses aangeboden').check();
  await assessment.getByLabel('Fout toegegeven').check();
  await assessment.getByLabel('Aantoonbare (financiële) schade').check();
  await assessment.getByRole('textbox', { name: 'Vergoeding in euro' }).fill('75');
  await assessment.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await expect(page.getByTestId('next-steps')).toContainText('Vraag akkoord van de leidinggevende');
  // Issue 22: the answer waits for the approval, with the approver's name, instead of being refused on sending
  await expect(await caseAction(page, 'Antwoord versturen')).toBeDisabled();
  await expect(page.getByTestId('actions')).toContainText('Wacht op goedkeuring van Sanne de Groot.');

  // Someone else changes the complaint while a form is open: the form says so instead of overwriting.
  await (await caseAction(page, 'Notitie toevoegen')).click();
  const note = page.getByRole('dialog', { name: 'Notitie toevoegen' });
  await note.getByRole('textbox', { name: 'Notitie' }).fill('Foto’s opgevraagd.');
  const current = await apiOf(page).get<{ id: string; reference: string; version: number }>(
    `/api/complaints/${complaint.id}`,
  );
  await actThroughApi(page, current, 'notes', { text: 'Intussen door een collega toegevoegd.' });
  await note.getByRole('button', { name: 'Notitie toevoegen' }).click();
  await expect(note.getByTestId('error-summary')).toContainText(
    'Iemand anders heeft deze klacht net gewijzigd',
  );
  await note.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByTestId('timeline')).toContainText('Intussen door een collega toegevoegd.');

  await page.getByTestId('next-steps').getByRole('button', { name: 'Akkoord vragen' }).click();
  const request = page.getByRole('dialog', { name: 'Akkoord vragen' });
  await expect(request.getByRole('combobox', { name: 'Waarvoor?' })).toHaveValue('compensation');
  await request.getByRole('button', { name: 'Akkoord vragen' }).click();
  await expect(page.getByTestId('timeline')).toContainText('Akkoord gevraagd');

  // The manager, in another browser: her department's queue, then the approval.
  const managerContext = await browser.newContext({
    baseURL: process.env.GEHOORD_E2E_BASE_URL,
    viewport: { width: 1280, height: 720 },
  });
  await shiftBrowserClock(managerContext);
  const manager = await managerContext.newPage();
  await signIn(manager, demoAccount(SANNE));
  await manager.getByRole('tab', { name: 'Mijn afdeling' }).click();
  const queue = manager.getByTestId('work-queue');
  await expect(queue.getByRole('link', { name: complaint.reference })).toBeVisible();
  await checkAccessibility(manager);
  await queue.getByRole('link', { name: complaint.reference }).click();
  await expect(manager.getByTestId('next-steps')).toContainText('Wacht op goedkeuring van Sanne de Groot');
  await manager.getByTestId('next-steps').getByRole('button', { name: 'Akkoord geven' }).click();
  const approve = manager.getByRole('dialog', { name: 'Akkoord geven' });
  await expect(approve.getByRole('combobox', { name: 'Waarvoor?' })).toHaveValue('compensation');
  await expect(approve).toContainText('€ 75,00');
  await checkAccessibility(manager);
  await approve.getByRole('button', { name: 'Akkoord geven' }).click();
  await expect(manager.getByTestId('timeline')).toContainText('Akkoord gegeven');
  await expect(manager.getByTestId('next-steps')).toContainText('Verstuur het antwoord');
  await checkAccessibility(manager);
  await managerContext.close();

  // Back with the handler: the live refresh (or a focus) shows the approval; the answer goes out.
  await page.reload();
  await expect(page.getByTestId('next-steps')).toContainText('Verstuur het antwoord');

  // The complainant's photo notes arrive by e-mail: dropped on the case page, they are added to the file.
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(
      new File(['Zonnescherm, linkerkant gescheurd.'], 'schade-zonnescherm.txt', { type: 'text/plain' }),
    );
    return transfer;
  });
  await page.getByTestId('dropzone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.getByText('Toegevoegd: schade-zonnescherm.txt')).toBeVisible();
  await expect(
    page.getByTestId('attachments').getByRole('link', { name: 'schade-zonnescherm.txt' }),
  ).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Bijlage toegevoegd');
  await page.getByTestId('next-steps').getByRole('button', { name: 'Antwoord versturen' }).click();
  const answer = page.getByRole('dialog', { name: 'Antwoord versturen' });
  await answer
    .getByRole('textbox', { name: 'Tekst van het antwoord' })
    .fill(
      'Beste heer Demir,\n\nWij vergoeden de schade aan uw zonnescherm: € 75. Onze excuses.\n\nMet vriendelijke groet,',
    );
  await answer.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Beantwoord');
  // policy 2.4: the promised compensation is paid before the complaint is closed.
  await expect(page.getByTestId('next-steps')).toContainText('Betaal de toegezegde vergoeding');
  await checkAccessibility(page);
});
