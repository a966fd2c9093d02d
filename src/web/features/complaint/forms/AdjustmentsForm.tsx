import { Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AdjustmentsInput } from '../../../../contract/adjustments.ts';
import type { ComplaintDetail } from '../../../../contract/complaints.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem } from '../../../lib/form-errors.ts';
import { useSaveAdjustments } from '../adjustments-api.ts';
import { AdjustmentFieldGroups, adjustmentSummaryFields } from './AdjustmentFieldGroups.tsx';
import { adjustmentsDraftFrom, toAdjustmentsInput } from './adjustments-draft.ts';

/** Issue 26: the whole set of a complainant's adjustments, as staff hear them (phone, desk, letter, case). */
export function AdjustmentsForm(props: {
  complaint: ComplaintDetail;
  current: AdjustmentsInput;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const a = t.adjustments;
  const save = useSaveAdjustments(props.complaint);
  const [draft, setDraft] = useState(() => adjustmentsDraftFrom(props.current));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    save.mutate(toAdjustmentsInput(draft), {
      onSuccess: props.onDone,
      onError: (error) => setErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
    });
  };
  const failure =
    save.error && !isFieldProblem(save.error) ? describeApiError(save.error, locale, t) : undefined;

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(errors, adjustmentSummaryFields('adj', '', a), locale)}
        attempt={attempt}
      />
      <Stack gap="sm">
        <AdjustmentFieldGroups
          idPrefix="adj"
          value={draft}
          onChange={setDraft}
          error={(path) => errors[path]?.[locale]}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t.complaint.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {a.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
