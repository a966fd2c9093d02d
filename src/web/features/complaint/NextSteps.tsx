import { Alert, Button, Group, List, Text } from '@mantine/core';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ActionKey, type Availability, actionForStep } from './action-catalogue.ts';

/** The domain's next required step in plain words, with the button that takes it when this user can. */
export function NextSteps({
  complaint,
  isManager,
  availability,
  onOpen,
}: {
  complaint: ComplaintDetail;
  isManager: boolean;
  availability: (key: ActionKey) => Availability;
  onOpen: (key: ActionKey) => void;
}) {
  const { t, localize } = useI18n();
  return (
    <Alert
      variant="light"
      color="gehoord"
      title={t.complaint.nextStepsTitle}
      data-testid="next-steps"
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {complaint.nextSteps.length === 0 ? (
        <Text>{t.complaint.noNextSteps}</Text>
      ) : (
        <List type="ordered" spacing="xs">
          {complaint.nextSteps.map((step, index) => {
            const key = actionForStep(step.code, isManager);
            const allowed = key ? availability(key).enabled : false;
            return (
              <List.Item key={step.code}>
                <Group gap="sm">
                  <Text fw={index === 0 ? 700 : 400}>{localize(step)}</Text>
                  {key && allowed && (
                    <Button
                      size="compact-sm"
                      variant={index === 0 ? 'filled' : 'light'}
                      onClick={() => onOpen(key)}
                    >
                      {t.complaint.action[key]}
                    </Button>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Alert>
  );
}
