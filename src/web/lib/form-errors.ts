import type { ZodType } from 'zod';
import { describeValidationIssue, type ValidationIssue } from '../../contract/validation-messages.ts';
import type { ApiError, LocalizedText } from './api-client.ts';

/** Field path (dotted, as the API reports it) → message in both languages, so a language switch re-words it. */
export type FieldErrors = Record<string, LocalizedText>;

const required: LocalizedText = { nl: 'Vul dit veld in.', en: 'Fill in this field.' };

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Validates form values with the same contract schema the API uses; the first issue per field wins. */
export function validateForm<T>(schema: ZodType<T>, values: unknown): Validation<T> {
  const result = schema.safeParse(values, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path]) continue;
    const input = (issue as { input?: unknown }).input;
    errors[path] =
      input === '' || input === undefined
        ? required
        : describeValidationIssue(issue as unknown as ValidationIssue);
  }
  return { ok: false, errors };
}

/** The API's per-field problems (problem+json `errors[]`), keyed like validateForm's. */
export function fieldErrorsFromProblem(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of error.fieldErrors) {
    if (!errors[field.path]) errors[field.path] = field.messages;
  }
  return errors;
}
