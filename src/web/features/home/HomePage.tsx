import { Button, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The public landing page: what Gehoord promises residents, and the way in for staff. */
export function HomePage() {
  const { t } = useI18n();
  useDocumentTitle(t.home.title);
  return (
    <PublicLayout width="md">
      <Stack gap="lg">
        <Title order={1}>{t.home.title}</Title>
        <Text size="lg">{t.home.intro}</Text>
        <section aria-labelledby="promise-title">
          <Title order={2} id="promise-title" mb="xs">
            {t.home.promiseTitle}
          </Title>
          <List spacing="xs">
            {t.home.promises.map((promise) => (
              <List.Item key={promise}>{promise}</List.Item>
            ))}
          </List>
        </section>
        <section aria-labelledby="staff-title">
          <Title order={2} id="staff-title" mb="xs">
            {t.home.staffTitle}
          </Title>
          <Text mb="sm">{t.home.staffText}</Text>
          <Button component={Link} to="/inloggen" variant="outline">
            {t.home.staffLogin}
          </Button>
        </section>
      </Stack>
    </PublicLayout>
  );
}
