import { Alert, Anchor, Grid, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { describeApiError } from '../../lib/describe-error.ts';
import { useShortcuts } from '../../lib/use-shortcuts.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { complaintKeys, fetchComplaint } from '../complaints/complaints-api.ts';
import { useScrollToTop } from '../complaints/use-scroll-to-top.ts';
import { REFRESH_MS } from '../work/refresh.ts';
import { ActionsPanel } from './ActionsPanel.tsx';
import { AdjustmentsPanel } from './AdjustmentsPanel.tsx';
import { AnswerPanel } from './AnswerPanel.tsx';
import { Attachments } from './Attachments.tsx';
import { type ActionKey, decideAvailability } from './action-catalogue.ts';
import { ACTION_FORMS } from './action-forms.tsx';
import { BoardTrackPanel } from './BoardTrackPanel.tsx';
import { ComplaintHeader } from './ComplaintHeader.tsx';
import { DownloadsPanel } from './DownloadsPanel.tsx';
import { MergePanel } from './MergePanel.tsx';
import { NextSteps } from './NextSteps.tsx';
import { ResponsibilityPanel } from './ResponsibilityPanel.tsx';
import { Timeline } from './Timeline.tsx';
import { splitActions } from './up-front-actions.ts';

/** One complaint: header with the term, the next step, the actions (a few up front), the timeline and the files. */
export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const user = useCurrentUser().data;
  const detail = useQuery({
    queryKey: complaintKeys.detail(id),
    queryFn: () => fetchComplaint(id),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  // The form acts on the version that was on screen when it was opened (If-Match), not a later refresh.
  const [open, setOpen] = useState<{ key: ActionKey; snapshot: ComplaintDetail } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(detail.data ? t.complaint.pageTitle(detail.data.reference) : t.app.loading);
  useScrollToTop(id);
  // issue 22: c logs a contact, b opens the answer, when allowed (the ? overlay lists them)
  const byKey = (key: ActionKey) => {
    if (!detail.data || !user || !decideAvailability(key, detail.data, user, t).enabled) return false;
    setDone(null);
    setOpen({ key, snapshot: detail.data });
    return true;
  };
  useShortcuts({ c: () => byKey('contact'), b: () => byKey('answer') }, open === null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  if (detail.isPending || !user) return <LoadingScreen />;
  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Stack>
        <Title order={1}>{t.complaint.pageTitle('')}</Title>
        <ErrorSummary
          message={notFound ? t.complaint.notFound : describeApiError(detail.error, locale, t)}
          attempt={1}
        />
        <Anchor component={Link} to="/werk">
          {t.complaint.backToWork}
        </Anchor>
      </Stack>
    );
  }
  const complaint = detail.data;
  const availability = (key: ActionKey) => decideAvailability(key, complaint, user, t);
  const onOpen = (key: ActionKey) => {
    setDone(null);
    setOpen({ key, snapshot: complaint });
  };
  const Form = open ? ACTION_FORMS[open.key] : null;
  const isManager = availability('approve').enabled || availability('extension').enabled;
  const actions = splitActions(complaint, availability);

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/werk" size="sm">
        ← {t.complaint.backToWork}
      </Anchor>
      <ComplaintHeader complaint={complaint} />
      <MergePanel
        complaint={complaint}
        mayMerge={availability('merge').enabled}
        onMerge={() => onOpen('merge')}
      />
      {done && (
        <Alert
          ref={doneRef}
          tabIndex={-1}
          color="#1b5e20"
          variant="outline"
          role="status"
          data-testid="action-done"
        >
          {t.complaint.saved(done)}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <NextSteps
              complaint={complaint}
              isManager={isManager}
              availability={availability}
              onOpen={onOpen}
            />
            <section aria-labelledby="description-title">
              <Text component="h2" id="description-title" fw={700} size="lg" mb="xs">
                {t.complaint.descriptionTitle}
              </Text>
              <Paper withBorder p="md">
                <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-description">
                  {complaint.description}
                </Text>
                {complaint.desiredOutcome && (
                  <Text mt="sm">
                    <strong>{t.complaint.desiredOutcome}:</strong> {complaint.desiredOutcome}
                  </Text>
                )}
              </Paper>
            </section>
            {complaint.boardTrack && <BoardTrackPanel complaint={complaint} />}
            {complaint.answer && <AnswerPanel complaint={complaint} />}
            <DownloadsPanel complaint={complaint} />
            <Timeline complaint={complaint} />
            <Attachments complaint={complaint} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <AdjustmentsPanel complaint={complaint} mayChange={availability('contact').enabled} />
            <ResponsibilityPanel complaint={complaint} />
            <ActionsPanel {...actions} availability={availability} onOpen={onOpen} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        title={open ? t.complaint.action[open.key] : ''}
        size="lg"
        closeOnClickOutside={false}
        closeButtonProps={{ 'aria-label': t.complaint.closeDialog }}
      >
        {open && Form && (
          <Form
            complaint={open.snapshot}
            userId={user.id}
            onCancel={() => setOpen(null)}
            onDone={() => {
              setDone(t.complaint.action[open.key]);
              setOpen(null);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
