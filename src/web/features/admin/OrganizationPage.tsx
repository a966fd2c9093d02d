import { Anchor, Button, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type OrganizationSettings, organizationSettings } from '../../../contract/organization.ts';
import { EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { blankToNull } from '../../components/forms/form-state.ts';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { DetailList, QueryState } from '../people/QueryState.tsx';
import { SectorBenchmarkSetting } from '../sector-benchmark/SectorBenchmarkSetting.tsx';
import { fetchPortalSettings } from './admin-api.ts';
import { fetchOrganizationSettings, saveOrganizationSettings } from './outgoing-api.ts';

const organizationKey = ['admin', 'organization'];

/**
 * Issue 22: the organisation's name and postal address (letters print them as sender and return address), and
 * the contact details the portal shows, which are edited with the portal's other settings.
 */
export function OrganizationPage() {
  const { t } = useI18n();
  const s = t.adminScreens;
  useDocumentTitle(s.organizationTitle);
  const settings = useQuery({ queryKey: organizationKey, queryFn: fetchOrganizationSettings });
  return (
    <Stack gap="lg">
      <Title order={1}>{s.organizationTitle}</Title>
      <Text maw={760}>{s.organizationIntro}</Text>
      <QueryState query={settings}>{(current) => <OrganizationForm current={current} />}</QueryState>
      <ContactDetails />
      <SectorBenchmarkSetting />
    </Stack>
  );
}

function OrganizationForm({ current }: { current: OrganizationSettings }) {
  const { t } = useI18n();
  const s = t.adminScreens;
  const queryClient = useQueryClient();
  const form = useEntityForm({
    initial: { name: current.name, postalAddress: current.postalAddress ?? '' },
    fields: {
      name: { id: 'organization-name', label: t.admin.name },
      postalAddress: { id: 'organization-address', label: s.organizationAddress },
    },
    toInput: (values) => ({ name: values.name, postalAddress: blankToNull(values.postalAddress) }),
    schema: organizationSettings,
    submit: saveOrganizationSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(organizationKey, saved);
      // the header shows the organisation's name
      void queryClient.invalidateQueries({ queryKey: ['organization'] });
    },
  });
  return (
    <FormSection id="organization-details" title={s.organizationDetails}>
      {form.isSuccess && <SavedNotice mb="sm">{s.saved}</SavedNotice>}
      <EntityForm form={form}>
        <Stack gap="sm">
          <TextInput label={t.admin.name} required {...form.text('name')} />
          <Textarea
            label={s.organizationAddress}
            description={s.organizationAddressHint}
            autosize
            minRows={3}
            {...form.text('postalAddress')}
          />
          <div>
            <Button type="submit" loading={form.isPending}>
              {s.save}
            </Button>
          </div>
        </Stack>
      </EntityForm>
    </FormSection>
  );
}

function ContactDetails() {
  const { t } = useI18n();
  const s = t.adminScreens;
  const portal = useQuery({ queryKey: ['admin', 'portal-settings'], queryFn: fetchPortalSettings });
  return (
    <FormSection id="organization-contact" title={s.organizationContact}>
      <QueryState query={portal}>
        {(p) => (
          <DetailList
            items={[
              [s.organizationPhone, p.contactPhone ?? '—'],
              [s.organizationEmail, p.contactEmail ?? '—'],
              [s.organizationHours, p.contactHours ?? '—'],
              [s.organizationWebsite, p.websiteUrl ?? '—'],
            ]}
          />
        )}
      </QueryState>
      <Anchor component={Link} to="/beheer/portaal" mt="sm" display="inline-block">
        {s.organizationContactEdit}
      </Anchor>
    </FormSection>
  );
}
