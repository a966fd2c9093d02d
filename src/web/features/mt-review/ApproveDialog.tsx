import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { approveMeeting, type Meeting, mtKeys } from './mt-api.ts';

/** Approving locks the record for good (it is the minutes archive), so it asks first. */
export function ApproveDialog({
  meeting,
  opened,
  unsaved,
  onClose,
}: {
  meeting: Meeting;
  opened: boolean;
  unsaved: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const approve = useMutation({
    mutationFn: () => approveMeeting(meeting.id),
    onSuccess: (saved) => {
      queryClient.setQueryData(mtKeys.meeting(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: mtKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t.mtReview.approveTitle}
      closeButtonProps={{ 'aria-label': t.mtReview.close }}
    >
      <Stack gap="md">
        <Text>{t.mtReview.approveText}</Text>
        {unsaved && (
          <Alert color="#8a4500" variant="outline" role="alert">
            {t.mtReview.approveUnsaved}
          </Alert>
        )}
        {approve.isError && (
          <Alert color="red.9" variant="outline" role="alert">
            {describeApiError(approve.error, locale, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t.mtReview.cancel}
          </Button>
          <Button onClick={() => approve.mutate()} loading={approve.isPending} disabled={unsaved}>
            {t.mtReview.approveConfirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
