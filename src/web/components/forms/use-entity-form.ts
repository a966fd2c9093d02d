import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ZodType } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import {
  checkInput,
  errorFor,
  type FieldSpecs,
  failureOf,
  fieldErrorsAfter,
  summaryOf,
  withValue,
} from './form-state.ts';

export type EntityFormOptions<V, I, R> = {
  /** The values the form starts with (and returns to after a create, with `resetOnSuccess`). */
  initial: V | (() => V);
  /** Ids and labels of the fields, in display order: for the error summary and per-field errors. */
  fields: FieldSpecs<V>;
  /** The request body from the values (trimming, `''` → `null`…); the values themselves when left out. */
  toInput?: (values: V) => I;
  /** The contract schema: checked in the browser first, with the API's own messages; its output is sent. */
  schema?: ZodType<I>;
  submit: (input: I) => Promise<R>;
  /** After a save; a returned promise (e.g. a refetch) keeps the form busy until it settles. */
  onSuccess?: (result: R) => unknown;
  /** Empty the form after a successful save (create forms). */
  resetOnSuccess?: boolean;
};

/**
 * One admin form: field values, the contract check, the request, the API's problem+json mapped onto the
 * fields, a whole-form failure message, busy state and an attempt counter (the error summary takes focus
 * again on every failed submit). Render it with `<EntityForm>`; put edits in a `<FormDialog>`.
 */
export function useEntityForm<V extends object, I = V, R = unknown>(options: EntityFormOptions<V, I, R>) {
  const { t, locale } = useI18n();
  const [initial] = useState(options.initial);
  const [values, setValues] = useState<V>(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const mutation = useMutation({
    mutationFn: options.submit,
    onSuccess: (result) => {
      if (options.resetOnSuccess) setValues(initial);
      return options.onSuccess?.(result);
    },
    onError: (error) => setFieldErrors(fieldErrorsAfter(error)),
  });

  /** Checks and sends the given values (e.g. a switch that saves at once); `submit` sends the current ones. */
  const save = (next: V) => {
    setAttempt((n) => n + 1);
    mutation.reset();
    const validation = checkInput(options.schema, options.toInput ? options.toInput(next) : next);
    setFieldErrors(validation.ok ? {} : validation.errors);
    if (validation.ok) mutation.mutate(validation.data);
  };
  const setValue = <K extends keyof V>(name: K, value: V[K]) =>
    setValues((current) => withValue(current, name, value));
  const error = (name: keyof V & string) => errorFor(fieldErrors, options.fields, name, locale);
  const id = (name: keyof V & string) => options.fields[name]?.id;

  return {
    values,
    setValue,
    setValues,
    fieldErrors,
    error,
    attempt,
    save,
    submit: (event?: FormEvent) => {
      event?.preventDefault();
      save(values);
    },
    summary: summaryOf(fieldErrors, options.fields, locale),
    failure: failureOf(mutation.error, locale, t),
    isPending: mutation.isPending,
    isSuccess: mutation.isSuccess,
    data: mutation.data,
    /** Props for a text input or native select bound to a text value. */
    text: (name: { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string) => ({
      id: id(name),
      value: values[name] as string,
      onChange: (event: { currentTarget: { value: string } }) =>
        setValue(name, event.currentTarget.value as V[typeof name]),
      error: error(name),
    }),
    /** Props for a checkbox bound to a boolean value. */
    checkbox: (name: { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string) => ({
      id: id(name),
      checked: values[name] as boolean,
      onChange: (event: { currentTarget: { checked: boolean } }) =>
        setValue(name, event.currentTarget.checked as V[typeof name]),
    }),
  };
}

export type EntityForm = Pick<ReturnType<typeof useEntityForm>, 'summary' | 'failure' | 'attempt' | 'submit'>;
