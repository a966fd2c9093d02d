import { Alert, Paper, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RoutingSettings } from '../../../contract/routing-settings.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { routingSettingsKey, useRoutingSettings } from '../complaints/reference-queries.ts';
import { QueryState } from '../people/QueryState.tsx';
import { saveRoutingSettings } from './admin-api.ts';

/**
 * The organisation's routing rule (policy 1.3): does a complaint about an employee's conduct go to their
 * manager instead of the employee? Saved as soon as it is switched; cases already routed stay where they are.
 */
export function RoutingRuleSection() {
  const { t } = useI18n();
  const settings = useRoutingSettings();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="routing-rule" maw={760}>
      <Title order={2} size="h3" id="routing-rule" mb="xs">
        {t.admin.routingRuleTitle}
      </Title>
      <Text mb="sm">{t.admin.routingRuleIntro}</Text>
      <QueryState query={settings}>{(current) => <RoutingRuleSwitch current={current} />}</QueryState>
    </Paper>
  );
}

function RoutingRuleSwitch({ current }: { current: RoutingSettings }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: saveRoutingSettings,
    onSuccess: (saved) => queryClient.setQueryData(routingSettingsKey, saved),
  });
  return (
    <>
      <Switch
        id="routing-rule-conduct"
        checked={current.conductToManager}
        disabled={save.isPending}
        label={t.admin.routingRuleConduct}
        description={t.admin.routingRuleConductHint}
        onChange={(event) => {
          save.reset();
          save.mutate({ conductToManager: event.currentTarget.checked });
        }}
      />
      {save.isError && (
        <Alert color="red.9" variant="outline" role="alert" mt="sm">
          {describeApiError(save.error, locale, t)}
        </Alert>
      )}
      {save.isSuccess && (
        <Alert color="#1b5e20" variant="outline" role="status" mt="sm" data-testid="routing-rule-saved">
          {save.data.conductToManager ? t.admin.routingRuleSavedOn : t.admin.routingRuleSavedOff}
        </Alert>
      )}
    </>
  );
}
