import { createTenant, EVA, signIn } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

// Issue 22, policy 1.3: a complaint about a contractor is registered at intake by choosing the contractor from the
// administrator's list; it goes to the department responsible for that contractor, and the case says so.
const RUUD = 'ruud.mulder@demo.gehoord.nl';

test('a complaint about a contractor goes to the department responsible for it', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  const run = Date.now().toString(36);
  const contractorName = `Schilders Westland ${run}`;
  const ruud = demoAccount(RUUD);
  const admin = await staffApiSession(baseURL as string, ruud.email, ruud.password);
  const departments = await admin.get<{ id: string; name: string }[]>('/api/departments');
  const maintenance = departments.find((d) => d.name === 'Vastgoed & Onderhoud');
  expect(maintenance, 'demo department Vastgoed & Onderhoud').toBeDefined();
  await admin.post('/api/contractors', {
    name: contractorName,
    trade: 'schilder',
    responsibleDepartmentId: maintenance?.id,
  });
  await admin.dispose();

  await signIn(page, demoAccount(EVA));
  await createTenant(page, 'Mevrouw Ilse Bakker', '06 11223344', 40);
  await page.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
  await page.getByRole('combobox', { name: 'Zoek de klager' }).fill('2678AB 40');
  await page.getByRole('option', { name: /Ilse Bakker/ }).click();
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('De schilder liet de voordeur twee dagen openstaan en nam niet op toen ik belde.');
  await page
    .getByLabel('Categorie')
    .selectOption({ label: '4. Onjuist behandeld door een medewerker of een partij die namens ons werkt' });
  await page.getByRole('radio', { name: 'Een aannemer of andere partij' }).check();
  await page.getByRole('combobox', { name: 'Aannemer of partij' }).selectOption({ label: contractorName });
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);

  const panel = page.getByTestId('responsibility');
  await expect(panel).toContainText(`${contractorName} (aannemer)`);
  await expect(panel).toContainText('Vastgoed & Onderhoud');
  await checkAccessibility(page);
});
