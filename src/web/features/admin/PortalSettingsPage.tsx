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
  'displayName',
  'logoUrl',
  'brandColour',
  'websiteUrl',
  'contactPhone',
  'contactEmail',
  'contactHours',
  'committeeName',
  'committeeContact',
  'committeeUrl',
  'repairUrl',
  'nuisanceUrl',
  'fraudUrl',
  'objectionUrl',
] as const;
type TextField = (typeof FIELDS)[number];

function PortalSettingsForm({ current }: { current: PortalSettings }) {
  const { t } = useI18n();
  const p = t.adminScreens.portal;
  const queryClient = useQueryClient();
  const options = useDepartmentOptions(t.backOffice.noIntakeDepartment, current.intakeDepartmentId);
  const labels: Record<TextField | 'intakeDepartmentId' | 'statusLinkDaysAfterClose', string> = {
    ...p.labels,
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
      statusLinkDaysAfterClose: String(current.statusLinkDaysAfterClose),
      ...(Object.fromEntries(FIELDS.map((field) => [field, current[field] ?? ''])) as Record<
        TextField,
        string
      >),
    }),
    fields: Object.fromEntries(
      (['intakeDepartmentId', ...FIELDS, 'statusLinkDaysAfterClose'] as const).map((name) => [
        name,
        { id: `portal-${name}`, label: labels[name] },
      ]),
    ),
    toInput: (v) => ({
      ...current,
      ...Object.fromEntries(FIELDS.map((field) => [field, blankToNull(v[field])])),
      intakeDepartmentId: emptyToNull(v.intakeDepartmentId),
      // a whole number of days; anything else is left for the contract's message
      statusLinkDaysAfterClose: /^\d+$/.test(v.statusLinkDaysAfterClose.trim())
        ? Number(v.statusLinkDaysAfterClose.trim())
        : (v.statusLinkDaysAfterClose as unknown as number),
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
        <Fieldset legend={p.lookSection}>
          <Stack gap="sm">
            <TextInput label={p.labels.displayName} {...form.text('displayName')} />
            <TextInput label={p.labels.logoUrl} type="url" {...form.text('logoUrl')} />
            <TextInput
              label={p.labels.brandColour}
              description={p.brandColourHint}
              {...form.text('brandColour')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t.backOffice.contactSection}>
          <Stack gap="sm">
            <TextInput label={p.labels.websiteUrl} type="url" {...form.text('websiteUrl')} />
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
        <Fieldset legend={p.routesSection}>
          <Stack gap="sm">
            <Text size="sm">{p.routesHint}</Text>
            <TextInput label={p.labels.repairUrl} type="url" {...form.text('repairUrl')} />
            <TextInput label={p.labels.nuisanceUrl} type="url" {...form.text('nuisanceUrl')} />
            <TextInput label={p.labels.fraudUrl} type="url" {...form.text('fraudUrl')} />
            <TextInput label={p.labels.objectionUrl} type="url" {...form.text('objectionUrl')} />
          </Stack>
        </Fieldset>
        <TextInput
          label={p.labels.statusLinkDaysAfterClose}
          description={p.statusLinkHint}
          inputMode="numeric"
          maw={320}
          {...form.text('statusLinkDaysAfterClose')}
        />
        <div>
          <Button type="submit" loading={form.isPending}>
            {t.admin.save}
          </Button>
        </div>
      </Stack>
    </EntityForm>
  );
}
