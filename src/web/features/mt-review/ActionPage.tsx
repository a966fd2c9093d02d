import { Alert, Anchor, Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ACTION_STATUSES, isActionOpen } from '../../../domain/learning.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../people/format.ts';
import { DetailList, QueryState } from '../people/QueryState.tsx';
import { ActionUpdateForm } from './ActionUpdateForm.tsx';
import { EffectView } from './EffectView.tsx';
import { formatLocalDay } from './format.ts';
import { useMtAccess } from './mt-access.ts';
import { type ActionDetail, fetchAction, mtKeys } from './mt-api.ts';

/** One improvement action: what triggered it, its progress, and — once done — whether it worked. */
export function ActionPage() {
  const { t } = useI18n();
  const id = useParams().id ?? '';
  const action = useQuery({ queryKey: mtKeys.action(id), queryFn: () => fetchAction(id) });
  useDocumentTitle(action.data ? action.data.title : t.mtReview.registerTitle);
  return <QueryState query={action}>{(data) => <ActionView action={data} />}</QueryState>;
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

function ActionView({ action }: { action: ActionDetail }) {
  const { t, locale } = useI18n();
  const { userId, canManage } = useMtAccess();
  const mayUpdate = canManage || (userId !== null && action.owner?.id === userId);
  const open = isActionOpen(action.status);
  const details: [string, ReactNode][] = [
    [t.mtReview.status, ACTION_STATUSES[action.status][locale]],
    [t.mtReview.owner, action.owner?.name ?? t.mtReview.noOwner],
    [t.mtReview.department, action.department?.name ?? '–'],
    [
      t.mtReview.dueOn,
      <>
        {action.dueOn ? formatLocalDay(action.dueOn, locale) : '–'}
        {action.overdue && (
          <Badge color="red.9" variant="outline" ml="xs">
            {t.mtReview.overdue}
          </Badge>
        )}
      </>,
    ],
    [t.mtReview.created, formatDateTime(action.createdAt, locale)],
  ];
  if (action.completedAt) details.push([t.mtReview.completedAt, formatDateTime(action.completedAt, locale)]);
  if (action.droppedReason) details.push([t.mtReview.droppedReason, action.droppedReason]);
  if (action.result) details.push([t.mtReview.result, action.result]);
  if (action.sourceTheme)
    details.push([
      t.themes.sourceTheme,
      <Anchor key="theme" component={Link} to={`/mt/${action.sourceTheme.quarter}`}>
        {t.themes.sourceThemeValue(
          action.sourceTheme.name,
          action.sourceTheme.quarter,
          action.sourceTheme.size,
        )}
      </Anchor>,
    ]);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/verbeteracties">
        {t.mtReview.registerTitle}
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={1}>{action.title}</Title>
        <Badge variant="outline" color="gray.9" size="lg" data-testid="action-status">
          {ACTION_STATUSES[action.status][locale]}
        </Badge>
      </Group>
      {action.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{action.description}</Text>}
      <DetailList items={details} />
      <Section id="action-complaints" title={t.mtReview.triggeredByTitle}>
        {action.complaints.length === 0 ? (
          <Text>{t.mtReview.triggeredByEmpty}</Text>
        ) : (
          <List data-testid="action-complaints">
            {action.complaints.map((c) => (
              <List.Item key={c.id}>
                <Anchor component={Link} to={`/klachten/${c.id}`}>
                  {c.reference}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section id="action-notes" title={t.mtReview.notesTitle}>
        {action.notes.length === 0 ? (
          <Text>{t.mtReview.notesEmpty}</Text>
        ) : (
          <List spacing="sm" data-testid="action-notes">
            {action.notes.map((n, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes are append-only, so the index is stable; `at` alone may repeat
              <List.Item key={`${n.at}-${index}`}>
                <Text size="sm" fw={600}>
                  {t.mtReview.noteKinds[n.kind]} · {t.mtReview.noteBy(n.author, formatDateTime(n.at, locale))}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{n.text}</Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section id="action-update-title" title={t.mtReview.updateTitle}>
        {!open ? (
          <Text>{t.mtReview.closedAction}</Text>
        ) : mayUpdate ? (
          <ActionUpdateForm action={action} byManagementTeam={canManage} />
        ) : (
          <Alert variant="outline" color="gray.9">
            {t.mtReview.readOnlyAction}
          </Alert>
        )}
      </Section>
      <Section id="action-effect" title={t.mtReview.effectTitle}>
        <EffectView action={action} />
      </Section>
    </Stack>
  );
}
