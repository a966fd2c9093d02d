import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../people/format.ts';
import { DetailList, QueryState } from '../people/QueryState.tsx';
import { ApproveDialog } from './ApproveDialog.tsx';
import { DecisionDialog } from './DecisionDialog.tsx';
import { DecisionsTable } from './DecisionsTable.tsx';
import { formatLocalDay } from './format.ts';
import { MeetingDetailsForm } from './MeetingDetailsForm.tsx';
import { useMtAccess } from './mt-access.ts';
import {
  fetchActiveStaff,
  fetchAgenda,
  fetchMeeting,
  type Meeting,
  meetingPdfUrl,
  mtKeys,
  type PolicyIssue,
} from './mt-api.ts';

/** One MT meeting's record: details, a decision per item, approval; read-only once approved (policy 3.1). */
export function MeetingPage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const meeting = useQuery({ queryKey: mtKeys.meeting(id), queryFn: () => fetchMeeting(id) });
  useDocumentTitle(meeting.data ? t.mtReview.meetingTitle(meeting.data.quarter) : t.mtReview.dashboardTitle);
  return <QueryState query={meeting}>{(data) => <MeetingRecord meeting={data} />}</QueryState>;
}

function MeetingRecord({ meeting }: { meeting: Meeting }) {
  const { t, locale } = useI18n();
  const { canManage } = useMtAccess();
  const approved = meeting.status === 'approved';
  const editable = canManage && !approved;
  const [unsaved, setUnsaved] = useState(false);
  const [approving, setApproving] = useState(false);

  return (
    <Stack gap="lg">
      <Anchor
        component={Link}
        to={`/mt/${meeting.quarter}`}
        onClick={(event) => {
          if (unsaved && !window.confirm(t.mtReview.leaveUnsaved)) event.preventDefault();
        }}
      >
        {t.mtReview.backToAgenda(meeting.quarter)}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{t.mtReview.meetingTitle(meeting.quarter)}</Title>
        <Group gap="sm">
          <Badge variant="outline" color={approved ? '#1b5e20' : 'gray.9'} size="lg">
            {approved ? t.mtReview.approvedTitle : t.mtReview.draft}
          </Badge>
          <Button
            component="a"
            href={meetingPdfUrl(meeting.id)}
            download
            variant="outline"
            aria-label={t.mtReview.pdfLabel(meeting.quarter)}
          >
            {t.mtReview.pdf}
          </Button>
        </Group>
      </Group>
      {approved && (
        <Alert
          color="#1b5e20"
          variant="outline"
          title={t.mtReview.approvedTitle}
          data-testid="approved-notice"
        >
          {t.mtReview.approvedNotice(
            meeting.approvedAt ? formatDateTime(meeting.approvedAt, locale) : '–',
            meeting.approvedBy?.name ?? '–',
          )}
        </Alert>
      )}
      <section aria-labelledby="meeting-record">
        <Title order={2} id="meeting-record" mb="sm">
          {t.mtReview.recordTitle}
        </Title>
        {editable ? (
          <EditableDetails meeting={meeting} onDirtyChange={setUnsaved} />
        ) : (
          <ReadOnlyDetails meeting={meeting} />
        )}
      </section>
      <section aria-labelledby="meeting-decisions">
        <Title order={2} id="meeting-decisions" mb="sm">
          {t.mtReview.decisionsTitle}
        </Title>
        <DecisionsTable meeting={meeting} />
      </section>
      {editable && <OpenItems meeting={meeting} />}
      {editable && (
        <div>
          <Button onClick={() => setApproving(true)}>{t.mtReview.approve}</Button>
          <ApproveDialog
            meeting={meeting}
            opened={approving}
            unsaved={unsaved}
            onClose={() => setApproving(false)}
          />
        </div>
      )}
    </Stack>
  );
}

