import type { Page } from '@playwright/test';
import { shiftBrowserClock } from './clock.ts';
import { actThroughApi, apiOf, EVA, registerDiscussedPhoneComplaint, signIn } from './complaint-support.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, signInThroughPage, test } from './fixtures.ts';

// Issue 22: the answer composer. A standard text with the verdict filled in, the preview with the real
// recipients by name, a draft kept on the server across a reload, and exactly one salutation and one
// sign-off in the message that goes out. The template admin screen changes a standard text the composer uses.

test.use({ viewport: { width: 1280, height: 900 } });
test.setTimeout(120_000);

const RUUD = 'ruud.mulder@demo.gehoord.nl';
const SALUTATION = /^(Beste|Geachte) [^\n]*,$/gm;
const CLOSING = /^Met vriendelijke groet,?$/gm;

/** A complaint by a tenant with an e-mail address, registered, triaged, discussed and assessed (upheld). */
async function assessedComplaint(page: Page, name: string) {
  const api = apiOf(page);
  const suffix = Date.now().toString(36);
  const person = await api.post<{ id: string }>('/api/persons', {
    name,
    email: `huurder-${suffix}@example.nl`,
    relation: 'tenant',
  });
  let complaint = await registerDiscussedPhoneComplaint(
    page,
    person.body.id,
    'De buitenlamp bij de voordeur doet het al een maand niet.',
    'Besproken met de huurder.',
  );
  complaint = await actThroughApi(page, complaint, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  return { ...complaint, email: `huurder-${suffix}@example.nl` };
}

async function openComposer(page: Page) {
  await page.getByTestId('next-steps').getByRole('button', { name: 'Antwoord versturen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Antwoord versturen' });
  await expect(dialog.getByRole('textbox', { name: 'Tekst van het antwoord' })).toBeVisible();
  return dialog;
}

test('an officer composes an answer from a standard text, reloads, finds the draft and sends it once framed', async ({
  page,
  browser,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const complaint = await assessedComplaint(page, 'Mevrouw Hanna Bos');
  await page.goto(`/klachten/${complaint.id}`);

  let dialog = await openComposer(page);
  await expect(dialog.getByTestId('composer-values')).toContainText('Oordeel: gegrond');
  await expect(dialog.getByTestId('answer-preview')).toHaveCount(0);
  await checkAccessibility(page);

  // The standard text: the verdict filled in, no salutation or sign-off of its own
  await dialog
    .getByRole('combobox', { name: 'Standaardtekst' })
    .selectOption({ label: 'Beoordeeld: ons oordeel' });
  await dialog.getByRole('button', { name: 'Begin met de standaardtekst' }).click();
  const text = dialog.getByRole('textbox', { name: 'Tekst van het antwoord' });
  await expect(text).toHaveValue(/Ons oordeel: uw klacht is gegrond\./);
  await expect(text).not.toHaveValue(/Beste|Met vriendelijke groet/);

  // The preview: the real text in the organisation's template, to the complainant and cc by name
  const preview = dialog.getByTestId('answer-preview');
  await expect(preview.getByTestId('answer-preview-to')).toContainText(
    `Mevrouw Hanna Bos <${complaint.email}>`,
  );
  await expect(preview.getByTestId('answer-preview-cc')).toContainText('Sanne de Groot (leidinggevende)');
  await expect(preview.getByTestId('answer-preview-cc')).toContainText('Lotte Bakker (managementassistent)');
  await expect(preview.getByTestId('answer-preview-body')).toContainText('Beste Mevrouw Hanna Bos,');
  await expect(preview.getByTestId('answer-preview-body')).toContainText(
    'Ons oordeel: uw klacht is gegrond.',
  );
  await checkAccessibility(page);

  // A salutation typed by habit is pointed out before it goes out twice
  const typed = (await text.inputValue()).replace(
    '[Leg hier uit wat u heeft gedaan en waarom.]',
    'Op 3 december heeft de elektricien de buitenlamp vervangen.',
  );
  await text.fill(`Beste mevrouw Bos,\n\n${typed}`);
  await expect(dialog.getByTestId('frame-warning')).toContainText('Uw tekst begint met een aanhef');
  await checkAccessibility(page);
  await text.fill(typed);
  await expect(dialog.getByTestId('frame-warning')).toHaveCount(0);
  await expect(dialog.getByTestId('draft-status')).toContainText('Concept bewaard');

  // Closed and reloaded: the draft comes back from the server
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await page.reload();
  dialog = await openComposer(page);
  await expect(dialog.getByRole('textbox', { name: 'Tekst van het antwoord' })).toHaveValue(typed);
  await expect(dialog.getByTestId('draft-status')).toContainText('Concept bewaard');
  await expect(dialog.getByTestId('answer-preview-body')).toContainText('de buitenlamp vervangen');
  await checkAccessibility(page);
  await docScreenshot(page, 'answer-composer');

  // Thrown away and started again: nothing comes back after a reload
  const discarded = page.waitForResponse(
    (response) => response.url().endsWith('/answer-draft') && response.request().method() === 'DELETE',
  );
  await dialog.getByRole('button', { name: 'Concept weggooien' }).click();
  expect((await discarded).status()).toBe(204);
  await expect(dialog.getByRole('textbox', { name: 'Tekst van het antwoord' })).toHaveValue('');
  await page.reload();
  dialog = await openComposer(page);
  await expect(dialog.getByRole('textbox', { name: 'Tekst van het antwoord' })).toHaveValue('');
  await dialog.getByRole('textbox', { name: 'Tekst van het antwoord' }).fill(typed);
  await expect(dialog.getByTestId('draft-status')).toContainText('Concept bewaard');

  await dialog.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Beantwoord');
  await checkAccessibility(page);

  // The draft is spent
  const composer = await apiOf(page).get<{ draft: unknown }>(
    `/api/complaints/${complaint.id}/answer-composer`,
  );
  expect(composer.draft).toBeNull();

  // The message that really goes out (the outbox, read by an administrator): one salutation, one sign-off
  const adminContext = await browser.newContext({ baseURL: process.env.GEHOORD_E2E_BASE_URL });
  await shiftBrowserClock(adminContext);
  const admin = await adminContext.newPage();
  const ruud = demoAccount(RUUD);
  await signInThroughPage(admin, ruud.email, ruud.password);
  await expect(admin.getByTestId('signed-in-user')).toHaveText('Ruud Mulder');
  const outbox = await apiOf(admin).get<{ id: string; kind: string; to: string[]; cc: string[] }[]>(
    `/api/admin/outbox?complaintId=${complaint.id}`,
  );
  const answer = outbox.find((message) => message.kind === 'answer');
  expect(answer?.to).toEqual([complaint.email]);
  expect(answer?.cc).toHaveLength(2);
  const sent = await apiOf(admin).get<{ bodyText: string }>(`/api/admin/outbox/${answer?.id}`);
  expect(sent.bodyText).toContain('Op 3 december heeft de elektricien de buitenlamp vervangen.');
  expect(sent.bodyText.match(SALUTATION)).toEqual(['Beste Mevrouw Hanna Bos,']);
  expect(sent.bodyText.match(CLOSING)).toHaveLength(1);
  await adminContext.close();
});

test('an administrator changes a standard text with a live preview; the composer offers it', async ({
  page,
  browser,
  demoAccount,
  checkAccessibility,
}) => {
  const ruud = demoAccount(RUUD);
  await signInThroughPage(page, ruud.email, ruud.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText('Ruud Mulder');
  await page.goto('/beheer/overzicht');
  await page
    .getByRole('navigation', { name: 'Beheermenu' })
    .getByRole('link', { name: 'Berichtsjablonen' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beheer: berichtsjablonen');
  await checkAccessibility(page);
  await docScreenshot(page, 'message-templates');

  await page.getByRole('combobox', { name: 'Bericht' }).selectOption({
    label: 'Standaardtekst antwoord: excuses en vergoeding (standaardtekst voor een antwoord)',
  });
  const name = page.getByRole('textbox', { name: 'Naam in de keuzelijst' });
  const body = page.getByRole('textbox', { name: 'Tekst' });
  await expect(name).toHaveValue('Excuses en vergoeding');
  await expect(page.getByTestId('template-origin')).toHaveText('Standaardtekst van Gehoord');

  // An unknown field: the preview says so, saving is refused with the field named
  await body.fill('Uw klacht is {{oordeel}}.');
  await expect(page.getByTestId('template-preview')).toContainText('Onbekend veld {{oordeel}}');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Onbekend veld {{oordeel}}');
  await expect(body).toHaveAttribute('aria-invalid', 'true');
  await checkAccessibility(page);

  // A salutation in a standard text would double it in the answer: refused too
  await body.fill('Beste {{recipientName}},\n\nUw klacht is {{outcome}}.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(summary).toContainText('Laat de aanhef');

  await name.fill('Excuses (kort)');
  await body.fill('Uw klacht {{reference}} is {{outcome}}. Het spijt ons oprecht.');
  await expect(page.getByTestId('template-preview')).toContainText('Uw klacht K-2026-00042 is gegrond.');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByTestId('template-notice')).toContainText('Het sjabloon is opgeslagen.');
  await expect(page.getByTestId('template-origin')).toHaveText('Aangepast');
  await checkAccessibility(page);

  // The officer's composer offers the changed text, filled in for the complaint
  const officerContext = await browser.newContext({ baseURL: process.env.GEHOORD_E2E_BASE_URL });
  await shiftBrowserClock(officerContext);
  const officer = await officerContext.newPage();
  await signIn(officer, demoAccount(EVA));
  const complaint = await assessedComplaint(officer, 'De heer Karim Aziz');
  await officer.goto(`/klachten/${complaint.id}`);
  const dialog = await openComposer(officer);
  await dialog.getByRole('combobox', { name: 'Standaardtekst' }).selectOption({ label: 'Excuses (kort)' });
  await dialog.getByRole('button', { name: 'Begin met de standaardtekst' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Tekst van het antwoord' })).toHaveValue(
    `Uw klacht ${complaint.reference} is gegrond. Het spijt ons oprecht.`,
  );
  await officerContext.close();

  // Back to Gehoord's own text
  await page.getByRole('button', { name: 'Terug naar de standaardtekst' }).click();
  await expect(page.getByTestId('template-notice')).toContainText(
    'De standaardtekst van Gehoord geldt weer.',
  );
  await expect(page.getByTestId('template-origin')).toHaveText('Standaardtekst van Gehoord');
});
