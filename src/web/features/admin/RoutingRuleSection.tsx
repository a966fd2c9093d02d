import { Switch, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { RoutingSettings } from '../../../contract/routing-settings.ts';
import { FormSection } from '../../components/forms/EntityForm.tsx';
import { FormFailure, SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
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
    <FormSection id="routing-rule" title={t.admin.routingRuleTitle} titleGap="xs">
      <Text mb="sm">{t.admin.routingRuleIntro}</Text>
      <QueryState query={settings}>{(current) => <RoutingRuleSwitch current={current} />}</QueryState>
    </FormSection>
  );
}

function RoutingRuleSwitch({ current }: { current: RoutingSettings }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const form = useEntityForm({
    initial: { conductToManager: current.conductToManager },
    fields: { conductToManager: { id: 'routing-rule-conduct', label: t.admin.routingRuleConduct } },
    submit: saveRoutingSettings,
    onSuccess: (saved) => queryClient.setQueryData(routingSettingsKey, saved),
  });
  return (
    <>
      <Switch
        id="routing-rule-conduct"
        checked={current.conductToManager}
        disabled={form.isPending}
        label={t.admin.routingRuleConduct}
        description={t.admin.routingRuleConductHint}
        onChange={(event) => form.save({ conductToManager: event.currentTarget.checked })}
      />
      {/* Saved as soon as it is switched: no form, so a failure is announced next to the switch. */}
      <FormFailure message={form.failure ?? form.error('conductToManager')} mt="sm" />
      {form.isSuccess && form.data && (
        <SavedNotice mt="sm" testId="routing-rule-saved">
          {form.data.conductToManager ? t.admin.routingRuleSavedOn : t.admin.routingRuleSavedOff}
        </SavedNotice>
      )}
    </>
  );
}
