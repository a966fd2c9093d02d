import { Alert, Stack, Title } from '@mantine/core';
import { Outlet } from 'react-router';
import type { StaffRole } from '../../../domain/permissions.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';

/**
 * Pages for some roles only (managers, administrators). The API refuses the data anyway; this says so plainly
 * instead of showing a page of errors.
 */
export function RequireRole({ role }: { role: StaffRole }) {
  const user = useCurrentUser().data;
  if (!user?.roles.includes(role)) return <NoAccess />;
  return <Outlet />;
}

function NoAccess() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.noAccessTitle);
  return (
    <Stack>
      <Title order={1}>{t.admin.noAccessTitle}</Title>
      <Alert color="red.9" variant="outline" role="alert">
        {t.admin.noAccessText}
      </Alert>
    </Stack>
  );
}
