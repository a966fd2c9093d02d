import { normalizePostcode, POSTCODE_PATTERN } from '../../../contract/reference-data.ts';
import type { IntakeValues } from './intake-form.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]*$/;
/** "2678AB 12", "2678 ab 12a", "2678AB 12-3": postcode, house number and an optional addition. */
const ADDRESS = /^([1-9][0-9]{3}\s*[a-zA-Z]{2})\s*,?\s*([0-9]{1,5})\s*[- ]?\s*([a-zA-Z0-9]{1,10})?$/;

/**
 * Issue 22: what was typed in the person search, carried into the new caller's fields, recognised as an
 * e-mail address, a phone number, a postcode with house number, or else a name.
 */
export function fieldsFromSearchText(
  text: string,
): Partial<
  Pick<
    IntakeValues,
    | 'newPersonName'
    | 'newPersonPhone'
    | 'newPersonEmail'
    | 'newPersonPostcode'
    | 'newPersonHouseNumber'
    | 'newPersonAddition'
  >
> {
  const typed = text.trim().replace(/\s+/g, ' ');
  if (typed === '') return {};
  if (EMAIL.test(typed)) return { newPersonEmail: typed };
  const address = ADDRESS.exec(typed);
  if (address) {
    const postcode = normalizePostcode(address[1] ?? '');
    if (POSTCODE_PATTERN.test(postcode))
      return {
        newPersonPostcode: postcode,
        newPersonHouseNumber: address[2] ?? '',
        newPersonAddition: (address[3] ?? '').toUpperCase(),
      };
  }
  if (PHONE.test(typed) && typed.replace(/[^0-9]/g, '').length >= 6) return { newPersonPhone: typed };
  if (/[0-9@]/.test(typed)) return {};
  return { newPersonName: typed };
}
