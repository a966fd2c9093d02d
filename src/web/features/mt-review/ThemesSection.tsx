import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Quarter } from '../../../domain/learning.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../complaints/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchThemes, mtKeys, requestThemes } from './mt-api.ts';
import { ThemeCard } from './ThemeCard.tsx';

/** The quarter's recurring themes on the agenda (policy 3.1, issue 26); computed by the worker, shown here. */
export function ThemesSection({ quarter }: { quarter: Quarter }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const themes = useQuery({
    queryKey: mtKeys.themes(quarter),
    queryFn: () => fetchThemes(quarter),
    // while the worker computes, look again every few seconds
    refetchInterval: (query) => (query.state.data?.status === 'requested' ? 5000 : false),
  });
  const run = useMutation({
    mutationFn: () => requestThemes(quarter),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mtKeys.themes(quarter) }),
  });
  return (
    <Stack gap="md">
      <Text>{t.themes.intro}</Text>
      <QueryState query={themes}>
        {(data) => (
          <Stack gap="md">
            <Group justify="space-between" align="center">
              <Text role="status" data-testid="themes-status">
                {data.status === 'requested'
                  ? t.themes.requested
                  : data.computedAt === null
                    ? t.themes.notComputed
                    : t.themes.computedAt(formatDateTime(data.computedAt, locale), data.complaints ?? 0)}
                {data.leftOut ? ` ${t.themes.leftOut(data.leftOut)}` : ''}
              </Text>
              <Button
                variant="outline"
                onClick={() => run.mutate()}
                loading={run.isPending}
                disabled={data.status === 'requested'}
              >
                {t.themes.run}
              </Button>
            </Group>
            {run.isError && (
              <Alert color="red.9" variant="outline" role="alert">
                {describeApiError(run.error, locale, t)}
              </Alert>
            )}
            {data.computedAt !== null && data.themes.length === 0 && <Text>{t.themes.empty}</Text>}
            <Stack gap="md" data-testid="themes">
              {data.themes.map((theme) => (
                <ThemeCard key={theme.key} theme={theme} quarter={quarter} />
              ))}
            </Stack>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
