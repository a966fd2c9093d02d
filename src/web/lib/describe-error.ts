import { type ErrorCode, errorCatalog, type Locale } from '../../contract/errors.ts';
import type { SummaryFieldError } from '../components/ErrorSummary.tsx';
import type { Messages } from '../i18n/messages.nl.ts';
import { type ApiError, isApiError } from './api-client.ts';
import type { FieldErrors } from './form-errors.ts';

/** The API's message in the current language; for "too many attempts" with the time until the next try. */
export function describeApiError(error: unknown, locale: Locale, t: Messages): string {
  if (!isApiError(error)) return errorCatalog.internal_error[locale];
  const text = error.text(locale);
  if (error.status === 429 && error.retryAfterSeconds)
    return `${text} ${t.login.retryIn(Math.ceil(error.retryAfterSeconds / 60))}`;
  return text;
}

/** A code from the address bar (`?fout=`), e.g. set by a single sign-on redirect: known codes get their text. */
export function describeErrorCode(code: string, locale: Locale, t: Messages): string {
  return Object.hasOwn(errorCatalog, code) ? errorCatalog[code as ErrorCode][locale] : t.login.redirectFailed;
}

/** Whether an API failure is about the fields (shown per field) rather than the whole form. */
export function isFieldProblem(error: unknown): error is ApiError {
  return isApiError(error, 'validation_failed') && error.fieldErrors.length > 0;
}

/** Field errors in form order, with the label the user sees, for the error summary. */
export function summarizeFieldErrors(
  errors: FieldErrors,
  fields: { path: string; id: string; label: string }[],
  locale: Locale,
): SummaryFieldError[] {
  return fields.flatMap((field) => {
    const message = errors[field.path];
    return message ? [{ fieldId: field.id, label: field.label, message: message[locale] }] : [];
  });
}
