import { Anchor, Text, Title } from '@mantine/core';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  useDocumentTitle(t.notFound.pageTitle);
  return (
    <PublicLayout>
      <Title order={1} mb="md">
        {t.notFound.title}
      </Title>
      <Text mb="md">{t.notFound.text}</Text>
      {/* A full page load: `/` is the server-rendered front door, not a route of this app. */}
      <Anchor href="/">{t.notFound.home}</Anchor>
    </PublicLayout>
  );
}
