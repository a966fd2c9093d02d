import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

const EVA = 'eva.jansen@demo.gehoord.nl';
const MOHAMED = 'mohamed.elamrani@demo.gehoord.nl';

type Complaint = {
  id: string;
  reference: string;
  handler: { id: string } | null;
  department: { id: string } | null;
};

/** The reference of the row the keyboard has chosen (its link has the focus). */
const activeReference = (page: Page) =>
  page.getByTestId('work-queue').locator('tr[data-active]').getByRole('link');

test('the queue and the case page by keyboard only: ? overlay, j/k, assign to me, open, log a contact, answer', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  // Mohamed (Vastgoed & Onderhoud) took two complaints into handling and handed them on to Klantcontact's
  // unassigned queue: Eva's department.
  const word = `brievenbusklep${Date.now().toString(36)}`;
  const eva = demoAccount(EVA);
  const evaApi = await staffApiSession(baseURL as string, eva.email, eva.password);
  const me = await evaApi.get<{ id: string; departmentId: string }>('/api/auth/me');
  await evaApi.dispose();
  const mohamed = demoAccount(MOHAMED);
  const mohamedApi = await staffApiSession(baseURL as string, mohamed.email, mohamed.password);
  const queued: Complaint[] = [];
  for (const name of ['Mevrouw A. de Boer', 'De heer B. Mulder']) {
    const registered = await mohamedApi.post<Complaint>('/api/complaints', {
      channel: 'phone',
      complainant: { name, phone: '06 87654321' },
      description: `De ${word} van de centrale hal klemt en niemand heeft teruggebeld.`,
    });
    await mohamedApi.post<Complaint>(`/api/complaints/${registered.id}/triage`, {
      outcome: 'complaint',
      category: 'request_wrongly_handled',
      subject: { kind: 'none' },
    });
    const handedOn = await mohamedApi.post<Complaint>(`/api/complaints/${registered.id}/transfer`, {
      departmentId: me.departmentId,
      reason: 'Dit hoort bij Klantcontact.',
    });
    expect(handedOn.handler).toBeNull();
    queued.push(handedOn);
  }
  await mohamedApi.dispose();

  // Sign in with the keyboard
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(eva.email);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(eva.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/werk$/);

  // ? opens the list of shortcuts, Escape closes it
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await expect(help).toBeVisible();
  for (const text of [
    'Volgende klacht in de lijst',
    'Gekozen klacht aan mij toewijzen',
    'Contact vastleggen',
  ])
    await expect(help).toContainText(text);
  await checkAccessibility(page);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The unassigned queue of her department, narrowed to the two
  await page.goto(`/werk?tab=unassigned&q=${word}`);
  const queue = page.getByTestId('work-queue');
  for (const complaint of queued)
    await expect(queue.getByRole('link', { name: complaint.reference })).toBeVisible();
  const unassignedBefore = Number(await page.getByTestId('tab-count-unassigned').textContent());
  await page.locator('body').press('j');
  const first = (await activeReference(page).textContent()) ?? '';
  await expect(activeReference(page)).toBeFocused();
  await page.keyboard.press('j');
  await expect(activeReference(page)).not.toHaveText(first);
  await page.keyboard.press('k');
  await expect(activeReference(page)).toHaveText(first);
  await checkAccessibility(page);

  // a: the chosen complaint is Eva's now; it leaves the unassigned queue
  await page.keyboard.press('a');
  await expect(page.getByTestId('queue-status')).toHaveText(`${first} is aan u toegewezen.`);
  await expect(queue.getByRole('link', { name: first })).toBeHidden();
  await expect(page.getByTestId('tab-count-unassigned')).toHaveText(String(unassignedBefore - 1));

  // Her own work: choose it and open it with Enter
  await page.goto(`/werk?q=${word}`);
  await expect(queue.getByRole('link', { name: first })).toBeVisible();
  await page.locator('body').press('j');
  await expect(activeReference(page)).toHaveText(first);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(first);

  // c: log a contact
  await page.locator('body').press('c');
  const contact = page.getByRole('dialog', { name: 'Contact vastleggen' });
  await expect(contact).toBeVisible();
  await expect(contact.getByLabel('Wat is er besproken?')).toBeFocused();
  await page.keyboard.type('Klager gebeld: de klep wordt vrijdag vervangen.');
  await checkAccessibility(page);
  await contact.getByRole('button', { name: 'Contact vastleggen' }).focus();
  await page.keyboard.press('Enter');
  await expect(contact).toBeHidden();
  await expect(page.getByTestId('action-done')).toContainText('Contact vastleggen');
  await expect(page.getByTestId('timeline')).toContainText('de klep wordt vrijdag vervangen');

  // b: the answer dialog — once the contact dialog has faded out (shortcuts rest while a dialog is on screen)
  await expect(page.locator('[role="dialog"][aria-modal="true"]')).toHaveCount(0);
  await page.locator('body').press('b');
  const answer = page.getByRole('dialog', { name: 'Antwoord versturen' });
  await expect(answer).toBeVisible();
  await checkAccessibility(page);
  await page.keyboard.press('Escape');
  await expect(answer).toBeHidden();
});
