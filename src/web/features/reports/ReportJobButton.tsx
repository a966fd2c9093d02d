import { Anchor, Button, Group, Progress, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReportJobInput } from '../../../contract/reports.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { fetchReportJob, startReportJob } from './reports-api.ts';

/** Starts a report job, shows its progress and offers the file when it is ready. */
export function ReportJobButton({ input, label }: { input: ReportJobInput; label: string }) {
  const { t, locale } = useI18n();
  const start = useMutation({ mutationFn: () => startReportJob(input) });
  const jobId = start.data?.id;
  const job = useQuery({
    queryKey: ['report-job', jobId],
    queryFn: () => fetchReportJob(jobId as string),
    enabled: jobId !== undefined,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'done' || status === 'failed' ? false : 700;
    },
  });
  const current = job.data ?? start.data;
  const busy = start.isPending || current?.status === 'queued' || current?.status === 'running';
  return (
    <Group gap="sm" align="center">
      <Button variant="outline" onClick={() => start.mutate()} loading={start.isPending} disabled={busy}>
        {label}
      </Button>
      {start.isError && (
        <Text c="red.9" role="alert">
          {describeApiError(start.error, locale, t)}
        </Text>
      )}
      {current && (
        <div aria-live="polite" style={{ minWidth: 220 }}>
          {current.status === 'done' && current.downloadUrl ? (
            <Anchor href={current.downloadUrl} download>
              {t.reports.download(current.fileName ?? '')}
            </Anchor>
          ) : current.status === 'failed' ? (
            <Text c="red.9" role="alert">
              {t.reports.jobFailed}
            </Text>
          ) : (
            <>
              <Text size="sm">
                {current.status === 'queued' ? t.reports.jobQueued : t.reports.jobRunning(current.progress)}
              </Text>
              <Progress value={current.progress} aria-label={t.reports.jobRunning(current.progress)} />
            </>
          )}
        </div>
      )}
    </Group>
  );
}
