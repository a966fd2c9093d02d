import { Alert, Stack, Title } from '@mantine/core';
import { Outlet } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useMtAccess } from './mt-access.ts';

/** The MT review is for managers and up (policy 3.1, 2.4); others get a plain answer instead of errors. */
export function RequireReviewer() {
  const { canReview } = useMtAccess();
  if (!canReview) return <NoAccess />;
  return <Outlet />;
}

function NoAccess() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.noAccessTitle);
  return (
    <Stack>
      <Title order={1}>{t.admin.noAccessTitle}</Title>
      <Alert color="red.9" variant="outline" role="alert">
        {t.mtReview.noAccessText}
      </Alert>
    </Stack>
  );
}
