import { Alert, Badge, Button, Group, List, Text } from '@mantine/core';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ActionKey, type Availability, actionForStep } from './action-catalogue.ts';
import { useAdjustments } from './adjustments-api.ts';

type Step = { code: string; nl: string; en: string; urgent?: boolean; action: ActionKey | null };

/**
 * The domain's next required steps in plain words, with the button that takes each when this user can. The
 * complainant's adjustments add theirs (decision 053: a call-back to make, a channel to follow), computed by the
 * server with the adjustments; urgent ones come first.
 */
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
  const adjustments = useAdjustments(complaint.id).data;
  const adjustmentSteps: Step[] = (adjustments?.nextSteps ?? []).map((s) => ({
    ...s,
    // the call is logged as a contact moment; that closes the step
    action: s.code === 'call_back_complainant' ? 'contact' : null,
  }));
  const steps: Step[] = [
    ...adjustmentSteps.filter((s) => s.urgent),
    ...complaint.nextSteps.map((s) => ({ ...s, action: actionForStep(s.code, isManager) })),
    ...adjustmentSteps.filter((s) => !s.urgent),
  ];
  return (
    <Alert
      variant="light"
      color="gehoord"
      title={t.complaint.nextStepsTitle}
      data-testid="next-steps"
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {steps.length === 0 ? (
        <Text>{t.complaint.noNextSteps}</Text>
      ) : (
        <List type="ordered" spacing="xs">
          {steps.map((step, index) => {
            const key = step.action;
            const allowed = key ? availability(key).enabled : false;
            return (
              <List.Item key={step.code} data-testid={`next-step-${step.code}`}>
                <Group gap="sm">
                  {step.urgent && (
                    <Badge color="#8a4500" variant="outline" tt="none">
                      {t.complaint.urgentStep}
                    </Badge>
                  )}
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
