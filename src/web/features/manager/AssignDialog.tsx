import { Alert, Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ComplaintListItem } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { assignHandler, fetchActiveStaff } from './manager-api.ts';

/** The manager picks who handles a complaint (policy 2.6). */
export function AssignDialog({
  complaint,
  onClose,
  onAssigned,
}: {
  complaint: ComplaintListItem | null;
  onClose: () => void;
  onAssigned: (reference: string, handlerName: string) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const staff = useQuery({
    queryKey: ['staff', 'active'],
    queryFn: fetchActiveStaff,
    enabled: complaint !== null,
  });
  const [handlerId, setHandlerId] = useState('');
  const [missing, setMissing] = useState(false);
  const assign = useMutation({
    mutationFn: (input: { complaintId: string; handlerId: string }) =>
      assignHandler(input.complaintId, input.handlerId),
    onSuccess: (detail) => {
      void queryClient.invalidateQueries({ queryKey: ['complaint-list'] });
      onAssigned(detail.reference, detail.handler?.name ?? '');
      setHandlerId('');
    },
  });
  const close = () => {
    assign.reset();
    setMissing(false);
    setHandlerId('');
    onClose();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!complaint) return;
    if (!handlerId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    assign.mutate({ complaintId: complaint.id, handlerId });
  };
  const options = (staff.data ?? [])
    .filter((s) => s.id !== complaint?.handlerId)
    .map((s) => ({ value: s.id, label: s.departmentName ? `${s.name} (${s.departmentName})` : s.name }));

  return (
    <Modal
      opened={complaint !== null}
      onClose={close}
      title={complaint ? t.manager.assignTitle(complaint.reference) : ''}
      closeButtonProps={{ 'aria-label': t.manager.close }}
    >
      {complaint && (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Text size="sm">
              {t.manager.currentHandler}: {complaint.handlerName ?? t.people.unassigned}
            </Text>
            {assign.isError && (
              <Alert color="red.9" variant="outline" role="alert">
                {describeApiError(assign.error, locale, t)}
              </Alert>
            )}
            <NativeSelect
              id="assign-handler"
              label={t.manager.newHandler}
              required
              value={handlerId}
              onChange={(event) => setHandlerId(event.currentTarget.value)}
              error={missing ? t.manager.chooseHandler : undefined}
              aria-invalid={missing || undefined}
              disabled={staff.isPending}
              data={[{ value: '', label: staff.isPending ? t.app.loading : t.manager.choose }, ...options]}
            />
            <Group justify="flex-end">
              <Button variant="subtle" onClick={close}>
                {t.manager.cancel}
              </Button>
              <Button type="submit" loading={assign.isPending}>
                {t.manager.assign}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
