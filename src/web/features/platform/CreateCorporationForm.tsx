import { Button, Checkbox, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createCorporationInput } from '../../../contract/platform.ts';
import { EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { createCorporation, platformKeys } from './platform-api.ts';

const hostList = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Onboarding: slug, name, host names, languages; the answer's setup link is shown once, to copy. */
export function CreateCorporationForm() {
  const { t } = useI18n();
  const p = t.platform;
  const queryClient = useQueryClient();
  const form = useEntityForm({
    initial: { slug: '', name: '', hostnames: '', english: false },
    fields: {
      slug: { id: 'corporation-slug', label: p.slug },
      name: { id: 'corporation-name', label: p.name },
      hostnames: { id: 'corporation-hosts', label: p.hostnames },
    },
    toInput: (values) => ({
      slug: values.slug,
      name: values.name,
      hostnames: hostList(values.hostnames),
      locales: values.english ? ['nl' as const, 'en' as const] : ['nl' as const],
    }),
    schema: createCorporationInput,
    submit: createCorporation,
    resetOnSuccess: true,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.corporations }),
  });
  const created = form.isSuccess ? form.data : null;
  return (
    <FormSection id="corporation-create" title={p.createTitle}>
      {created && (
        <SavedNotice title={p.createdTitle(created.corporation.name)} mb="md">
          <Stack gap="xs">
            <Text>{p.createdText}</Text>
            <Text ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="setup-link">
              {created.setupUrl}
            </Text>
            <CopyButton value={created.setupUrl}>
              {({ copied, copy }) => (
                <div>
                  <Button variant="default" onClick={copy}>
                    {copied ? p.copied : p.copyLink}
                  </Button>
                </div>
              )}
            </CopyButton>
          </Stack>
        </SavedNotice>
      )}
      <EntityForm form={form}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput label={p.name} required {...form.text('name')} />
            <TextInput label={p.slug} description={p.slugHint} required {...form.text('slug')} />
          </Group>
          <TextInput label={p.hostnames} description={p.hostnamesHint} required {...form.text('hostnames')} />
          <Checkbox label={p.english} {...form.checkbox('english')} />
          <div>
            <Button type="submit" loading={form.isPending}>
              {p.create}
            </Button>
          </div>
        </Stack>
      </EntityForm>
    </FormSection>
  );
}
