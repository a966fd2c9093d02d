import { Button, Fieldset, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type PortalSettings, portalSettings } from '../../../contract/portal.ts';
import { EntityForm } from '../../components/forms/EntityForm.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { blankToNull, emptyToNull } from '../../components/forms/form-state.ts';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { fetchPortalSettings, savePortalSettings } from './admin-api.ts';
import { useDepartmentOptions } from './department-options.ts';

const settingsKey = ['admin', 'portal-settings'];

/**
 * The intake department for website complaints, the contact details tenants see and the regional
 * complaints committee (policy 1.1, 1.3, 2.1). The other portal settings are kept as they are.
 */
export function PortalSettingsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.backOffice.portalTitle);
  const settings = useQuery({ queryKey: settingsKey, queryFn: fetchPortalSettings });
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t.backOffice.portalTitle}</Title>
      <Text>{t.backOffice.portalIntro}</Text>
      <QueryState query={settings}>{(current) => <PortalSettingsForm current={current} />}</QueryState>
    </Stack>
  );
}

const FIELDS = [
  'contactPhone',
  'contactEmail',
  'contactHours',
  'committeeName',
  'committeeContact',
  'committeeUrl',
] as const;
type TextField = (typeof FIELDS)[number];

function PortalSettingsForm({ current }: { current: PortalSettings }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const options = useDepartmentOptions(t.backOffice.noIntakeDepartment, current.intakeDepartmentId);
  const labels: Record<TextField | 'intakeDepartmentId', string> = {
    intakeDepartmentId: t.backOffice.intakeDepartment,
    contactPhone: t.backOffice.contactPhone,
    contactEmail: t.backOffice.contactEmail,
    contactHours: t.backOffice.contactHours,
    committeeName: t.backOffice.committeeName,
    committeeContact: t.backOffice.committeeContact,
    committeeUrl: t.backOffice.committeeUrl,
  };
  const form = useEntityForm({
    initial: () => ({
      intakeDepartmentId: current.intakeDepartmentId ?? '',
      ...(Object.fromEntries(FIELDS.map((field) => [field, current[field] ?? ''])) as Record<
        TextField,
        string
      >),
    }),
    fields: Object.fromEntries(
      (['intakeDepartmentId', ...FIELDS] as const).map((name) => [
        name,
        { id: `portal-${name}`, label: labels[name] },
      ]),
    ),
    toInput: (v) => ({
      ...current,
      ...Object.fromEntries(FIELDS.map((field) => [field, blankToNull(v[field])])),
      intakeDepartmentId: emptyToNull(v.intakeDepartmentId),
    }),
    schema: portalSettings,
    submit: savePortalSettings,
    // The form keeps what was typed (now saved); a refetch does not reset it or the confirmation
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKey });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'setup-gaps'] });
    },
  });
  return (
    <EntityForm form={form}>
      <Stack gap="md">
        {form.isSuccess && <SavedNotice>{t.backOffice.portalSaved}</SavedNotice>}
        <Fieldset legend={t.backOffice.intakeSection}>
          <NativeSelect
            label={t.backOffice.intakeDepartment}
            description={t.backOffice.intakeDepartmentHint}
            data={options}
            {...form.text('intakeDepartmentId')}
          />
        </Fieldset>
        <Fieldset legend={t.backOffice.contactSection}>
          <Stack gap="sm">
            <TextInput label={t.backOffice.contactPhone} type="tel" {...form.text('contactPhone')} />
            <TextInput label={t.backOffice.contactEmail} type="email" {...form.text('contactEmail')} />
            <TextInput label={t.backOffice.contactHours} {...form.text('contactHours')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t.backOffice.committeeSection}>
          <Stack gap="sm">
            <TextInput label={t.backOffice.committeeName} {...form.text('committeeName')} />
            <Textarea
              label={t.backOffice.committeeContact}
              autosize
              minRows={2}
              {...form.text('committeeContact')}
            />
            <TextInput label={t.backOffice.committeeUrl} type="url" {...form.text('committeeUrl')} />
          </Stack>
        </Fieldset>
        <div>
          <Button type="submit" loading={form.isPending}>
            {t.admin.save}
          </Button>
        </div>
      </Stack>
    </EntityForm>
  );
}
