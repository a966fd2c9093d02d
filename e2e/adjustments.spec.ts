import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  actThroughApi,
  createTenant,
  EVA,
  registerDiscussedPhoneComplaint,
  registerThroughApi,
  signIn,
} from './complaint-support.ts';
import { docScreenshot } from './doc-screenshots.ts';
import { expect, test } from './fixtures.ts';
import { staffApiSession } from './staff-api-session.ts';

// Issue 26 (decision 051): staff record that a complainant wants letters, in large print. The answer then goes
// as a large-print letter to post, and no e-mail goes to the complainant.

const RUUD = 'ruud.mulder@demo.gehoord.nl';
const run = Date.now().toString(36);

test.use({ viewport: { width: 1280, height: 900 } });
test.setTimeout(150_000);

/** The height of the word in the letter's text (pdftotext's bounding box, points): 16 pt type stands ~19 pt. */
function wordHeight(pdf: Buffer, word: string): number {
  const directory = mkdtempSync(path.join(tmpdir(), 'gehoord-e2e-letter-'));
  try {
    const file = path.join(directory, 'letter.pdf');
    writeFileSync(file, pdf);
    const boxes = execFileSync('pdftotext', ['-bbox', file, '-']).toString('utf8');
    const match = new RegExp(
      `<word xMin="[\\d.]+" yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}</word>`,
    ).exec(boxes);
    expect(match, `${word} in the letter`).not.toBeNull();
    return Number(match?.[2]) - Number(match?.[1]);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

test('grote letters and brief: the answer is a large-print letter and no e-mail goes out', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const address = `mevrouw.groot.${run}@example.nl`;
  const api = await staffApiSession(baseURL as string, demoAccount(EVA).email, demoAccount(EVA).password);
  const person = await api.post<{ id: string }>('/api/persons', {
    name: 'Mevrouw G. Groot',
    email: address,
    relation: 'tenant',
    postalAddress: 'Dorpsstraat 7, 2678 AB Maasland',
  });
  await api.dispose();
  let complaint = await registerDiscussedPhoneComplaint(
    page,
    person.id,
    'De brievenbus van de flat is al weken kapot; post raakt zoek.',
    'Mevrouw gebeld: zij leest slecht en wil alles per brief, in grote letters.',
  );

  await page.goto(`/klachten/${complaint.id}`);
  const panel = page.getByTestId('adjustments');
  await expect(panel).toContainText('De klager heeft geen aanpassingen gevraagd.');
  await panel.getByRole('button', { name: 'Aanpassingen wijzigen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Aanpassingen wijzigen' });
  await dialog.getByRole('combobox', { name: 'Voorkeurskanaal' }).selectOption({ label: 'Brief per post' });
  await dialog.getByRole('checkbox', { name: 'Brieven in grote letters' }).check();
  await checkAccessibility(page);
  await dialog.getByRole('button', { name: 'Aanpassingen opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel).toContainText('Voorkeurskanaal: Brief per post');
  await expect(panel).toContainText('Brieven in grote letters');
  await expect(panel.getByTestId('adjustment-records')).toContainText('Eva Jansen');
  await expect(page.getByTestId('timeline')).toContainText('Aanpassingen voor de klager gewijzigd');
  await checkAccessibility(page);
  await panel.scrollIntoViewIfNeeded();
  await docScreenshot(page, 'adjustments-panel');

  // the answer (through the API: the answer form is another journey's)
  const fresh = await (await page.request.get(`/api/complaints/${complaint.id}`)).json();
  complaint = await actThroughApi(page, fresh, 'assessment', {
    kind: 'policy_not_followed',
    verdict: 'upheld',
    apologyOffered: true,
    errorAdmitted: true,
    demonstrableDamage: false,
  });
  await actThroughApi(page, complaint, 'answer', {
    text: 'De brievenbus wordt deze week vervangen. Onze excuses voor de verloren post.',
  });

  await page.reload();
  const letterLink = page.getByRole('link', { name: 'Antwoord als brief (pdf)' });
  await expect(letterLink).toBeVisible();
  await checkAccessibility(page);
  const pdf = await page.request.get((await letterLink.getAttribute('href')) ?? '');
  expect(pdf.status()).toBe(200);
  const text = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body() }).toString('utf8');
  expect(text.replace(/\s+/g, ' ')).toContain('De brievenbus wordt deze week vervangen.');
  // large print: 16 pt (a 10.5 pt letter's words stand about 12 pt high)
  expect(wordHeight(await pdf.body(), 'brievenbus')).toBeGreaterThan(16);

  // no e-mail to her after the preference: only the acknowledgement from before it went to her address
  const ruud = await staffApiSession(baseURL as string, demoAccount(RUUD).email, demoAccount(RUUD).password);
  const messages = await ruud.get<{ kind: string; to: string[] }[]>(
    `/api/admin/outbox?complaintId=${complaint.id}`,
  );
  await ruud.dispose();
  const toHer = messages.filter((m) => m.to.includes(address)).map((m) => m.kind);
  expect(toHer).not.toContain('answer');
  expect(toHer.every((kind) => kind === 'acknowledgement')).toBe(true);
});

test('a phone intake records the preferred channel and an interpreter; the case shows them', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const tenant = `Meneer T. Tolk ${run}`;
  await createTenant(page, tenant, '06 11223344', 700 + Math.floor(Math.random() * 200));
  await page.goto('/klachten/nieuw');
  const person = page.getByRole('combobox', { name: 'Zoek de klager' });
  await expect(person).toBeFocused();
  await page.keyboard.type(tenant);
  await page.getByRole('option', { name: new RegExp(tenant) }).click();
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('De verwarming in de woonkamer doet het niet.');
  await page.getByRole('button', { name: 'Aanpassingen voor deze klager' }).click();
  await page.getByRole('combobox', { name: 'Voorkeurskanaal' }).selectOption({ label: 'Telefoon' });
  await page.getByRole('textbox', { name: 'Tolk in de taal' }).fill('Turks');
  await page
    .getByRole('combobox', { name: 'Categorie' })
    .selectOption({ label: '1. Geen of te laat antwoord op een verzoek of vraag' });
  await page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Wonen' });
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Klacht registreren' }).click();

  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  const panel = page.getByTestId('adjustments');
  await expect(panel).toContainText('Voorkeurskanaal: Telefoon');
  await expect(panel).toContainText('Tolk in de taal: Turks');
  await expect(page.getByTestId('timeline')).toContainText('Aanpassingen voor de klager gewijzigd');
  await checkAccessibility(page);
});

