import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ACTION_STATUSES, type ActionStatus, type Quarter } from '../../../domain/learning.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ComplaintLinks } from './ComplaintLinks.tsx';
import { useMtAccess } from './mt-access.ts';
import type { ComplaintTheme } from './mt-api.ts';
import { ThemeActionDialog } from './ThemeActionDialog.tsx';

const counted = (items: { name: string; count: number }[], none: string) =>
  items.length === 0
    ? none
    : items
        .slice(0, 4)
        .map((i) => `${i.name} (${i.count})`)
        .join(', ');

/** One theme: its name and size, the trend in words, where it occurs, why it is a theme, examples, the action. */
export function ThemeCard({ theme, quarter }: { theme: ComplaintTheme; quarter: Quarter }) {
  const { t, locale } = useI18n();
  const { canReview } = useMtAccess();
  const [making, setMaking] = useState(false);
  const headingId = `theme-${theme.key.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} data-testid="theme">
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          <Title order={3} size="h4" id={headingId}>
            {theme.name}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="dark">
              {t.themes.size(theme.size)}
            </Badge>
            <Badge variant="outline" color="dark" data-testid="theme-trend">
              {t.themes.trend[theme.trend]}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          <strong>{t.themes.earlier}:</strong>{' '}
          {theme.earlier.map((e) => `${e.quarter}: ${e.size ?? t.themes.none}`).join(' · ')}
        </Text>
        <Text size="sm">
          <strong>{t.themes.departments}:</strong> {counted(theme.departments, t.themes.none)}
        </Text>
        <Text size="sm">
          <strong>{t.themes.complexes}:</strong> {counted(theme.complexes, t.themes.none)}
        </Text>
        <Text size="sm">
          <strong>{t.themes.why}:</strong>{' '}
          {theme.terms.map((term) => `${term.word} ${term.weight.toFixed(2)}`).join(', ')}
        </Text>
        <Text size="sm" component="div">
          <strong>{t.themes.examples}:</strong> <ComplaintLinks complaints={theme.examples} />
        </Text>
        {theme.hiddenMembers > 0 && <Text size="sm">{t.themes.hidden(theme.hiddenMembers)}</Text>}
        {theme.action ? (
          <List size="sm" data-testid="theme-action">
            <List.Item>
              <strong>{t.themes.action}:</strong>{' '}
              <Anchor component={Link} to={`/verbeteracties/${theme.action.id}`}>
                {theme.action.title}
              </Anchor>{' '}
              ({ACTION_STATUSES[theme.action.status as ActionStatus]?.[locale] ?? theme.action.status},{' '}
              {t.themes.actionEffect(theme.action.fromQuarter, theme.action.sizeBefore, theme.action.sizeNow)}
              )
            </List.Item>
          </List>
        ) : (
          canReview && (
            <Group>
              <Button variant="outline" size="xs" onClick={() => setMaking(true)}>
                {t.themes.makeAction}
              </Button>
            </Group>
          )
        )}
      </Stack>
      {making && <ThemeActionDialog theme={theme} quarter={quarter} onClose={() => setMaking(false)} />}
    </Card>
  );
}
