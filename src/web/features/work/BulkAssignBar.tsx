import { Alert, Button, Group, List, NativeSelect, Paper, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { CurrentUser } from '../../../contract/auth.ts';
import type { BulkAssignResult } from '../../../contract/work-queue.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { complaintKeys, fetchStaff } from '../complaints/complaints-api.ts';
import { bulkAssign } from './work-queue-api.ts';

/**
 * What to do with the selected complaints: assign them to one handler (managers) or to myself (anyone, for
 * unassigned ones). One request; the server answers per complaint, refused ones with their reason.
 */
export function BulkAssignBar({
  user,
  selected,
  references,
  onDone,
  onClear,
}: {
  user: CurrentUser;
  selected: string[];
  references: Map<string, string>;
  onDone: () => void;
  onClear: () => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const isManager = user.roles.includes('manager');
  const staff = useQuery({
    queryKey: ['staff', 'active'],
    queryFn: fetchStaff,
    enabled: isManager && selected.length > 0,
  });
  const [handlerId, setHandlerId] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<BulkAssignResult | null>(null);
  const assign = useMutation({
    mutationFn: (handler: string) => bulkAssign({ complaintIds: selected, handlerId: handler }),
    onSuccess: (answer) => {
      setResult(answer);
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      onDone();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!handlerId) {
      setMissing(true);
      return;
    }
    setMissing(false);
    assign.mutate(handlerId);
  };
  const options = (staff.data ?? []).map((s) => ({
    value: s.id,
    label: s.departmentName ? `${s.name} (${s.departmentName})` : s.name,
  }));

  return (
    <>
      {result && (
        <Alert
          color={result.refused > 0 ? 'orange.9' : '#1b5e20'}
          variant="outline"
          role="status"
          data-testid="bulk-result"
        >
          <Text>{t.work.bulkResult(result.assigned, result.refused)}</Text>
          {result.refused > 0 && (
            <List size="sm" mt="xs">
              {result.results.map((row) =>
                row.ok ? null : (
                  <List.Item key={row.complaintId}>
                    {t.work.bulkRefusedRow(
                      references.get(row.complaintId) ?? row.complaintId,
                      row.messages[locale],
                    )}
                  </List.Item>
                ),
              )}
            </List>
          )}
        </Alert>
      )}
      {selected.length > 0 && (
        <Paper withBorder p="sm" component="section" aria-labelledby="bulk-title" data-testid="bulk-bar">
          <form onSubmit={onSubmit} noValidate>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <div>
                <Text component="h2" id="bulk-title" fw={700} size="sm" m={0}>
                  {t.work.bulkTitle}
                </Text>
                <Text size="sm">{t.work.bulkSelected(selected.length)}</Text>
              </div>
              {isManager && (
                <>
                  <NativeSelect
                    size="sm"
                    label={t.work.bulkHandler}
                    value={handlerId}
                    onChange={(event) => {
                      setHandlerId(event.currentTarget.value);
                      setMissing(false);
                    }}
                    error={missing ? t.work.bulkChooseHandler : undefined}
                    aria-invalid={missing || undefined}
                    data={[
                      { value: '', label: staff.isPending ? t.app.loading : t.work.bulkChoose },
                      ...options,
                    ]}
                  />
                  <Button type="submit" loading={assign.isPending && assign.variables !== user.id}>
                    {t.work.bulkAssign}
                  </Button>
                </>
              )}
              <Button
                variant="default"
                loading={assign.isPending && assign.variables === user.id}
                onClick={() => assign.mutate(user.id)}
              >
                {t.work.bulkAssignToMe}
              </Button>
              <Button variant="subtle" onClick={onClear}>
                {t.work.bulkClear}
              </Button>
            </Group>
            {assign.isError && (
              <Alert color="red.9" variant="outline" role="alert" mt="sm">
                {describeApiError(assign.error, locale, t)}
              </Alert>
            )}
          </form>
        </Paper>
      )}
    </>
  );
}