test('a complainant who prefers the phone: "Bel klager terug" in next steps until the call is logged', async ({
  page,
  baseURL,
  demoAccount,
  checkAccessibility,
}) => {
  // Issue 26 (decision 053): a message that would have gone to her becomes a call-back for the handler
  await signIn(page, demoAccount(EVA));
  const api = await staffApiSession(baseURL as string, demoAccount(EVA).email, demoAccount(EVA).password);
  const person = await api.post<{ id: string }>('/api/persons', {
    name: 'Mevrouw B. Bellen',
    email: `mevrouw.bellen.${run}@example.nl`,
    relation: 'tenant',
    postalAddress: 'Dorpsstraat 9, 2678 AB Maasland',
  });
  // her adjustments are hers: recorded on an earlier complaint, they hold for the next one from the start
  const earlier = await registerDiscussedPhoneComplaint(
    page,
    person.id,
    'De buitenlamp bij de voordeur is kapot.',
    'Mevrouw gebeld: zij wil gebeld worden, liefst in de ochtend.',
  );
  await api.put(`/api/complaints/${earlier.id}/adjustments`, {
    preferredChannel: 'phone',
    callBack: { dayParts: ['morning'], note: null },
  });
  await api.dispose();
  // registered and triaged, not yet discussed: the acknowledgement (a letter to post) asks for a call-back
  const registered = await registerThroughApi(page, {
    channel: 'phone',
    complainantId: person.id,
    description: 'De deurbel doet het niet meer.',
  });
  const complaint = await actThroughApi(page, registered, 'triage', {
    outcome: 'complaint',
    category: 'repair_badly_done',
    subject: { kind: 'none' },
  });

  await page.goto(`/klachten/${complaint.id}`);
  const steps = page.getByTestId('next-steps');
  // the case page loads slowly on a busy machine; the step itself then comes with the adjustments
  await expect(steps).toBeVisible({ timeout: 30_000 });
  const callBack = steps.getByTestId('next-step-call_back_complainant');
  await expect(callBack).toContainText('Bel klager terug: ochtend — ontvangst van de klacht bespreken');
  await checkAccessibility(page);
  await steps.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await docScreenshot(page, 'next-steps-call-back');

  await callBack.getByRole('button', { name: 'Contact vastleggen' }).click();
  const contact = page.getByRole('dialog', { name: 'Contact vastleggen' });
  await contact
    .getByRole('textbox', { name: 'Wat is er besproken?' })
    .fill('Mevrouw teruggebeld: de ontvangst van haar klacht besproken.');
  await checkAccessibility(page);
  await contact.getByRole('button', { name: 'Contact vastleggen' }).click();
  await expect(contact).toBeHidden();
  await expect(steps.getByTestId('next-step-call_back_complainant')).toHaveCount(0);
  await expect(page.getByTestId('timeline')).toContainText('Terugbellen gevraagd');
  await checkAccessibility(page);
});

