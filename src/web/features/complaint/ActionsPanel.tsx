import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ActionKey, Availability } from './action-catalogue.ts';

function ActionList({
  keys,
  availability,
  onOpen,
  testId,
}: {
  keys: readonly ActionKey[];
  availability: (key: ActionKey) => Availability;
  onOpen: (key: ActionKey) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={testId}>
      {keys.map((key) => {
        const state = availability(key);
        return (
          <li key={key}>
            <Button
              fullWidth
              justify="flex-start"
              variant={state.enabled ? 'light' : 'default'}
              disabled={!state.enabled}
              aria-describedby={state.enabled ? undefined : `action-reason-${key}`}
              onClick={() => onOpen(key)}
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              h="auto"
              mih={36}
              py={6}
            >
              {t.complaint.action[key]}
            </Button>
            {!state.enabled && (
              <Text size="xs" id={`action-reason-${key}`} c="dimmed" mt={2}>
                {state.reason}
              </Text>
            )}
          </li>
        );
      })}
    </Stack>
  );
}

/**
 * Issue 22: a few actions up front — what the domain says this user can do now and fits the next step — and the
 * rest behind "Meer acties", a disclosure button (keyboard and screen reader: aria-expanded). Under it what is
 * possible comes first; what the domain or the role forbids is shown disabled with the reason beside it (a tooltip
 * would hide it from keyboard and touch users).
 */
export function ActionsPanel({
  upFront,
  more,
  availability,
  onOpen,
}: {
  upFront: readonly ActionKey[];
  more: readonly ActionKey[];
  availability: (key: ActionKey) => Availability;
  onOpen: (key: ActionKey) => void;
}) {
  const { t } = useI18n();
  const [showMore, setShowMore] = useState(false);
  return (
    <section aria-labelledby="actions-title" data-testid="actions">
      <Text component="h2" id="actions-title" fw={700} size="lg" mb="xs">
        {t.complaint.actionsTitle}
      </Text>
      {upFront.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          {t.complaint.noUpFrontActions}
        </Text>
      ) : (
        <ActionList keys={upFront} availability={availability} onOpen={onOpen} testId="up-front-actions" />
      )}
      {more.length > 0 && (
        <>
          <Button
            mt="sm"
            variant="subtle"
            aria-expanded={showMore}
            aria-controls="more-actions"
            onClick={() => setShowMore((open) => !open)}
            rightSection={<span aria-hidden>{showMore ? '▴' : '▾'}</span>}
          >
            {t.complaint.moreActions}
          </Button>
          <div id="more-actions" hidden={!showMore}>
            {showMore && (
              <ActionList keys={more} availability={availability} onOpen={onOpen} testId="more-actions" />
            )}
          </div>
        </>
      )}
    </section>
  );
}
