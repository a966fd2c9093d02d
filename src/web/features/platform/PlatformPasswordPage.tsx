import { Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { EntityForm } from '../../components/forms/EntityForm.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PlatformLayout } from './PlatformLayout.tsx';
import { setPlatformPassword } from './platform-api.ts';

const passwordInput = z.object({ token: z.string().min(10), password: z.string().min(1).max(256) });

/** `/platform/wachtwoord#ghp_…`: the one-time link `npm run org -- admin create` printed. */
export function PlatformPasswordPage() {
  const { t } = useI18n();
  const p = t.platform;
  useDocumentTitle(p.passwordTitle);
  const [token] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  const form = useEntityForm({
    initial: { password: '' },
    fields: { password: { id: 'platform-new-password', label: p.newPassword } },
    toInput: (values) => ({ token, password: values.password }),
    schema: passwordInput,
    submit: setPlatformPassword,
    onSuccess: () => window.history.replaceState(window.history.state, '', window.location.pathname),
  });
  return (
    <PlatformLayout>
      <Stack gap="md" maw={480}>
        <Title order={1}>{p.passwordTitle}</Title>
        {form.isSuccess ? (
          <>
            <Text role="status">{p.passwordSet}</Text>
            <Anchor component={Link} to="/platform">
              {p.toSignIn}
            </Anchor>
          </>
        ) : (
          <EntityForm form={form}>
            <Stack gap="sm">
              <PasswordInput
                label={p.newPassword}
                description={t.setup.passwordHint}
                autoComplete="new-password"
                required
                {...form.text('password')}
              />
              <div>
                <Button type="submit" loading={form.isPending}>
                  {p.savePassword}
                </Button>
              </div>
            </Stack>
          </EntityForm>
        )}
      </Stack>
    </PlatformLayout>
  );
}
