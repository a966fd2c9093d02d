import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ENROLL_SECOND_FACTOR_PATH } from '../auth/RequireStaff.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { NotificationPreferencesForm } from '../notifications/NotificationPreferencesForm.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

export function AccountPage() {
  const { t } = useI18n();
  useDocumentTitle(t.account.pageTitle);
  const user = useCurrentUser().data;
  if (!user) return null;
  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t.account.title}</Title>
      <Paper component="section" withBorder p="md" aria-labelledby="password-title">
        <Title order={2} size="h3" id="password-title" mb="sm">
          {t.account.passwordTitle}
        </Title>
        <ChangePasswordForm />
      </Paper>
      <Paper component="section" withBorder p="md" aria-labelledby="second-factor-title">
        <Title order={2} size="h3" id="second-factor-title" mb="sm">
          {t.account.secondFactorTitle}
        </Title>
        {user.secondFactorEnabled ? (
          <Alert color="green.9" variant="outline">
            {t.account.secondFactorOn}
          </Alert>
        ) : (
          <Stack gap="sm" align="flex-start">
            <Text>{t.account.secondFactorOff}</Text>
            <Button component={Link} to={ENROLL_SECOND_FACTOR_PATH}>
              {t.account.setUpSecondFactor}
            </Button>
          </Stack>
        )}
      </Paper>
      <Paper component="section" withBorder p="md" aria-labelledby="notification-settings-title">
        <Title order={2} size="h3" id="notification-settings-title" mb="sm">
          {t.notifications.settingsTitle}
        </Title>
        <NotificationPreferencesForm />
      </Paper>
    </Stack>
  );
}
