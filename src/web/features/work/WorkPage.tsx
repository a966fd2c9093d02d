import { List, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';

/** The signed-in landing page; the work queue will live here. */
export function WorkPage() {
  const { t } = useI18n();
  useDocumentTitle(t.work.pageTitle);
  const user = useCurrentUser().data;
  if (!user) return null;
  return (
    <Stack gap="md">
      <Title order={1}>{t.work.title}</Title>
      <Text>{t.work.signedInAs(user.name)}</Text>
      <section aria-labelledby="roles-title">
        <Title order={2} size="h3" id="roles-title" mb="xs">
          {t.work.rolesTitle}
        </Title>
        <List data-testid="roles">
          {user.roles.map((role) => (
            <List.Item key={role}>{t.roles[role]}</List.Item>
          ))}
        </List>
      </section>
      <Text>{t.work.queueComingSoon}</Text>
    </Stack>
  );
}
