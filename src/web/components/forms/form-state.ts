import type { ZodType } from 'zod';
import type { Locale } from '../../../contract/errors.ts';
import type { Messages } from '../../i18n/messages.nl.ts';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import {
  type FieldErrors,
  fieldErrorsFromProblem,
  type Validation,
  validateForm,
} from '../../lib/form-errors.ts';
import type { SummaryFieldError } from '../ErrorSummary.tsx';

/**
 * The pure part of the shared form (no React): which field an error belongs to, what the summary lists and
 * what a failed request leaves behind. `useEntityForm` wires these to state; they are tested in test/web.
 */

/** How a form field is shown: its element id (the summary links to it), its label, and the API path if not its name. */
export type FieldSpec = { id: string; label: string; path?: string };

/** The fields of a form in display order (the summary keeps this order), keyed by the form value's name. */
export type FieldSpecs<V> = { [K in keyof V]?: FieldSpec };

/** Checks the input before sending: with the contract schema when there is one, else the server checks it. */
export function checkInput<I>(schema: ZodType<I> | undefined, input: unknown): Validation<I> {
  return schema ? validateForm(schema, input) : { ok: true, data: input as I };
}

/** What a failed request leaves on the fields: the problem's per-field messages, none for a whole-form failure. */
export function fieldErrorsAfter(error: unknown): FieldErrors {
  return isFieldProblem(error) ? fieldErrorsFromProblem(error) : {};
}

/** The message for a failure that is not about one field (shown above the form); nothing otherwise. */
export function failureOf(error: unknown, locale: Locale, t: Messages): string | undefined {
  return error && !isFieldProblem(error) ? describeApiError(error, locale, t) : undefined;
}

function pathOf(name: string, spec: FieldSpec | undefined): string {
  return spec?.path ?? name;
}

/** A field's error, or the first error of one of its items (`allowedIssuers.2` belongs to a list field). */
function messageAt(errors: FieldErrors, path: string) {
  return errors[path] ?? Object.entries(errors).find(([errorPath]) => errorPath.startsWith(`${path}.`))?.[1];
}

/** The error of one field in the current language (a language switch re-words it). */
export function errorFor<V>(
  errors: FieldErrors,
  fields: FieldSpecs<V>,
  name: keyof V & string,
  locale: Locale,
): string | undefined {
  return messageAt(errors, pathOf(name, fields[name]))?.[locale];
}

/** The error summary's entries, in the order the fields are declared, each linking to its field. */
export function summaryOf<V>(
  errors: FieldErrors,
  fields: FieldSpecs<V>,
  locale: Locale,
): SummaryFieldError[] {
  const specs = Object.entries(fields as Record<string, FieldSpec | undefined>).flatMap(([name, spec]) =>
    spec ? [{ path: pathOf(name, spec), id: spec.id, label: spec.label }] : [],
  );
  const own: FieldErrors = {};
  for (const { path } of specs) {
    const message = messageAt(errors, path);
    if (message) own[path] = message;
  }
  return summarizeFieldErrors(own, specs, locale);
}

/** The values with one field changed (a new object, so React sees the change). */
export function withValue<V, K extends keyof V>(values: V, name: K, value: V[K]): V {
  return { ...values, [name]: value };
}

/** Empty text (after trimming) as `null`: optional text fields the API takes as "not set". */
export function blankToNull(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** An unchosen select option (`''`) as `null`. */
export function emptyToNull(value: string): string | null {
  return value === '' ? null : value;
}
