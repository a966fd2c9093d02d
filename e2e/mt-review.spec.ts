import type { Page } from '@playwright/test';
import { quarterOfDay } from '../src/domain/learning.ts';
import { e2eToday } from './clock.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

// Demo accounts (src/server/modules/setup/demo/demo-organization.ts): Pieter is on the management team (MT),
// Sanne manages Klantcontact, Eva handles complaints there.
const PIETER = 'pieter.vandijk@demo.gehoord.nl';
const SANNE = 'sanne.degroot@demo.gehoord.nl';
const EVA = 'eva.jansen@demo.gehoord.nl';

/** Mantine's dialogs fade in; axe measures contrast on what is painted, so let the transitions finish first. */
const transitionsDone = (page: Page) =>
  page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));

test('the MT decides on an agenda item with a new action, approves the record, and the owner updates the action', async ({
  page,
  browser,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  test.setTimeout(120_000);
  const quarter = quarterOfDay(e2eToday());
  const issueTitle = `Terugbelbeleid ontbreekt ${Date.now().toString(36)}`;

  // The scene: Eva registered a complaint; Sanne, her manager, brings the missing policy to the MT's list.
  const eva = demoAccount(EVA);
  const evaApi = await staffApiSession(baseURL as string, eva.email, eva.password);
  const complaint = await evaApi.post<{ id: string; reference: string }>('/api/complaints', {
    channel: 'phone',
    complainant: { name: 'Mevrouw T. Verbeek', phone: '06 23456789' },
    description: 'Ik ben drie keer beloofd dat ik teruggebeld zou worden, maar niemand belde.',
  });
  const departments = await evaApi.get<{ id: string; name: string }[]>('/api/departments');
  const klantcontact = departments.find((d) => d.name === 'Klantcontact');
  expect(klantcontact, 'demo department Klantcontact').toBeDefined();
  // Triaged, so the action that follows has a kind of complaint to count in its effect view.
  await evaApi.post(`/api/complaints/${complaint.id}/triage`, {
    outcome: 'complaint',
    category: 'no_or_late_answer',
    subject: { kind: 'department', departmentId: klantcontact?.id },
  });
  await evaApi.dispose();
  const sanne = demoAccount(SANNE);
  const sanneApi = await staffApiSession(baseURL as string, sanne.email, sanne.password);
  await sanneApi.post('/api/mt/policy-issues', {
    title: issueTitle,
    description: 'Er is geen afspraak binnen welke tijd wij terugbellen.',
    complaintIds: [complaint.id],
  });
  await sanneApi.dispose();

  // Pieter opens the MT dashboard and the quarter's agenda.
  const pieter = demoAccount(PIETER);
  await signInThroughPage(page, pieter.email, pieter.password);
  await expect(page).toHaveURL(/\/werk$/);
  await page.getByRole('link', { name: 'MT-bespreking' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('MT-dashboard');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await checkAccessibility(page);
  await page.getByRole('link', { name: `Agenda van ${quarter}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Agenda MT-bespreking ${quarter}`);
  const issues = page.getByTestId('agenda-issues');
  const issueRow = issues.getByRole('row', { name: new RegExp(issueTitle) });
  await expect(issueRow).toContainText('Voorgesteld door een leidinggevende');
  await expect(issueRow).toContainText('Sanne de Groot');
  await expect(issueRow.getByRole('link', { name: complaint.reference })).toBeVisible();
  await checkAccessibility(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  if (process.env.GEHOORD_SCREENSHOTS === '1')
    await page.screenshot({ path: 'docs/screenshots/mt-agenda.png', fullPage: true });

  // He records the meeting.
  await page.getByRole('button', { name: 'Vergadering vastleggen' }).click();
  const createDialog = page.getByRole('dialog', { name: `Vergadering over ${quarter} vastleggen` });
  await expect(createDialog.getByLabel('Datum vergadering')).toHaveValue(e2eToday());
  await transitionsDone(page);
  await checkAccessibility(page);
  await createDialog.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page).toHaveURL(/\/mt\/vergaderingen\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Vergadering MT-bespreking ${quarter}`);
  await page.getByRole('checkbox', { name: 'Pieter van Dijk' }).check();
  await page.getByRole('checkbox', { name: 'Henk Visser' }).check();
  await page
    .getByRole('textbox', { name: 'Verslag' })
    .fill('De klachtcijfers van dit kwartaal zijn besproken.');
  await expect(page.getByTestId('unsaved-changes')).toHaveText(
    'Er zijn wijzigingen die nog niet zijn opgeslagen.',
  );
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('De wijzigingen zijn opgeslagen.')).toBeVisible();
  await expect(page.getByTestId('unsaved-changes')).toHaveCount(0);

  // He decides on the item: a new improvement action, owned by Sanne. A decision needs a choice first.
  await page.getByRole('button', { name: `Besluit nemen over ${issueTitle}` }).click();
  const decision = page.getByRole('dialog', { name: `Besluit: ${issueTitle}` });
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Besluit: Kies een besluit.');
  await decision.getByRole('radio', { name: 'Nieuwe verbeteractie' }).check();
  await decision.getByLabel('Titel van de verbeteractie').fill('Vaste terugbeltijden afspreken');
  await decision.getByLabel('Eigenaar').selectOption({ label: 'Sanne de Groot (Klantcontact)' });
  await decision.getByLabel('Gereed uiterlijk').fill('2027-03-31');
  await transitionsDone(page);
  await checkAccessibility(page);
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(page.getByTestId('decision-recorded')).toContainText(
    `Besluit over "${issueTitle}" vastgelegd.`,
  );
  const decisions = page.getByTestId('meeting-decisions');
  await expect(decisions.getByRole('row', { name: new RegExp(issueTitle) })).toContainText(
    'Nieuwe verbeteractie',
  );
  await expect(page.getByRole('button', { name: `Besluit nemen over ${issueTitle}` })).toHaveCount(0);

  // He approves the record; from then on it is read-only, and the PDF is for the archive.
  await page.getByRole('button', { name: 'Verslag vaststellen' }).click();
  const approve = page.getByRole('dialog', { name: 'Verslag vaststellen?' });
  await transitionsDone(page);
  await checkAccessibility(page);
  await approve.getByRole('button', { name: 'Ja, vaststellen' }).click();
  await expect(page.getByTestId('approved-notice')).toContainText('Vastgesteld op');
  await expect(page.getByTestId('approved-notice')).toContainText('door Pieter van Dijk');
  await expect(page.getByTestId('meeting-minutes')).toHaveText(
    'De klachtcijfers van dit kwartaal zijn besproken.',
  );
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Verslag vaststellen' })).toHaveCount(0);
  await checkAccessibility(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /PDF downloaden/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^mt-verslag-\d{4}-Q[1-4]-\d{4}-\d{2}-\d{2}\.pdf$/);

  await decisions.getByRole('link', { name: 'Open de verbeteractie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vaste terugbeltijden afspreken');
  await expect(page.getByTestId('action-status')).toHaveText('Afgesproken');
  await checkAccessibility(page);

  // Sanne, the owner, finds her action in the register and reports progress.
  // A context of her own (axe needs a page from browser.newContext()), so Pieter's session is not shared.
  const sanneContext = await browser.newContext({ baseURL: baseURL as string });
  const sannePage = await sanneContext.newPage();
  await signInThroughPage(sannePage, sanne.email, sanne.password);
  await expect(sannePage).toHaveURL(/\/werk$/);
  await sannePage.getByRole('link', { name: 'Verbeteracties' }).click();
  await expect(sannePage.getByRole('heading', { level: 1 })).toHaveText('Verbeteracties');
  // The filter lives in the address (a router navigation), so the box is checked once the address changed.
  const mine = sannePage.getByRole('checkbox', { name: 'Alleen acties waarvan ik eigenaar ben' });
  await mine.click();
  await expect(mine).toBeChecked();
  await expect(sannePage).toHaveURL(/eigen=ja/);
  const register = sannePage.getByTestId('action-register');
  await expect(register.getByRole('row', { name: /Vaste terugbeltijden afspreken/ })).toContainText(
    'Sanne de Groot',
  );
  await checkAccessibility(sannePage);
  await register.getByRole('link', { name: 'Vaste terugbeltijden afspreken' }).click();
  await expect(sannePage.getByRole('heading', { level: 1 })).toHaveText('Vaste terugbeltijden afspreken');
  await expect(
    sannePage.getByTestId('action-complaints').getByRole('link', { name: complaint.reference }),
  ).toHaveAttribute('href', `/klachten/${complaint.id}`);
  await checkAccessibility(sannePage);

  await sannePage.getByLabel('Voortgangsnotitie').fill('Overleg met het klantcontactcentrum is gepland.');
  await sannePage.getByLabel('Nieuwe status').selectOption({ label: 'In uitvoering' });
  await sannePage.getByRole('button', { name: 'Opslaan' }).click();
  await expect(sannePage.getByText('De verbeteractie is bijgewerkt.')).toBeVisible();
  await expect(sannePage.getByTestId('action-status')).toHaveText('In uitvoering');
  const notes = sannePage.getByTestId('action-notes');
  await expect(notes).toContainText('Overleg met het klantcontactcentrum is gepland.');
  await expect(notes).toContainText('Statuswijziging');
  await checkAccessibility(sannePage);
  await sannePage.setViewportSize({ width: 1280, height: 900 });
  const effect = sannePage.getByTestId('action-effect');
  await expect(effect.getByRole('row', { name: new RegExp(quarter) })).toContainText(
    'Voor of tijdens de actie',
  );
  await expect(
    sannePage.getByText('Geteld: klachten in de categorie "1. Geen of te laat antwoord", per kwartaal.'),
  ).toBeVisible();
  await sannePage.evaluate(() => window.scrollTo(0, 0));
  if (process.env.GEHOORD_SCREENSHOTS === '1')
    await sannePage.screenshot({ path: 'docs/screenshots/mt-action.png', fullPage: true });

  // Done needs a result: the form says so before anything is sent.
  await sannePage.getByLabel('Nieuwe status').selectOption({ label: 'Gereed' });
  await sannePage.getByRole('button', { name: 'Opslaan' }).click();
  await expect(sannePage.getByTestId('error-summary')).toContainText(
    'Resultaat: Beschrijf het resultaat van de actie.',
  );
  await sanneContext.close();
});
