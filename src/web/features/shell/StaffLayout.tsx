import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { CurrentUser } from '../../../contract/auth.ts';
import { ORGANIZATION_MATRIX } from '../../../domain/permissions.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { signOut, signOutEverywhere } from '../auth/auth-api.ts';
import { useOrganization } from '../auth/use-current-user.ts';
import { NotificationBell } from '../notifications/NotificationBell.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';

// The MT review is for managers and up (policy 3.1, 2.4); the matrix in src/domain/permissions.ts decides.
const canReviewComplaints = (user: CurrentUser) =>
  ORGANIZATION_MATRIX['mt_review.propose'].some((role) => user.roles.includes(role));

/** Frame of every signed-in page: who and where you are, the main menu, language and sign-out. */
export function StaffLayout({ user, children }: { user: CurrentUser; children: ReactNode }) {
  const { t } = useI18n();
  const organization = useOrganization();
  const logout = useMutation({
    mutationFn: (everywhere: boolean) => (everywhere ? signOutEverywhere() : signOut()),
    // Also when the session had already ended: the user wanted out, and is out. A full page load, not a route
    // change, so nothing of this user stays in the browser's memory (query cache, form state).
    onSettled: (_data, _error, everywhere) => {
      window.location.replace(`/inloggen?uitgelogd=${everywhere ? 'overal' : 'ja'}`);
    },
  });

  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <Box component="header" className="site-header">
        <Container size="lg">
          <Group justify="space-between" py="sm" wrap="wrap">
            <div>
              <Text className="brand" component="p">
                {t.app.name}
              </Text>
              {organization.data && <Text>{organization.data.name}</Text>}
            </div>
            <Group gap="sm" wrap="wrap">
              <Text>
                {t.shell.signedInAs} <strong data-testid="signed-in-user">{user.name}</strong>
              </Text>
              <NotificationBell />
              <ShortcutsHelp />
              <LanguageSwitch />
              <Button
                variant="outline"
                size="sm"
                loading={logout.isPending}
                onClick={() => logout.mutate(false)}
              >
                {t.shell.logout}
              </Button>
              <Button
                variant="subtle"
                size="sm"
                disabled={logout.isPending}
                onClick={() => logout.mutate(true)}
              >
                {t.shell.logoutEverywhere}
              </Button>
            </Group>
          </Group>
          <Group component="nav" aria-label={t.shell.mainNavigation} gap="lg" pb="sm">
            <Anchor component={NavLink} to="/werk" className="main-nav-link">
              {t.shell.work}
            </Anchor>
            <Anchor component={NavLink} to="/zoeken" className="main-nav-link">
              {t.people.navSearch}
            </Anchor>
            {/* policy 2.5: letters to post, for management assistants and whoever handles complaints */}
            <Anchor component={NavLink} to="/te-posten" className="main-nav-link">
              {t.shell.lettersToPost}
            </Anchor>
            {user.roles.includes('manager') && (
              <Anchor component={NavLink} to="/team" className="main-nav-link">
                {t.manager.nav}
              </Anchor>
            )}
            {/* policy 2.2, 3.2: the API decides which reports each of them gets */}
            {ORGANIZATION_MATRIX['reports.view_department'].some((role) => user.roles.includes(role)) && (
              <Anchor component={NavLink} to="/rapportages" className="main-nav-link">
                {t.reports.nav}
              </Anchor>
            )}
            {canReviewComplaints(user) && (
              <>
                <Anchor component={NavLink} to="/mt" className="main-nav-link">
                  {t.mtReview.navMt}
                </Anchor>
                <Anchor component={NavLink} to="/verbeteracties" className="main-nav-link">
                  {t.mtReview.navActions}
                </Anchor>
              </>
            )}
            {user.roles.includes('admin') && (
              <Anchor component={NavLink} to="/beheer" className="main-nav-link">
                {t.admin.nav}
              </Anchor>
            )}
            <Anchor component={NavLink} to="/account" className="main-nav-link">
              {t.shell.account}
            </Anchor>
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} size="lg" py="lg">
        {children}
      </Container>
    </>
  );
}
