import { docScreenshot } from './doc-screenshots.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

const EVA = 'eva.jansen@demo.gehoord.nl';
const SANNE = 'sanne.degroot@demo.gehoord.nl';

type Complaint = { id: string; reference: string; handler: { name: string } | null };

test('a manager selects three complaints of her department and reassigns them in one go; the counts follow', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  // Eva (Klantcontact, managed by Sanne) registered three phone complaints that share one unusual word.
  const word = `tuinhekbulk${Date.now().toString(36)}`;
  const eva = demoAccount(EVA);
  const evaApi = await staffApiSession(baseURL as string, eva.email, eva.password);
  const registered: Complaint[] = [];
  for (const name of ['Mevrouw K. Jansen', 'De heer L. Bos', 'Mevrouw R. Smit'])
    registered.push(
      await evaApi.post<Complaint>('/api/complaints', {
        channel: 'phone',
        complainant: { name, phone: '06 12345678' },
        description: `Het ${word} bij de achteringang is al weken kapot.`,
      }),
    );
  await evaApi.dispose();

  const sanne = demoAccount(SANNE);
  await signInThroughPage(page, sanne.email, sanne.password);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werk');
  await expect(page.getByTestId('tab-count-mine')).toBeVisible({ timeout: 15_000 });
  const mineBefore = Number(await page.getByTestId('tab-count-mine').textContent());

  // Her department's queue, narrowed to the three
  await page.getByRole('tab', { name: 'Mijn afdeling' }).click();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(word);
  const queue = page.getByTestId('work-queue');
  for (const complaint of registered)
    await expect(queue.getByRole('row', { name: new RegExp(complaint.reference) })).toContainText(
      'Eva Jansen',
    );
  await expect(queue.getByRole('row')).toHaveCount(4);
  await checkAccessibility(page);

  // Select all on the page, then choose a handler: Sanne takes them herself
  await queue.getByRole('checkbox', { name: 'Alle klachten op deze pagina selecteren' }).check();
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toContainText('3 geselecteerd');
  await bar.getByRole('button', { name: 'Toewijzen', exact: true }).click();
  await expect(bar.getByText('Kies een behandelaar.')).toBeVisible();
  await checkAccessibility(page);
  await bar.getByLabel('Nieuwe behandelaar').selectOption({ label: 'Sanne de Groot (Klantcontact)' });
  await docScreenshot(page, 'work-queue-bulk');
  await bar.getByRole('button', { name: 'Toewijzen', exact: true }).click();

  await expect(page.getByTestId('bulk-result')).toContainText('3 toegewezen, 0 geweigerd.');
  await expect(page.getByTestId('bulk-bar')).toBeHidden();
  for (const complaint of registered)
    await expect(queue.getByRole('row', { name: new RegExp(complaint.reference) })).toContainText(
      'Sanne de Groot',
    );
  await expect(page.getByTestId('tab-count-mine')).toHaveText(String(mineBefore + 3));
  await checkAccessibility(page);

  // Deselecting one row of a new selection leaves two; clearing hides the bar again
  await queue.getByRole('checkbox', { name: 'Alle klachten op deze pagina selecteren' }).check();
  await queue.getByRole('checkbox', { name: `Klacht ${registered[0]?.reference} selecteren` }).uncheck();
  await expect(page.getByTestId('bulk-bar')).toContainText('2 geselecteerd');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Selectie opheffen' }).click();
  await expect(page.getByTestId('bulk-bar')).toBeHidden();

  // In "Mijn werk" they are hers now
  await page.getByRole('tab', { name: 'Mijn werk' }).click();
  for (const complaint of registered)
    await expect(queue.getByRole('link', { name: complaint.reference })).toBeVisible();
});
