import { Button, Checkbox, Code, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoSettings } from '../../../contract/sso.ts';
import { updateSsoSettingsInput } from '../../../contract/sso.ts';
import { STAFF_ROLES } from '../../../domain/permissions.ts';
import { EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { emptyToNull } from '../../components/forms/form-state.ts';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DetailList, QueryState } from '../people/QueryState.tsx';
import { fetchDepartments } from './admin-api.ts';
import { fetchSsoSettings, saveSsoSettings } from './outgoing-api.ts';

const ssoKey = ['admin', 'sso-settings'];
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * Issue 22: single sign-on as the organisation allows it. Provider, client id and secret are the
 * installation's (OIDC_* settings, never shown or sent here); the organisation chooses whom to let in.
 */
export function SsoSettingsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.adminScreens.ssoTitle);
  const settings = useQuery({ queryKey: ssoKey, queryFn: fetchSsoSettings });
  return (
    <Stack gap="md">
      <Title order={1}>{t.adminScreens.ssoTitle}</Title>
      <Text>{t.adminScreens.ssoIntro}</Text>
      <QueryState query={settings}>{(current) => <SsoForm current={current} />}</QueryState>
    </Stack>
  );
}

function SsoForm({ current }: { current: SsoSettings }) {
  const { t } = useI18n();
  const s = t.adminScreens;
  const queryClient = useQueryClient();
  const departments = useQuery({ queryKey: ['departments'], queryFn: fetchDepartments });
  const form = useEntityForm({
    initial: {
      allowedIssuers: current.allowedIssuers.join('\n'),
      allowedTenantIds: current.allowedTenantIds.join('\n'),
      linkByEmailAllowed: current.linkByEmailAllowed,
      provisioningEnabled: current.provisioning.enabled,
      provisioningRole: current.provisioning.role as string,
      provisioningDepartmentId: current.provisioning.departmentId ?? '',
    },
    fields: {
      allowedIssuers: { id: 'sso-issuers', label: s.ssoIssuers },
      allowedTenantIds: { id: 'sso-tenants', label: s.ssoTenants },
      provisioningRole: { id: 'sso-role', label: s.ssoRole, path: 'provisioning.role' },
      provisioningDepartmentId: {
        id: 'sso-department',
        label: s.ssoDepartment,
        path: 'provisioning.departmentId',
      },
    },
    toInput: (values) => ({
      allowedIssuers: lines(values.allowedIssuers),
      allowedTenantIds: lines(values.allowedTenantIds),
      linkByEmailAllowed: values.linkByEmailAllowed,
      provisioning: {
        enabled: values.provisioningEnabled,
        role: values.provisioningRole as SsoSettings['provisioning']['role'],
        departmentId: emptyToNull(values.provisioningDepartmentId),
      },
    }),
    schema: updateSsoSettingsInput,
    submit: saveSsoSettings,
    onSuccess: (saved) => queryClient.setQueryData(ssoKey, saved),
  });
  return (
    <>
      <FormSection id="sso-provider" title={s.ssoProvider}>
        <DetailList
          items={[
            [s.ssoConfigured, current.configured ? s.yes : s.no],
            [s.ssoIssuer, current.issuer ? <Code key="issuer">{current.issuer}</Code> : '—'],
            [s.ssoRedirect, current.redirectUri ? <Code key="redirect">{current.redirectUri}</Code> : '—'],
          ]}
        />
        <Text size="sm" mt="sm">
          {s.ssoSecretNote}
        </Text>
      </FormSection>
      <FormSection id="sso-access" title={s.ssoAccess}>
        {form.isSuccess && <SavedNotice mb="sm">{s.saved}</SavedNotice>}
        <EntityForm form={form}>
          <Stack gap="sm">
            <Textarea
              label={s.ssoIssuers}
              description={s.onePerLine}
              autosize
              minRows={2}
              {...form.text('allowedIssuers')}
            />
            <Textarea
              label={s.ssoTenants}
              description={s.onePerLine}
              autosize
              minRows={2}
              {...form.text('allowedTenantIds')}
            />
            <Checkbox label={s.ssoLinkByEmail} {...form.checkbox('linkByEmailAllowed')} />
            <Checkbox label={s.ssoProvisioning} {...form.checkbox('provisioningEnabled')} />
            <Group align="flex-start" wrap="wrap">
              <NativeSelect
                label={s.ssoRole}
                data={STAFF_ROLES.map((role) => ({ value: role, label: t.roles[role] }))}
                {...form.text('provisioningRole')}
              />
              <NativeSelect
                label={s.ssoDepartment}
                data={[
                  { value: '', label: s.none },
                  ...(departments.data ?? []).map((d) => ({ value: d.id, label: d.name })),
                ]}
                {...form.text('provisioningDepartmentId')}
              />
            </Group>
            <div>
              <Button type="submit" loading={form.isPending}>
                {s.save}
              </Button>
            </div>
          </Stack>
        </EntityForm>
      </FormSection>
    </>
  );
}
