import { docScreenshot } from './doc-screenshots.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

const EVA = 'eva.jansen@demo.gehoord.nl';
const SANNE = 'sanne.degroot@demo.gehoord.nl';

type Complaint = { id: string; reference: string; complainant: { id: string } };
type Page<T> = { items: T[] };

test('a manager finds a complaint in the team queue and reassigns it; the complex page is its folder', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  // Eva (Klantcontact, managed by Sanne) registered two phone complaints about complex 101 De Hoven.
  const eva = demoAccount(EVA);
  const evaApi = await staffApiSession(baseURL as string, eva.email, eva.password);
  const complexes = await evaApi.get<Page<{ id: string; complexNumber: string }>>(
    '/api/housing-complexes?search=De%20Hoven',
  );
  const deHoven = complexes.items.find((c) => c.complexNumber === '101');
  expect(deHoven).toBeDefined();
  const register = (name: string, description: string) =>
    evaApi.post<Complaint>('/api/complaints', {
      channel: 'phone',
      complainant: { name, phone: '06 12345678' },
      housingComplexId: deHoven?.id,
      description,
    });
  const first = await register('Mevrouw A. Bakker', 'De lift in De Hoven staat al twee weken stil.');
  const second = await register('De heer P. de Wit', 'De monteur is niet gekomen op de afgesproken dag.');
  await evaApi.dispose();

  const sanne = demoAccount(SANNE);
  await signInThroughPage(page, sanne.email, sanne.password);
  await page.getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn team');
  const queue = page.getByTestId('team-queue');
  await expect(queue.getByRole('link', { name: first.reference })).toBeVisible();
  await expect(queue.getByRole('row', { name: new RegExp(first.reference) })).toContainText('Eva Jansen');
  await checkAccessibility(page);
  await docScreenshot(page, 'team-view');

  // Reassign the first complaint to Lotte, from the queue.
  await queue.getByRole('button', { name: `Toewijzen ${first.reference}` }).click();
  const dialog = page.getByRole('dialog', { name: `Klacht ${first.reference} toewijzen` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(dialog.getByText('Kies wie de klacht gaat behandelen.')).toBeVisible();
  await checkAccessibility(page);
  await dialog.getByLabel('Nieuwe behandelaar').selectOption({ label: 'Lotte Bakker (Klantcontact)' });
  await dialog.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is toegewezen' })).toContainText(
    `Klacht ${first.reference} is toegewezen aan Lotte Bakker.`,
  );
  await expect(queue.getByRole('row', { name: new RegExp(first.reference) })).toContainText('Lotte Bakker');
  await expect(queue.getByRole('row', { name: new RegExp(second.reference) })).toContainText('Eva Jansen');

  // The other lists of the manager view, each a screen of its own.
  for (const tab of [
    'Wacht op mijn akkoord',
    'Te laat',
    'Binnenkort te laat',
    'Herhaalklachten per medewerker',
  ]) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await expect(page.getByRole('tabpanel')).not.toContainText('Bezig met laden');
    await checkAccessibility(page);
  }
  await expect(page.getByRole('tabpanel')).toContainText('Er zijn geen herhaalklachten');

  // The complex page: every complaint of De Hoven, newest first, with filters.
  await page.getByRole('link', { name: 'Zoeken' }).click();
  await page.getByLabel('Zoek complexen').fill('Hoven');
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await checkAccessibility(page);
  await page.getByTestId('search-results').getByRole('link', { name: '101 De Hoven' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('101 De Hoven');
  const folder = page.getByTestId('complex-complaints');
  const rows = folder.locator('tbody tr');
  // Other journeys may file complaints in the same complex: check ours and their order (newest first)
  await expect(folder).toContainText(second.reference);
  await expect(folder).toContainText(first.reference);
  const references = await rows.allTextContents();
  const position = (reference: string) => references.findIndex((text) => text.includes(reference));
  expect(position(second.reference)).toBeLessThan(position(first.reference));
  await checkAccessibility(page);
  await docScreenshot(page, 'complex-page');

  await page.getByLabel('Zoeken in klachten').fill('lift');
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(folder).toContainText(first.reference);
  await expect(folder).not.toContainText(second.reference);

  // The complainant's own page lists the complaint too.
  await page.goto(`/personen/${first.complainant.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mevrouw A. Bakker');
  await expect(page.getByTestId('person-complaints')).toContainText(first.reference);
  await checkAccessibility(page);
});
