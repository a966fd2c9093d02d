import { ADJUSTMENT_PROBLEM_TEXT } from '../../../../contract/adjustments.ts';
import type { RegisterComplaintInput } from '../../../../contract/complaints.ts';
import type { FieldError } from '../../../../contract/problem.ts';
import { decideAdjustments } from '../../../../domain/index.ts';
import { AppError } from '../../../http/app-error.ts';
import type { RegisteredAdjustments } from '../complaint-events.ts';
import type { RegistrationOrigin } from '../complaint-registration.service.ts';

// Issue 26 (decision 052): the adjustments asked for with a registration. Checked here, before anything is
// written; stored by the adjustments module on `complaint.registered`, in the registration's transaction.

/**
 * Issue 26 (decision 052): the adjustments asked for at intake, checked by the domain rule before anything is
 * written (400 with paths under `adjustments.`). Null when nothing is asked: that costs no statement.
 */
export function askedAdjustments(input: RegisterComplaintInput) {
  if (input.adjustments === undefined) return null;
  const decided = decideAdjustments([], input.adjustments);
  const problems: FieldError[] = decided.ok
    ? []
    : decided.problems.map((p) => ({
        in: 'body',
        path: `adjustments.${p.path}`,
        code: p.code,
        messages: ADJUSTMENT_PROBLEM_TEXT[p.code],
      }));
  if (decided.ok && decided.rows.length > 0 && input.complainantId === undefined && !input.complainant)
    problems.push({
      in: 'body',
      path: 'adjustments',
      code: 'adjustments_without_complainant',
      messages: {
        nl: 'Aanpassingen horen bij een klager: vul de klager in.',
        en: 'Adjustments belong to a complainant: fill in the complainant.',
      },
    });
  if (problems.length > 0) throw new AppError('validation_failed', { fieldErrors: problems });
  return decided.ok && decided.rows.length > 0 ? decided.rows : null;
}

export function registeredAdjustments(
  rows: RegisteredAdjustments['rows'] | null,
  personId: string | null,
  principal: RegistrationOrigin,
  at: Date,
): RegisteredAdjustments | null {
  if (rows === null || personId === null) return null;
  return {
    personId,
    rows,
    recordedBy: principal.kind === 'staff' ? principal.userId : null,
    recordedVia: principal.kind === 'token' ? 'api' : principal.kind,
    at,
  };
}