function ReadOnlyDetails({ meeting }: { meeting: Meeting }) {
  const { t, locale } = useI18n();
  const names = [
    ...meeting.attendees.map((a) => a.name),
    ...(meeting.otherAttendees ? [meeting.otherAttendees] : []),
  ];
  return (
    <Stack gap="sm">
      <DetailList
        items={[
          [t.mtReview.quarter, meeting.quarter],
          [t.mtReview.heldOn, formatLocalDay(meeting.heldOn, locale)],
          [t.mtReview.attendees, names.length > 0 ? names.join(', ') : '–'],
        ]}
      />
      <Title order={3} size="h4">
        {t.mtReview.minutes}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-minutes">
        {meeting.minutes.trim() === '' ? t.mtReview.noMinutes : meeting.minutes}
      </Text>
    </Stack>
  );
}

function EditableDetails({
  meeting,
  onDirtyChange,
}: {
  meeting: Meeting;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const staff = useQuery({ queryKey: ['staff', 'active'], queryFn: fetchActiveStaff });
  const board = (staff.data ?? []).filter(
    (s) => s.roles.includes('management_team') || s.roles.includes('board'),
  );
  const candidates = [
    ...board.map((s) => ({ id: s.id, name: s.name })),
    ...meeting.attendees.filter((a) => !board.some((s) => s.id === a.id)),
  ];
  if (staff.isPending) return null;
  return <MeetingDetailsForm meeting={meeting} candidates={candidates} onDirtyChange={onDirtyChange} />;
}

/** The quarter's open items without a decision yet, each with its own decision dialog. */
function OpenItems({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const agenda = useQuery({
    queryKey: mtKeys.agenda(meeting.quarter),
    queryFn: () => fetchAgenda(meeting.quarter),
  });
  const staff = useQuery({ queryKey: ['staff', 'active'], queryFn: fetchActiveStaff });
  const [deciding, setDeciding] = useState<{ item: PolicyIssue | null } | null>(null);
  const [decided, setDecided] = useState<string | null>(null);
  const owners = (staff.data ?? []).map((s) => ({
    id: s.id,
    label: s.departmentName ? `${s.name} (${s.departmentName})` : s.name,
  }));

  return (
    <section aria-labelledby="meeting-items">
      <Title order={2} id="meeting-items" mb="sm">
        {t.mtReview.itemsTitle}
      </Title>
      {decided && (
        <Alert color="#1b5e20" variant="outline" role="status" mb="sm" data-testid="decision-recorded">
          {t.mtReview.decided(decided)}
        </Alert>
      )}
      <QueryState query={agenda}>
        {(data) => {
          const items = [...data.exceptions, ...data.policyIssues];
          return (
            <Stack gap="sm" align="flex-start">
              {items.length === 0 ? (
                <Text>{t.mtReview.itemsEmpty}</Text>
              ) : (
                <List spacing="xs" data-testid="open-items">
                  {items.map((item) => (
                    <List.Item key={item.id}>
                      <Group gap="sm">
                        <Text span>{item.title}</Text>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          onClick={() => {
                            setDecided(null);
                            setDeciding({ item });
                          }}
                        >
                          {t.mtReview.decideShort}
                          <VisuallyHidden> {t.mtReview.decideOn(item.title)}</VisuallyHidden>
                        </Button>
                      </Group>
                    </List.Item>
                  ))}
                </List>
              )}
              <Button
                variant="subtle"
                onClick={() => {
                  setDecided(null);
                  setDeciding({ item: null });
                }}
              >
                {t.mtReview.otherItem}
              </Button>
            </Stack>
          );
        }}
      </QueryState>
      <DecisionDialog
        key={deciding?.item?.id ?? 'other'}
        meeting={meeting}
        item={deciding?.item ?? null}
        opened={deciding !== null}
        owners={owners}
        onClose={() => setDeciding(null)}
        onDecided={(subject) => {
          setDeciding(null);
          setDecided(subject);
        }}
      />
    </section>
  );
}
