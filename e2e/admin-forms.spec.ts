import { expect, signInThroughPage, test } from './fixtures.ts';

const RUUD = 'ruud.mulder@demo.gehoord.nl';

// The shared admin form (issue 23), on a page no other journey covers: the error summary links to the
// field, a create empties the form, an edit dialog shows the server's field errors the same way.
test('an administrator adds a contractor and renames it, guided by the error summary', async ({
  page,
  demoAccount,
  checkAccessibility,
}) => {
  const ruud = demoAccount(RUUD);
  // Unique per run: the journeys share one database.
  const name = `Dakwerken Vlietland ${Date.now().toString(36)}`;
  const renamed = `${name} BV`;
  await signInThroughPage(page, ruud.email, ruud.password);
  await expect(page.getByTestId('signed-in-user')).toHaveText('Ruud Mulder');
  await page.goto('/beheer/aannemers');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Aannemers');
  await expect(page.getByText('Bezig met laden…')).toHaveCount(0);
  await checkAccessibility(page);

  // Nothing filled in: the summary takes focus and its link leads to the field.
  const section = page.getByRole('region', { name: 'Nieuwe aannemer' });
  await section.getByRole('button', { name: 'Aannemer toevoegen' }).click();
  const summary = section.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Controleer deze velden');
  const nameField = section.getByRole('textbox', { name: 'Naam', exact: true });
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('link', { name: 'Naam: Vul dit veld in.' }).click();
  await expect(nameField).toBeFocused();
  await checkAccessibility(page);

  await nameField.fill(name);
  await section.getByRole('textbox', { name: 'Vakgebied' }).fill('dakdekker');
  await section
    .getByRole('combobox', { name: 'Verantwoordelijke afdeling' })
    .selectOption({ label: 'Wonen' });
  await section.getByRole('button', { name: 'Aannemer toevoegen' }).click();
  await expect(section.getByRole('status')).toHaveText(`Aannemer ${name} is toegevoegd.`);
  await expect(summary).toHaveCount(0);
  await expect(nameField).toHaveValue('');
  const table = page.getByTestId('contractors');
  await expect(table.getByRole('row', { name: new RegExp(name) })).toContainText('Wonen');

  // The edit dialog: an emptied name comes back from the API as a field error, linked from the summary.
  await table.getByRole('button', { name: `Wijzigen ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `${name} wijzigen` });
  const editName = dialog.getByRole('textbox', { name: 'Naam', exact: true });
  await expect(editName).toHaveValue(name);
  await editName.fill('');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  const dialogSummary = dialog.getByTestId('error-summary');
  await expect(dialogSummary).toBeFocused();
  await expect(editName).toHaveAttribute('aria-invalid', 'true');
  await dialogSummary.getByRole('link', { name: /^Naam: / }).click();
  await expect(editName).toBeFocused();
  await checkAccessibility(page);

  await editName.fill(renamed);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(table.getByRole('rowheader', { name: renamed, exact: true })).toBeVisible();
  await checkAccessibility(page);
});
