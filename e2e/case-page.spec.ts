import type { Page } from '@playwright/test';
import { type CalendarSettings, describeTermProgress, explainTerm } from '../src/domain/index.ts';
import { formatDay } from '../src/web/features/complaints/format.ts';
import { nl } from '../src/web/i18n/messages.nl.ts';
import { e2eNow, e2eToday } from './clock.ts';
import { actThroughApi, apiOf, EVA, registerThroughApi, signIn } from './complaint-support.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(90_000);

/** Every badge in the header shows its whole text: nothing is clipped (issue 22: "Act…", "nog 6 w…"). */
async function expectWholeBadges(page: Page) {
  const badges = page.locator(
    '[data-testid="complaint-status"], [data-testid="term-badge"], [data-testid="confidential-badge"]',
  );
  await expect(badges).toHaveCount(3);
  const clipped = await badges.evaluateAll((elements) =>
    elements.flatMap((element) =>
      [element, ...Array.from(element.querySelectorAll('span'))]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => `${el.textContent} (${el.scrollWidth} > ${el.clientWidth})`),
    ),
  );
  expect(clipped).toEqual([]);
}

test('the case page: five actions up front, the rest under "Meer acties", whole badges, the term explained', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const me = await apiOf(page).get<{ id: string }>('/api/auth/me');
  const registered = await registerThroughApi(page, {
    channel: 'phone',
    complainant: {
      name: 'Mevrouw Fatima El Amrani',
      phone: '06 123 456 78',
      email: 'fatima.elamrani@example.nl',
      relation: 'tenant',
    },
    description: 'De verwarming in mijn flat doet het al twee weken niet en niemand komt langs.',
  });
  // Registered by phone, Eva handles it herself; she marks it confidential at the complainant's request.
  const registeredDetail = await apiOf(page).get<{ handler: { id: string } | null }>(
    `/api/complaints/${registered.id}`,
  );
  expect(registeredDetail.handler?.id).toBe(me.id);
  await actThroughApi(page, registered, 'confidential', { reason: 'complainant_asks' });
  await page.goto(`/klachten/${registered.id}`);
  await expect(page.getByTestId('complaint-status')).toHaveText('Nieuw');

  // At most five actions up front, each one that can be taken now; the rest one click further.
  const actions = page.getByTestId('actions');
  const upFront = actions.getByTestId('up-front-actions').getByRole('button');
  const count = await upFront.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(5);
  for (const button of await upFront.all()) await expect(button).toBeEnabled();
  await expect(upFront.first()).toHaveText('Beoordelen: is het een klacht?');
  const more = actions.getByRole('button', { name: 'Meer acties' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(actions.getByTestId('more-actions')).toHaveCount(0);

  // Badges whole at 1280 wide and on a phone; the term explained in words, always visible.
  await expectWholeBadges(page);
  const detail = await apiOf(page).get<{
    receivedAt: string;
    term: { startDay: string; originalDueAt: string; dueAt: string };
  }>(`/api/complaints/${registered.id}`);
  const settings = await apiOf(page).get<CalendarSettings>('/api/calendar-settings');
  const term = {
    termStartDay: detail.term.startDay,
    originalDueAt: new Date(detail.term.originalDueAt),
    dueAt: new Date(detail.term.dueAt),
  };
  const explained = explainTerm(new Date(detail.receivedAt), term, settings);
  const progress = describeTermProgress(e2eNow(), term.dueAt, settings);
  expect(progress).toEqual({
    state: 'on_track',
    workingDaysLeft: explained.workingDays + (explained.startDay === e2eToday() ? 0 : 1),
  });
  await expect(page.getByTestId('term-badge')).toHaveText(
    nl.complaint.term.daysLeft(progress.state === 'on_track' ? progress.workingDaysLeft : -1),
  );
  const explanation = page.getByTestId('term-explanation');
  await expect(explanation).toBeVisible();
  await expect(explanation).toContainText(
    nl.complaint.term.explain.count(explained.workingDays, formatDay(explained.originalDueDay, 'nl')),
  );
  await expect(explanation).toContainText(
    nl.complaint.term.explain[explained.startRule](
      formatDay(explained.receivedDay, 'nl'),
      explained.cutOffTime,
      formatDay(explained.startDay, 'nl'),
    ),
  );

  // Phone and e-mail are links; why it is confidential is on the case.
  await expect(page.getByTestId('complainant-phone')).toHaveAttribute('href', 'tel:0612345678');
  await expect(page.getByTestId('complainant-email')).toHaveAttribute(
    'href',
    'mailto:fatima.elamrani@example.nl',
  );
  await expect(page.getByTestId('confidential-reason')).toHaveText('De klager vraagt erom');
  await checkAccessibility(page);
  await docScreenshot(page, 'case-page');

  // "Meer acties" by keyboard: what can be done first, what cannot is disabled with its reason.
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const moreList = actions.getByTestId('more-actions');
  await expect(moreList).toBeVisible();
  await expect(moreList.getByRole('button', { name: 'Afsluiten' })).toBeDisabled();
  await expect(moreList.getByRole('button', { name: 'Afsluiten' })).toHaveAccessibleDescription(
    'Niet mogelijk bij de status “Nieuw”.',
  );
  await checkAccessibility(page);

  // An action from the menu works: the complainant's language.
  await moreList.getByRole('button', { name: 'Taal van de klager wijzigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Taal van de klager wijzigen' });
  await dialog.getByRole('combobox', { name: /Nieuwe taal/ }).selectOption({ label: 'Engels' });
  await dialog.getByRole('button', { name: 'Taal opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('complainant-locale')).toHaveText('Engels');
  await expect(page.getByTestId('action-done')).toBeVisible();
  await checkAccessibility(page);

  // A phone-sized screen: badges still whole, the actions still reachable.
  await page.setViewportSize({ width: 360, height: 800 });
  await expectWholeBadges(page);
  await expect(more).toBeVisible();
  await checkAccessibility(page);
});
