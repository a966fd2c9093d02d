import { Alert, Button, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ACTION_STATUSES, type ActionStatus, decideActionTransition } from '../../../domain/learning.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { inBothLanguages, useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem } from '../../lib/form-errors.ts';
import { type ActionDetail, mtKeys, updateAction } from './mt-api.ts';

const STATUSES = Object.keys(ACTION_STATUSES) as ActionStatus[];
const EMPTY = { note: '', status: '' as ActionStatus | '', reason: '', result: '' };

/** A progress note and/or a status change; dropping needs a reason, done needs the result (policy 3.1). */
export function ActionUpdateForm({
  action,
  byManagementTeam,
}: {
  action: ActionDetail;
  byManagementTeam: boolean;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<typeof EMPTY>) => setValues((v) => ({ ...v, ...patch }));
  // The same rule the API applies, so only moves that can succeed are offered.
  const next = STATUSES.filter(
    (to) =>
      decideActionTransition({ from: action.status, to, byManagementTeam, reason: 'x', result: 'x' }).ok,
  );
  const save = useMutation({
    mutationFn: () =>
      updateAction(action.id, {
        ...(values.note.trim() ? { note: values.note } : {}),
        ...(values.status ? { status: values.status } : {}),
        ...(values.status === 'dropped' ? { reason: values.reason } : {}),
        ...(values.status === 'done' ? { result: values.result } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(mtKeys.action(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: mtKeys.all });
      setValues(EMPTY);
    },
    onError: (error) => setFieldErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    save.reset();
    const errors: FieldErrors = {};
    if (!values.note.trim() && !values.status) errors.note = inBothLanguages((m) => m.mtReview.nothingToSave);
    if (values.status === 'dropped' && !values.reason.trim())
      errors.reason = inBothLanguages((m) => m.mtReview.dropReasonRequired);
    if (values.status === 'done' && !values.result.trim())
      errors.result = inBothLanguages((m) => m.mtReview.resultRequired);
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  const fields = [
    { path: 'note', id: 'action-note', label: t.mtReview.note },
    { path: 'status', id: 'action-status', label: t.mtReview.newStatus },
    { path: 'reason', id: 'action-reason', label: t.mtReview.dropReason },
    { path: 'result', id: 'action-result', label: t.mtReview.result },
  ];
  const failure =
    save.error && !isFieldProblem(save.error) ? describeApiError(save.error, locale, t) : undefined;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="action-update">
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(fieldErrors, fields, locale)}
        attempt={attempt}
      />
      {save.isSuccess && (
        <Alert color="#1b5e20" variant="outline" role="status" mb="md">
          {t.mtReview.updated}
        </Alert>
      )}
      <Stack gap="md" maw={720}>
        <Textarea
          id="action-note"
          label={t.mtReview.note}
          autosize
          minRows={3}
          value={values.note}
          onChange={(event) => set({ note: event.currentTarget.value })}
          error={fieldErrors.note?.[locale]}
        />
        {next.length > 0 && (
          <NativeSelect
            id="action-status"
            label={t.mtReview.newStatus}
            value={values.status}
            onChange={(event) => set({ status: event.currentTarget.value as ActionStatus | '' })}
            data={[
              { value: '', label: t.mtReview.keepStatus },
              ...next.map((s) => ({ value: s, label: ACTION_STATUSES[s][locale] })),
            ]}
            error={fieldErrors.status?.[locale]}
            maw={320}
          />
        )}
        {values.status === 'dropped' && (
          <Textarea
            id="action-reason"
            label={t.mtReview.dropReason}
            required
            autosize
            minRows={2}
            value={values.reason}
            onChange={(event) => set({ reason: event.currentTarget.value })}
            error={fieldErrors.reason?.[locale]}
          />
        )}
        {values.status === 'done' && (
          <Textarea
            id="action-result"
            label={t.mtReview.result}
            description={t.mtReview.resultHelp}
            required
            autosize
            minRows={2}
            value={values.result}
            onChange={(event) => set({ result: event.currentTarget.value })}
            error={fieldErrors.result?.[locale]}
          />
        )}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t.mtReview.save}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
