import { Button, Stack, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTION_ORDER, type ActionKey, type Availability } from './action-catalogue.ts';

/**
 * Every action, always in the same place. What the domain or the user's role forbids is shown disabled,
 * with the reason next to it (a tooltip would hide it from keyboard and touch users).
 */
export function ActionsPanel({
  availability,
  onOpen,
}: {
  availability: (key: ActionKey) => Availability;
  onOpen: (key: ActionKey) => void;
}) {
  const { t } = useI18n();
  const entries = ACTION_ORDER.map((key) => ({ key, state: availability(key) }));
  // Available first: what can be done now is what the user looks for.
  const sorted = [...entries.filter((e) => e.state.enabled), ...entries.filter((e) => !e.state.enabled)];
  return (
    <section aria-labelledby="actions-title">
      <Text component="h2" id="actions-title" fw={700} size="lg" mb="xs">
        {t.complaint.actionsTitle}
      </Text>
      <Stack
        gap={6}
        component="ul"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        data-testid="actions"
      >
        {sorted.map(({ key, state }) => (
          <li key={key}>
            <Button
              fullWidth
              justify="flex-start"
              variant={state.enabled ? 'light' : 'default'}
              disabled={!state.enabled}
              aria-describedby={state.enabled ? undefined : `action-reason-${key}`}
              onClick={() => onOpen(key)}
            >
              {t.complaint.action[key]}
            </Button>
            {!state.enabled && (
              <Text size="xs" id={`action-reason-${key}`} c="dimmed" mt={2}>
                {state.reason}
              </Text>
            )}
          </li>
        ))}
      </Stack>
    </section>
  );
}
