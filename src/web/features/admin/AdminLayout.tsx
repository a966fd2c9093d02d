import { Anchor, Group } from '@mantine/core';
import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';

export const ADMIN_PAGES = [
  ['overzicht', 'overview'],
  ['gebruikers', 'users'],
  ['afdelingen', 'departments'],
  ['aannemers', 'contractors'],
  ['portaal', 'portal'],
  ['api-sleutels', 'tokens'],
  ['keuzelijsten', 'values'],
  ['werkdagen', 'calendar'],
  ['importeren', 'import'],
  ['logboek', 'audit'],
  ['uitgaand', 'outbox'],
  ['webhooks', 'webhooks'],
  ['inloggen', 'sso'],
  ['organisatie', 'organization'],
  ['sjablonen', 'templates'],
] as const;

/** The administrator's screens, with their own menu under the main one. */
export function AdminLayout() {
  const { t } = useI18n();
  const labels = { ...t.admin.menuItems, ...t.backOffice.menuItems, ...t.adminScreens.menuItems };
  return (
    <>
      <Group component="nav" aria-label={t.admin.menu} gap="md" mb="lg" wrap="wrap">
        {ADMIN_PAGES.map(([path, key]) => (
          <Anchor key={path} component={NavLink} to={`/beheer/${path}`} className="main-nav-link">
            {labels[key]}
          </Anchor>
        ))}
      </Group>
      <Outlet />
    </>
  );
}
