import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { selfAssessmentPublicPath } from '../../../contract/self-assessment.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { appNow } from '../../lib/app-clock.ts';
import { describeApiError } from '../../lib/describe-error.ts';
import { formatDateTime } from '../complaints/format.ts';
import { useMtAccess } from '../mt-review/mt-access.ts';
import { QueryState } from '../people/QueryState.tsx';
import { RequirementsTable } from './RequirementsTable.tsx';
import {
  fetchSelfAssessment,
  makeSelfAssessment,
  publishSelfAssessment,
  selfAssessmentKeys,
  selfAssessmentPdfUrl,
} from './self-assessment-api.ts';

/**
 * `/mt/zelfevaluatie` (issue 26, decision 050): the MT or an administrator makes the year's self-assessment with
 * one click, reads it, downloads the PDF and publishes it on the portal for tenants (opt-in).
 */
export function SelfAssessmentPage() {
  const { t, locale } = useI18n();
  const s = t.selfAssessment;
  useDocumentTitle(s.title);
  const { canManage } = useMtAccess();
  const thisYear = appNow().getFullYear();
  const years = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];
  const [year, setYear] = useState(thisYear - 1);
  const queryClient = useQueryClient();
  const assessment = useQuery({
    queryKey: selfAssessmentKeys.year(year),
    queryFn: () => fetchSelfAssessment(year),
    enabled: canManage,
  });
  const save = (data: Awaited<ReturnType<typeof makeSelfAssessment>>) =>
    queryClient.setQueryData(selfAssessmentKeys.year(year), data);
  const make = useMutation({ mutationFn: () => makeSelfAssessment(year), onSuccess: save });
  const publish = useMutation({
    mutationFn: (published: boolean) => publishSelfAssessment(year, published),
    onSuccess: save,
  });
  const failure = make.error ?? publish.error;

  return (
    <Stack gap="md">
      <Title order={1}>{s.title}</Title>
      <Text>{s.intro}</Text>
      {!canManage ? (
        <Alert color="gray" variant="outline">
          {s.noAccess}
        </Alert>
      ) : (
        <>
          <Group align="end">
            <NativeSelect
              label={s.year}
              value={String(year)}
              onChange={(event) => setYear(Number(event.currentTarget.value))}
              data={years.map(String)}
            />
            <Button onClick={() => make.mutate()} loading={make.isPending}>
              {assessment.data ? s.remake(year) : s.make(year)}
            </Button>
          </Group>
          {failure && (
            <Alert color="red.9" variant="outline" role="alert">
              {describeApiError(failure, locale, t)}
            </Alert>
          )}
          <QueryState query={assessment}>
            {(data) =>
              data === null ? (
                <Text data-testid="self-assessment-empty">{s.notMade}</Text>
              ) : (
                <Stack gap="sm" data-testid="self-assessment">
                  <Text size="sm">
                    {s.made(
                      formatDateTime(data.document.generatedAt, locale),
                      data.document.requirementsVersion,
                    )}
                  </Text>
                  <Text fw={600} data-testid="self-assessment-summary">
                    {s.summary(
                      data.document.counts.met,
                      data.document.counts.partly,
                      data.document.counts.not_met,
                      data.document.counts.not_measurable,
                    )}
                  </Text>
                  <Group gap="lg">
                    <Anchor href={selfAssessmentPdfUrl(year, locale)} download>
                      {s.pdf}
                    </Anchor>
                    {data.publishedAt && (
                      <Anchor
                        href={selfAssessmentPublicPath(year, locale)}
                        target="_blank"
                        data-testid="self-assessment-public-link"
                      >
                        {s.publicLink}
                      </Anchor>
                    )}
                  </Group>
                  <Checkbox
                    label={s.publish}
                    checked={data.publishedAt !== null}
                    disabled={publish.isPending}
                    onChange={(event) => publish.mutate(event.currentTarget.checked)}
                    description={
                      data.publishedAt
                        ? s.publishedAt(formatDateTime(data.publishedAt, locale))
                        : s.notPublished
                    }
                  />
                  <RequirementsTable requirements={data.document.requirements} />
                </Stack>
              )
            }
          </QueryState>
        </>
      )}
    </Stack>
  );
}
