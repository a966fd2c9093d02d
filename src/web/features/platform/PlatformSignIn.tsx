import { Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { platformSignInInput } from '../../../contract/platform.ts';
import { EntityForm } from '../../components/forms/EntityForm.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { platformKeys, signInPlatform } from './platform-api.ts';

export function PlatformSignIn() {
  const { t } = useI18n();
  const p = t.platform;
  const queryClient = useQueryClient();
  const form = useEntityForm({
    initial: { email: '', password: '' },
    fields: {
      email: { id: 'platform-email', label: p.email },
      password: { id: 'platform-password', label: p.password },
    },
    schema: platformSignInInput,
    submit: signInPlatform,
    onSuccess: (me) => queryClient.setQueryData(platformKeys.me, me),
  });
  return (
    <Stack gap="md" maw={420}>
      <Title order={1}>{p.signInTitle}</Title>
      <EntityForm form={form}>
        <Stack gap="sm">
          <TextInput label={p.email} type="email" autoComplete="username" required {...form.text('email')} />
          <PasswordInput
            label={p.password}
            autoComplete="current-password"
            required
            {...form.text('password')}
          />
          <div>
            <Button type="submit" loading={form.isPending}>
              {p.signIn}
            </Button>
          </div>
        </Stack>
      </EntityForm>
    </Stack>
  );
}
