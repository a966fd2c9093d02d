import type { Locator, Page } from '@playwright/test';
import { createTenant, EVA, signIn } from './complaint-support.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });
test.setTimeout(90_000);

/** Tab (never the mouse) until the field has focus; fails when the field is not in the tab order. */
async function tabTo(page: Page, target: Locator, maxPresses = 25): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a complaint is registered with the keyboard only, no mouse', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  await signIn(page, demoAccount(EVA));
  await createTenant(page, 'Joke Visser', '06 23456789', 14);

  // From the work queue to the intake: Tab to the link, Enter.
  const newComplaint = page.getByRole('link', { name: 'Nieuwe klacht registreren' });
  await tabTo(page, newComplaint);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nieuwe klacht registreren');

  // The cursor starts in the person search.
  const person = page.getByRole('combobox', { name: 'Zoek de klager' });
  await expect(person).toBeFocused();
  await page.keyboard.type('Joke Vis');
  await expect(page.getByRole('option', { name: /Joke Visser/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-details')).toContainText('Complex: De Hoven');

  const description = page.getByRole('textbox', { name: 'Wat is de klacht?' });
  await tabTo(page, description);
  await page.keyboard.type(
    'Mijn klacht over de geluidsoverlast is nooit beantwoord, ook niet na twee keer bellen.',
  );

  const category = page.getByRole('combobox', { name: 'Categorie' });
  await tabTo(page, category);
  await page.keyboard.press('ArrowDown');
  await expect(category).toHaveValue('no_or_late_answer');

  const department = page.getByRole('combobox', { name: 'Afdeling' });
  await tabTo(page, department);
  await page.keyboard.press('ArrowDown');
  await expect(department).not.toHaveValue('');
  await checkAccessibility(page);

  // Ctrl+Enter registers from anywhere in the form.
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/\/klachten\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('complaint-status')).toHaveText('In behandeling');
  await expect(page.getByTestId('complaint-description')).toContainText('geluidsoverlast');

  // The first step on the case page, by keyboard too: the dialog opens with the cursor in its field.
  const logContact = page.getByTestId('next-steps').getByRole('button', { name: 'Contact vastleggen' });
  await tabTo(page, logContact, 60);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Contact vastleggen' });
  await expect(dialog.getByRole('textbox', { name: 'Wat is er besproken?' })).toBeFocused();
  await page.keyboard.type('Teruggebeld; mevrouw krijgt vrijdag antwoord.');
  await tabTo(page, dialog.getByRole('button', { name: 'Contact vastleggen' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('timeline')).toContainText('Teruggebeld');
  await checkAccessibility(page);
});
