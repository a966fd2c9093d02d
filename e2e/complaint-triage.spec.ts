import { caseAction, EVA, registerThroughApi, signIn } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(90_000);

test('a web complaint that is a first-time repair request is referred, and the referral recorded', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  // As the website registers it: the complainant is new, nobody has triaged it yet.
  const complaint = await registerThroughApi(page, {
    channel: 'web',
    complainant: { name: 'Dhr. Kees Vermeer', email: 'kees.vermeer@example.nl', relation: 'tenant' },
    description: 'Mijn keukenkraan lekt al een week. Kan er iemand langskomen?',
  });
  await page.reload();
  const queue = page.getByTestId('work-queue');
  await expect(queue.getByRole('link', { name: complaint.reference })).toBeVisible();
  await checkAccessibility(page);

  await queue.getByRole('link', { name: complaint.reference }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Nieuw');
  await expect(page.getByTestId('next-steps')).toContainText('Beoordeel of dit een klacht is');
  await checkAccessibility(page);

  await page
    .getByTestId('next-steps')
    .getByRole('button', { name: 'Beoordelen: is het een klacht?' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Beoordelen: is het een klacht?' });
  await dialog
    .getByRole('radiogroup', { name: /reparatieverzoek/ })
    .getByRole('radio', { name: 'Ja' })
    .check();
  // Asked without a choice: the summary names the field, and the field says what is wrong.
  await dialog.getByRole('button', { name: 'Doorverwijzen' }).click();
  await expect(dialog.getByTestId('error-summary')).toContainText('Wat voor melding?');
  await expect(dialog.getByRole('combobox', { name: 'Wat voor melding?' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await checkAccessibility(page);
  await dialog
    .getByRole('combobox', { name: 'Wat voor melding?' })
    .selectOption({ label: 'Reparatieverzoek' });
  await dialog
    .getByRole('textbox', { name: /Toelichting/ })
    .fill('Doorgezet naar reparatieverzoeken, melding 4411.');
  await dialog.getByRole('button', { name: 'Doorverwijzen' }).click();

  await expect(page.getByTestId('complaint-status')).toHaveText('Doorverwezen');
  await expect(page.getByTestId('timeline')).toContainText('Geen klacht: doorverwezen');
  await expect(page.getByTestId('next-steps')).toContainText('Er hoeft niets meer te gebeuren.');
  await expect(await caseAction(page, 'Antwoord versturen')).toBeDisabled();
  await checkAccessibility(page);

  // English on request: the same page, every label and the domain's words switch.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Referred');
  await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Not a complaint: referred');
  await expect(await caseAction(page, 'Send the answer')).toHaveAccessibleDescription(
    'Not possible in status “Referred”.',
  );
  await checkAccessibility(page);
  await page.getByRole('button', { name: 'Nederlands' }).click();
});

test('a complaint outside the procedure is declined on its ground; the explanation goes by post', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  await page.getByRole('link', { name: 'Nieuwe klacht registreren' }).click();
  await page.getByRole('radio', { name: 'Brief' }).check();
  await page.getByRole('button', { name: 'Nieuwe klager invoeren' }).click();
  await expect(page.getByRole('textbox', { name: 'Naam' })).toBeFocused();
  await page.getByRole('textbox', { name: 'Naam' }).fill('Mevrouw Fenna de Wit');
  await page
    .getByRole('textbox', { name: 'Wat is de klacht?' })
    .fill('Door de storm is mijn schutting omgewaaid; ik wil de schade vergoed krijgen.');
  await page
    .getByRole('radiogroup', { name: /buiten de klachtenprocedure/ })
    .getByRole('radio', { name: 'Ja' })
    .check();
  await page.getByRole('combobox', { name: 'Welke reden?' }).selectOption({
    label: 'e. Schadeclaim die een verzekeraar behandelt',
  });
  // This ground refers somewhere concrete: without it, the form says so at the field.
  await page.getByRole('button', { name: 'Registreren: buiten de procedure' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Waarheen verwijzen we?');
  await checkAccessibility(page);
  await page.getByRole('textbox', { name: /Waarheen verwijzen we/ }).fill('Interpolis, schadenummer 77-1204');
  await expect(page.getByTestId('explanation-preview')).toContainText(
    'Uw schadeclaim wordt behandeld door de verzekeraar (Interpolis, schadenummer 77-1204).',
  );
  await page.getByRole('button', { name: 'Registreren: buiten de procedure' }).click();

  await expect(page.getByTestId('complaint-status')).toHaveText('Buiten de klachtenprocedure');
  await expect(page.getByTestId('next-steps')).toContainText('Leg de klager binnen de termijn uit');
  await checkAccessibility(page);
  await page.getByTestId('next-steps').getByRole('button', { name: 'Uitleg versturen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Uitleg versturen' });
  await expect(dialog.getByTestId('explanation-text')).toContainText(
    'verzekeraar (Interpolis, schadenummer 77-1204)',
  );
  await checkAccessibility(page);
  await dialog.getByRole('button', { name: 'Uitleg versturen' }).click();
  // policy 2.5: a letter without an e-mail address: prepared to post; only the posting day counts as explained
  await expect(page.getByTestId('timeline')).toContainText('Brief met uitleg klaargezet om te posten');
  await expect(page.getByTestId('complaint-status')).toHaveText('Buiten de klachtenprocedure');
  await checkAccessibility(page);
  await (await caseAction(page, 'Brief gepost')).click();
  const posted = page.getByRole('dialog', { name: 'Brief gepost' });
  await expect(posted.getByLabel('Gepost op')).not.toHaveValue('');
  await posted.getByRole('button', { name: 'Brief gepost' }).click();
  await expect(page.getByTestId('complaint-status')).toHaveText('Afgesloten');
  await expect(page.getByTestId('timeline')).toContainText('Brief gepost');
  await checkAccessibility(page);
});
