import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { mergeIssues, mtKeys, type PolicyIssue } from './mt-api.ts';

/** Items about the same policy become one (policy 3.1: the MT discusses each deficient policy once). */
export function MergeIssues({
  issues,
  selected,
  onMerged,
}: {
  issues: PolicyIssue[];
  selected: string[];
  onMerged: () => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [intoId, setIntoId] = useState('');
  const [tooFew, setTooFew] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const chosen = issues.filter((i) => selected.includes(i.id));
  const target = chosen.find((i) => i.id === intoId) ?? chosen[0];
  const merge = useMutation({
    mutationFn: (input: { intoId: string; issueIds: string[] }) => mergeIssues(input.intoId, input.issueIds),
    onSuccess: (merged, input) => {
      setDone(t.mtReview.merged(input.issueIds.length, merged.title));
      onMerged();
      void queryClient.invalidateQueries({ queryKey: mtKeys.all });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (chosen.length < 2 || !target) {
      setTooFew(true);
      return;
    }
    setTooFew(false);
    merge.mutate({ intoId: target.id, issueIds: chosen.filter((i) => i.id !== target.id).map((i) => i.id) });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="merge-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="merge-title">
          {t.mtReview.mergeTitle}
        </Title>
        <Text size="sm">{t.mtReview.mergeHelp}</Text>
        {merge.isError && (
          <Alert color="red.9" variant="outline" role="alert">
            {describeApiError(merge.error, locale, t)}
          </Alert>
        )}
        {done && (
          <Alert color="#1b5e20" variant="outline" role="status">
            {done}
          </Alert>
        )}
        <Group align="flex-end">
          <NativeSelect
            id="merge-into"
            label={t.mtReview.mergeInto}
            value={target?.id ?? ''}
            onChange={(event) => setIntoId(event.currentTarget.value)}
            data={
              chosen.length === 0
                ? [{ value: '', label: '–' }]
                : chosen.map((i) => ({ value: i.id, label: i.title }))
            }
            error={tooFew ? t.mtReview.mergeNeedsTwo : undefined}
            miw={280}
          />
          <Button type="submit" variant="outline" loading={merge.isPending}>
            {t.mtReview.mergeButton}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