test('a phone intake records a representative with copies and call-back times; the case follows them', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  // Issue 26 (decision 052): the whole set at intake, in the case page's own field groups, folded away
  await signIn(page, demoAccount(EVA));
  const tenant = `Mevrouw V. Vertegenwoordigd ${run}`;
  await createTenant(page, tenant, '06 22334455', 700 + Math.floor(Math.random() * 200));
  await page.goto('/klachten/nieuw');
  await page.getByRole('combobox', { name: 'Zoek de klager' }).fill(tenant);
  await page.getByRole('option', { name: new RegExp(tenant) }).click();
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('De voordeur van de portiek sluit niet meer.');
  const section = page.getByTestId('intake-adjustments');
  const toggle = section.getByRole('button', { name: 'Aanpassingen voor deze klager' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(section.getByRole('textbox', { name: 'Naam vertegenwoordiger' })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await section.getByRole('checkbox', { name: 'middag' }).check();
  await section.getByRole('textbox', { name: 'Wanneer terugbellen (toelichting)' }).fill('na 14 uur');
  await section.getByRole('textbox', { name: 'Naam vertegenwoordiger' }).fill('J. Vertegenwoordigd (zoon)');
  await section.getByRole('textbox', { name: 'Contact (telefoon of e-mail)' }).fill(`zoon.${run}@example.nl`);
  await section
    .getByRole('combobox', { name: 'Bevoegdheid' })
    .selectOption({ label: 'Mondeling, vastgelegd door medewerker' });
  await section.getByRole('checkbox', { name: 'Vertegenwoordiger krijgt kopieën' }).check();
  // a reading need without the consent the domain rule requires: refused at the field, nothing registered
  await section.getByRole('checkbox', { name: 'slechtziend' }).check();
  await page
    .getByRole('combobox', { name: 'Categorie' })
    .selectOption({ label: '1. Geen of te laat antwoord op een verzoek of vraag' });
  await page.getByRole('combobox', { name: 'Afdeling' }).selectOption({ label: 'Wonen' });
  await checkAccessibility(page);
  await section.scrollIntoViewIfNeeded();
  await docScreenshot(page, 'intake-adjustments');
  await page.getByRole('button', { name: 'Klacht registreren' }).click();

  // the date of the authority is missing: named at its field and in the summary before anything is sent
  const summary = page.getByTestId('error-summary');
  await expect(summary).toContainText('Datum bevoegdheid');
  const date = section.getByLabel('Datum bevoegdheid');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await date.fill('2026-12-01');
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  // the consent is checked by the domain rule on the server: its 400 comes back at the field
  await expect(summary).toContainText('uitdrukkelijke toestemming');
  const consent = section.getByRole('checkbox', { name: /uitdrukkelijk toestemming/ });
  await expect(consent).toHaveAccessibleDescription(/Leg de uitdrukkelijke toestemming/);
  await expect(page).toHaveURL(/\/klachten\/nieuw$/);
  await checkAccessibility(page);
  await section.getByRole('checkbox', { name: 'slechtziend' }).uncheck();
  await page.getByRole('button', { name: 'Klacht registreren' }).click();

  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  const panel = page.getByTestId('adjustments');
  await expect(panel).toContainText('Terugbellen: middag — na 14 uur');
  await expect(panel).toContainText('Vertegenwoordiger: J. Vertegenwoordigd (zoon)');
  await expect(panel).toContainText('vertegenwoordiger krijgt kopieën');
  await expect(panel).not.toContainText('Lees- of hoorbehoeften:');
  // the acknowledgement went at triage: the call-back is the handler's next step (decision 053)
  const steps = page.getByTestId('next-steps');
  await expect(steps).toBeVisible({ timeout: 30_000 });
  await expect(steps.getByTestId('next-step-call_back_complainant')).toContainText(
    'Bel klager terug: middag (na 14 uur)',
  );
  await checkAccessibility(page);

  // her next call: picked at intake, what she asked for is shown, so it is not asked again
  await page.goto('/klachten/nieuw');
  await page.getByRole('combobox', { name: 'Zoek de klager' }).fill(tenant);
  await page.getByRole('option', { name: new RegExp(tenant) }).click();
  const current = page.getByTestId('intake-current-adjustments');
  await expect(current).toContainText('Al vastgelegd voor deze klager');
  await expect(current).toContainText('Terugbellen: middag — na 14 uur');
  await expect(current).toContainText('Vertegenwoordiger: J. Vertegenwoordigd (zoon)');
  await expect(page.getByRole('button', { name: 'Aanpassingen voor deze klager' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await checkAccessibility(page);
});
