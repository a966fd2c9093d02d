import { Button, Group, Stack } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { ZodType } from 'zod';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import type { ComplaintActionPath } from '../complaints/complaints-api.ts';
import { useComplaintAction } from './use-complaint-action.ts';

export type FormField = { path: string; id: string; label: string };

/**
 * The frame of every action form: validates with the API's own schema, sends on the version the user saw,
 * and shows errors in a summary and at the field (client-side or from the API's problem+json).
 */
export function ActionForm({
  complaint,
  path,
  schema,
  body,
  fields,
  submitLabel,
  onDone,
  onCancel,
  children,
}: {
  complaint: ComplaintDetail;
  path: ComplaintActionPath;
  schema?: ZodType;
  body: () => unknown;
  fields: FormField[];
  submitLabel: string;
  onDone: (updated: ComplaintDetail) => void;
  onCancel: () => void;
  children: (errors: FieldErrors) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const action = useComplaintAction(complaint, path);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setAttempt((n) => n + 1);
    action.reset();
    const input = body();
    const validation = schema ? validateForm(schema, input) : { ok: true as const, data: input };
    setErrors(validation.ok ? {} : validation.errors);
    if (!validation.ok) return;
    action.mutate(validation.data, {
      onSuccess: onDone,
      onError: (error) => setErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
    });
  };

  const conflict = isApiError(action.error) && action.error.status === 412;
  const failure =
    action.error && !isFieldProblem(action.error)
      ? conflict
        ? t.complaint.conflict
        : describeApiError(action.error, locale, t)
      : undefined;
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(errors, fields, locale)}
        attempt={attempt}
      />
      <Stack gap="sm">
        {children(errors)}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t.complaint.cancel}
          </Button>
          <Button type="submit" loading={action.isPending} disabled={conflict}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
