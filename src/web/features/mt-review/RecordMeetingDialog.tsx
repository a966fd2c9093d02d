import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem } from '../../lib/form-errors.ts';
import { createMeeting, mtKeys } from './mt-api.ts';
import { today } from './quarters.ts';

/** Starts the record of an MT meeting about a quarter; the meeting page takes it from there. */
export function RecordMeetingDialog({
  quarter,
  opened,
  onClose,
}: {
  quarter: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [heldOn, setHeldOn] = useState(today);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: () => createMeeting({ quarter, heldOn }),
    onSuccess: (meeting) => {
      void queryClient.invalidateQueries({ queryKey: mtKeys.agenda(quarter) });
      queryClient.setQueryData(mtKeys.meeting(meeting.id), meeting);
      void navigate(`/mt/vergaderingen/${meeting.id}`);
    },
    onError: (error) => setFieldErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!heldOn) {
      setFieldErrors({ heldOn: { nl: 'Vul dit veld in.', en: 'Fill in this field.' } });
      return;
    }
    setFieldErrors({});
    create.mutate();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t.mtReview.recordMeetingTitle(quarter)}
      closeButtonProps={{ 'aria-label': t.mtReview.close }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {create.isError && !isFieldProblem(create.error) && (
            <Alert color="red.9" variant="outline" role="alert">
              {describeApiError(create.error, locale, t)}
            </Alert>
          )}
          <TextInput
            id="meeting-held-on"
            type="date"
            label={t.mtReview.heldOn}
            required
            value={heldOn}
            onChange={(event) => setHeldOn(event.currentTarget.value)}
            error={fieldErrors.heldOn?.[locale]}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t.mtReview.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t.mtReview.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
