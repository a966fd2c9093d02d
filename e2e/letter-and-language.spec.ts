import { execFileSync } from 'node:child_process';
import { caseAction, createTenant, EVA, registerThroughApi, signIn } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

// Issue 21: a complainant without e-mail gets the acknowledgement as a letter on the "te posten" list (with
// the QR code and the case code); staff open the PDF, post it and note the day. Later the caller turns out to
// read English better: staff change the complainant's language on the case page.

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(90_000);

test('the acknowledgement letter is printed from "te posten" and noted as posted; the complainant’s language is changed', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  const { personId } = await createTenant(page, 'Mw. Joyce Baker', '06 56789012', 31);
  const complaint = await registerThroughApi(page, {
    channel: 'phone',
    complainantId: personId,
    description: 'De voordeur van de flat sluit al twee weken niet meer.',
  });

  await page.goto('/te-posten');
  const row = page.getByTestId('letters-to-post').getByRole('row', { name: new RegExp(complaint.reference) });
  await expect(row).toBeVisible();
  await checkAccessibility(page);

  // The letter as it will be printed: a PDF naming the complaint and the page where the code is typed
  const href = await row.getByRole('link', { name: /Brief \(pdf\)/ }).getAttribute('href');
  expect(href).not.toBeNull();
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const text = execFileSync('pdftotext', ['-', '-'], { input: await pdf.body() }).toString('utf8');
  expect(text).toContain(complaint.reference);
  expect(text).toContain('/klacht/status');

  await row.getByRole('button', { name: 'Gepost' }).click();
  await expect(page.getByText(`Brief voor ${complaint.reference} staat als gepost genoteerd.`)).toBeVisible();
  await expect(
    page.getByTestId('letters-to-post').getByRole('row', { name: new RegExp(complaint.reference) }),
  ).toHaveCount(0);

  await page.goto(`/klachten/${complaint.id}`);
  await (await caseAction(page, 'Taal van de klager wijzigen')).click();
  const dialog = page.getByRole('dialog', { name: 'Taal van de klager wijzigen' });
  await expect(dialog).toContainText('Nu: Nederlands');
  await dialog.getByRole('combobox', { name: /Nieuwe taal/ }).selectOption({ label: 'Engels' });
  await checkAccessibility(page);
  await dialog.getByRole('button', { name: 'Taal opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('timeline')).toContainText('Taal van de klager gewijzigd');
  await checkAccessibility(page);
});
