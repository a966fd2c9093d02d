import { expect, signInThroughPage, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

const EVA = 'eva.jansen@demo.gehoord.nl';
const HENK = 'henk.visser@demo.gehoord.nl';

test('a board member is told of a suspected criminal offence through the bell, and marks it read', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  // The board's fast lane runs every minute (policy 2.5); the bell polls every 30 seconds.
  test.setTimeout(180_000);
  const eva = demoAccount(EVA);
  const evaApi = await staffApiSession(baseURL as string, eva.email, eva.password);
  const departments = await evaApi.get<{ id: string; name: string }[]>('/api/departments');
  const complaint = await evaApi.post<{ id: string; reference: string }>('/api/complaints', {
    channel: 'desk',
    complainant: { name: 'Mevrouw K. Jansen' },
    description: 'Een medewerker vroeg geld om mijn reparatie eerder in te plannen.',
  });
  await evaApi.post(`/api/complaints/${complaint.id}/triage`, {
    outcome: 'complaint',
    category: 'treated_wrongly',
    subject: { kind: 'department', departmentId: departments[0]?.id },
    suspectedCriminalOffence: true,
  });
  await evaApi.dispose();

  const henk = demoAccount(HENK);
  await signInThroughPage(page, henk.email, henk.password);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toBeVisible();
  await expect(bell).toHaveAccessibleName(/Meldingen, [1-9]\d* ongelezen/, { timeout: 150_000 });
  await checkAccessibility(page);

  const unreadBefore = Number(/(\d+) ongelezen/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]);
  await bell.click();
  const panel = page.getByRole('dialog', { name: 'Meldingen' });
  await expect(panel).toBeVisible();
  const item = panel.getByTestId('notification-item').filter({ hasText: complaint.reference });
  await expect(item).toContainText('Vermoeden van een strafbaar feit');
  await checkAccessibility(page);

  await item.getByRole('button', { name: /^Gelezen/ }).click();
  await expect(item.getByRole('button', { name: /^Gelezen/ })).toHaveCount(0);
  await expect(bell).toHaveAccessibleName(
    unreadBefore === 1 ? 'Meldingen, geen ongelezen' : `Meldingen, ${unreadBefore - 1} ongelezen`,
  );

  // The notification leads to the complaint.
  await item.getByRole('link', { name: complaint.reference }).click();
  await expect(page).toHaveURL(new RegExp(`/klachten/${complaint.id}$`));
});
