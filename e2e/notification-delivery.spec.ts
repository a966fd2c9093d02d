import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

// Issue 22: a manager assigns a complaint to an officer; the officer is told in the bell and by e-mail
// (through the outbox: without SMTP the server delivers .eml files to its data folder's mailbox), and the
// mail's link opens the case.

const SANNE = 'sanne.degroot@demo.gehoord.nl';
const EVA = 'eva.jansen@demo.gehoord.nl';

/** The delivered mails to `to` whose subject names `reference`, parsed. */
async function mailsTo(to: string, reference: string) {
  const mailbox = path.join(process.env.GEHOORD_E2E_DATA_DIR ?? '', 'mailbox');
  if (!existsSync(mailbox)) return [];
  const files = readdirSync(mailbox, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eml'));
  const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(path.join(mailbox, f)))));
  return parsed.filter(
    (mail) => mail.subject?.includes(reference) === true && JSON.stringify(mail.to ?? '').includes(to),
  );
}

test('a manager assigns a complaint; the officer sees it in the bell, gets the mail, and its link opens the case', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  test.setTimeout(120_000);
  const sanne = demoAccount(SANNE);
  const sanneApi = await staffApiSession(baseURL as string, sanne.email, sanne.password);
  const description = 'De buitenlamp bij de voordeur van nummer 7 is al een maand kapot.';
  const complaint = await sanneApi.post<{ id: string; reference: string }>('/api/complaints', {
    channel: 'phone',
    complainant: { name: 'De heer R. Smit', phone: '06 87654321' },
    description,
  });
  await sanneApi.dispose();

  // The manager hands it to Eva from the team queue
  await signInThroughPage(page, sanne.email, sanne.password);
  await page.getByRole('link', { name: 'Team' }).click();
  const queue = page.getByTestId('team-queue');
  await queue.getByRole('button', { name: `Toewijzen ${complaint.reference}` }).click();
  const dialog = page.getByRole('dialog', { name: `Klacht ${complaint.reference} toewijzen` });
  await dialog.getByLabel('Nieuwe behandelaar').selectOption({ label: 'Eva Jansen (Klantcontact)' });
  await dialog.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is toegewezen' })).toContainText(
    `Klacht ${complaint.reference} is toegewezen aan Eva Jansen.`,
  );
  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await expect(page.getByText('U bent uitgelogd.')).toBeVisible();

  // Eva: the bell (polled every 30 seconds; it also loads on sign-in)
  const eva = demoAccount(EVA);
  await signInThroughPage(page, eva.email, eva.password);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(/Meldingen, [1-9]\d* ongelezen/, { timeout: 60_000 });
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Meldingen' });
  const item = panel.getByTestId('notification-item').filter({ hasText: complaint.reference });
  await expect(item).toContainText('Klacht aan u toegewezen');
  await checkAccessibility(page);
  await page.keyboard.press('Escape');

  // The mail: reference and link, not the complaint's text
  await expect
    .poll(async () => (await mailsTo(eva.email, complaint.reference)).length, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const [mail] = await mailsTo(eva.email, complaint.reference);
  expect(mail?.text).toContain('Klacht aan u toegewezen');
  expect(mail?.text).not.toContain('buitenlamp');
  const link = /(https?:\/\/\S+\/klachten\/[0-9a-f-]{36})/.exec(mail?.text ?? '')?.[1];
  expect(link).toBe(`${baseURL}/klachten/${complaint.id}`);

  // Following the mail's link opens the case
  await page.goto(link as string);
  await expect(page).toHaveURL(new RegExp(`/klachten/${complaint.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(complaint.reference);
  await checkAccessibility(page);

  // Her e-mail choices, on the account page
  await page.goto('/account');
  const settings = page.getByRole('region', { name: 'Meldingen per e-mail' });
  await expect(settings.getByLabel('Een klacht aan mij toegewezen')).toHaveValue('');
  await settings.getByLabel('Nieuwe klacht in de onverdeelde wachtrij').selectOption({ label: 'Direct' });
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'opgeslagen' })).toContainText(
    'Uw keuzes voor meldingen zijn opgeslagen.',
  );
  await checkAccessibility(page);
  await docScreenshot(page, 'notification-settings');
});
