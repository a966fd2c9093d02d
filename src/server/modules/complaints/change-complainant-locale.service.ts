import type { z } from 'zod';
import type { changeComplainantLocaleInput } from '../../../contract/complaints.ts';
import { decideComplainantLocaleChange } from '../../../domain/index.ts';
import { AppError } from '../../http/app-error.ts';
import type { Write } from './complaint-actions.service.ts';
import { mutateComplaint } from './complaint-mutation.service.ts';

/**
 * Issue 21, policy 1.1: staff change the language the complainant is written to in, after registration.
 * Like a contact moment, whoever may see the complaint may do it (they are the ones who talk with the
 * complainant); later mails and letters follow the stored language (complaint-messages.service.ts).
 */
export function changeComplainantLocale(w: Write, input: z.infer<typeof changeComplainantLocaleInput>) {
  return mutateComplaint(
    w.db,
    w.principal,
    w.id,
    { permission: 'complaint.log_contact', ifMatch: w.ifMatch },
    ({ row }) => {
      const decided = decideComplainantLocaleChange(row.complainant_locale, input.locale);
      if (!decided.ok) throw new AppError(decided.reason);
      return {
        columns: { complainant_locale: decided.to },
        events: [{ type: 'complainant_locale_changed', payload: { from: decided.from, to: decided.to } }],
      };
    },
  );
}
