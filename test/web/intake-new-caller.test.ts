import { describe, expect, it } from 'vitest';
import { registerComplaintInput } from '../../src/contract/complaints.ts';
import {
  blankIntakeValues,
  type IntakeValues,
  newPersonAddress,
  toRegisterBody,
} from '../../src/web/features/intake/intake-form.ts';
import { fieldsFromSearchText } from '../../src/web/features/intake/search-text.ts';
import { validateForm } from '../../src/web/lib/form-errors.ts';

// Issue 22: the text typed in the person search goes into the right new-caller field; the address found by
// postcode and house number goes with the complaint.

describe('the person search text carried into a new caller', () => {
  it.each<[string, ReturnType<typeof fieldsFromSearchText>]>([
    ['06 12345678', { newPersonPhone: '06 12345678' }],
    ['+31 15 212 3456', { newPersonPhone: '+31 15 212 3456' }],
    ['0612345678', { newPersonPhone: '0612345678' }],
    ['  j.devries@example.nl ', { newPersonEmail: 'j.devries@example.nl' }],
    ['Mevrouw  de Vries', { newPersonName: 'Mevrouw de Vries' }],
    ['Jan-Willem van ’t Hof', { newPersonName: 'Jan-Willem van ’t Hof' }],
    ['2611ab 14', { newPersonPostcode: '2611AB', newPersonHouseNumber: '14', newPersonAddition: '' }],
    ['2611 AB 14a', { newPersonPostcode: '2611AB', newPersonHouseNumber: '14', newPersonAddition: 'A' }],
    ['2611AB, 14-B', { newPersonPostcode: '2611AB', newPersonHouseNumber: '14', newPersonAddition: 'B' }],
    // nothing recognisable: nothing is guessed
    ['', {}],
    ['12', {}],
    ['Dorpsstraat 12', {}],
    ['0611AB 12', {}],
  ])('%j → %j', (text, expected) => {
    expect(fieldsFromSearchText(text)).toEqual(expected);
  });
});

const newCaller = (changes: Partial<IntakeValues>): IntakeValues => ({
  ...blankIntakeValues('phone', '2026-12-07T10:00'),
  newPerson: true,
  newPersonName: 'Mevrouw de Vries',
  description: 'De lift doet het al een week niet.',
  ...changes,
});

describe("a new caller's address in the register body", () => {
  it('a unit found by the lookup goes along with the postal address', () => {
    const unitId = '00000000-0000-4000-8000-0000000000e1';
    const values = newCaller({
      newPersonPostcode: '2611ab',
      newPersonHouseNumber: '14',
      newPersonAddition: 'a',
      newPersonStreet: 'Oude Delft',
      newPersonPlace: 'Delft',
      newPersonUnitId: unitId,
    });
    expect(newPersonAddress(values)).toBe('Oude Delft 14A, 2611 AB Delft');
    const body = validateForm(registerComplaintInput, toRegisterBody(values));
    expect(body.ok && body.data.complainant).toMatchObject({
      name: 'Mevrouw de Vries',
      postalAddress: 'Oude Delft 14A, 2611 AB Delft',
      unitId,
    });
  });

  it('an address typed by hand goes without a unit; an incomplete one not at all', () => {
    const typed = toRegisterBody(
      newCaller({
        newPersonPostcode: '2611 AB',
        newPersonHouseNumber: '3',
        newPersonStreet: 'Nieuwstraat',
        newPersonPlace: 'Delft',
      }),
    );
    expect(typed.complainant?.postalAddress).toBe('Nieuwstraat 3, 2611 AB Delft');
    expect(typed.complainant).not.toHaveProperty('unitId');
    const incomplete = toRegisterBody(newCaller({ newPersonPostcode: '2611 AB', newPersonHouseNumber: '3' }));
    expect(incomplete.complainant?.postalAddress).toBeNull();
  });
});
