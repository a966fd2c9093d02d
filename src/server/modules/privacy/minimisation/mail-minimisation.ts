import type { Scoped } from '../../../db/tenant-scope.ts';
import { findMailIncludesCaseText } from '../privacy.repository.ts';

/**
 * Minimisation (AVG art. 5(1)(c)): a mail that only points staff at a case carries the reference and a
 * link, not the case's texts, unless the organisation has chosen otherwise in its privacy settings.
 */
export async function mailIncludesCaseText(trx: Scoped): Promise<boolean> {
  return findMailIncludesCaseText(trx);
}

export const CASE_TEXT_IN_GEHOORD =
  'De tekst staat in Gehoord (zie de link); uit privacyoverwegingen sturen wij die niet per e-mail mee. / The text is in Gehoord (see the link); for privacy it is not sent by e-mail.';
