import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { nextQuarter, type Quarter } from '../../../domain/learning.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { ActionsTable } from './ActionsTable.tsx';
import { ComplaintLinks } from './ComplaintLinks.tsx';
import { FiguresView } from './FiguresView.tsx';
import { formatLocalDay } from './format.ts';
import { IssuesTable } from './IssuesTable.tsx';
import { MergeIssues } from './MergeIssues.tsx';
import { useMtAccess } from './mt-access.ts';
import { fetchAgenda, mtKeys } from './mt-api.ts';
import { isQuarter, previousQuarter } from './quarters.ts';
import { RecordMeetingDialog } from './RecordMeetingDialog.tsx';
import { ThemesSection } from './ThemesSection.tsx';

/** The quarter's agenda (policy 3.1), generated from handling: figures, repeats, exceptions, issues, actions. */
export function AgendaPage() {
  const { t } = useI18n();
  const quarter = useParams().quarter ?? '';
  const valid = isQuarter(quarter);
  useDocumentTitle(valid ? t.mtReview.agendaTitle(quarter) : t.mtReview.invalidQuarter);
  if (!valid)
    return (
      <Stack>
        <Title order={1}>{t.mtReview.dashboardTitle}</Title>
        <Alert color="red.9" variant="outline" role="alert">
          {t.mtReview.invalidQuarter}
        </Alert>
      </Stack>
    );
  return <Agenda quarter={quarter} key={quarter} />;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function Agenda({ quarter }: { quarter: Quarter }) {
  const { t, locale } = useI18n();
  const { canManage } = useMtAccess();
  const agenda = useQuery({ queryKey: mtKeys.agenda(quarter), queryFn: () => fetchAgenda(quarter) });
  const [selected, setSelected] = useState<string[]>([]);
  const [recording, setRecording] = useState(false);
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));

  return (
    <Stack gap="lg">
      <Title order={1}>{t.mtReview.agendaTitle(quarter)}</Title>
      <Text>{t.mtReview.agendaIntro}</Text>
      <Group gap="lg" component="nav" aria-label={t.mtReview.quarter}>
        <Anchor component={Link} to={`/mt/${previousQuarter(quarter)}`}>
          {t.mtReview.previousQuarterLink(previousQuarter(quarter))}
        </Anchor>
        <Anchor component={Link} to={`/mt/${nextQuarter(quarter)}`}>
          {t.mtReview.nextQuarterLink(nextQuarter(quarter))}
        </Anchor>
      </Group>
      <QueryState query={agenda}>
        {(data) => (
          <Stack gap="xl">
            <Section id="agenda-meetings" title={t.mtReview.meetingsTitle}>
              <Stack gap="sm" align="flex-start">
                {data.meetings.length === 0 ? (
                  <Text>{t.mtReview.meetingsEmpty}</Text>
                ) : (
                  <List data-testid="agenda-meetings">
                    {data.meetings.map((m) => (
                      <List.Item key={m.id}>
                        <Anchor component={Link} to={`/mt/vergaderingen/${m.id}`}>
                          {t.mtReview.meetingOn(formatLocalDay(m.heldOn, locale))}
                        </Anchor>{' '}
                        ({m.status === 'approved' ? t.mtReview.approvedTitle : t.mtReview.draft})
                      </List.Item>
                    ))}
                  </List>
                )}
                {canManage && <Button onClick={() => setRecording(true)}>{t.mtReview.recordMeeting}</Button>}
              </Stack>
            </Section>
            <Section id="agenda-figures" title={t.mtReview.figuresTitle(quarter)}>
              <FiguresView figures={data.figures} />
            </Section>
            <Section id="agenda-themes" title={t.themes.title}>
              <ThemesSection quarter={quarter} />
            </Section>
            <Section id="agenda-repeats" title={t.mtReview.repeatsTitle}>
              {data.repeatComplaints.length === 0 ? (
                <Text>{t.mtReview.repeatsEmpty}</Text>
              ) : (
                <ComplaintLinks complaints={data.repeatComplaints} />
              )}
            </Section>
            <Section id="agenda-exceptions" title={t.mtReview.exceptionsTitle}>
              {data.exceptions.length === 0 ? (
                <Text>{t.mtReview.exceptionsEmpty}</Text>
              ) : (
                <IssuesTable
                  issues={data.exceptions}
                  caption={t.mtReview.exceptionsCaption}
                  testId="agenda-exceptions"
                />
              )}
            </Section>
            <Section id="agenda-issues" title={t.mtReview.issuesTitle}>
              {data.policyIssues.length === 0 ? (
                <Text>{t.mtReview.issuesEmpty}</Text>
              ) : (
                <Stack gap="md">
                  <IssuesTable
                    issues={data.policyIssues}
                    caption={t.mtReview.issuesCaption}
                    testId="agenda-issues"
                    {...(canManage ? { selection: { selected, toggle } } : {})}
                  />
                  {canManage && data.policyIssues.length > 1 && (
                    <MergeIssues
                      issues={data.policyIssues}
                      selected={selected}
                      onMerged={() => setSelected([])}
                    />
                  )}
                </Stack>
              )}
            </Section>
            <Section id="agenda-actions" title={t.mtReview.actionsTitle}>
              <ActionsTable
                actions={data.openActions}
                caption={t.mtReview.actionsTitle}
                emptyText={t.mtReview.actionsEmpty}
                testId="agenda-actions"
              />
            </Section>
          </Stack>
        )}
      </QueryState>
      {canManage && (
        <RecordMeetingDialog quarter={quarter} opened={recording} onClose={() => setRecording(false)} />
      )}
    </Stack>
  );
}
