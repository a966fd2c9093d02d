import { Alert, Button } from '@mantine/core';
import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { LoadingScreen } from '../components/LoadingScreen.tsx';
import { useI18n } from '../i18n/i18n.tsx';

// Person, unit and complex pages, manager views and admin screens load on first visit: most users need only
// a few of them, and the initial bundle stays small.
function page<T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  // biome-ignore lint/correctness/noComponentHookFactories: page() runs once per page at module level, never in a render
  return function LazyPage() {
    return (
      <ChunkErrorBoundary>
        <Suspense fallback={<LoadingScreen />}>
          <Page />
        </Suspense>
      </ChunkErrorBoundary>
    );
  };
}

export const SearchPage = page(() => import('../features/people/SearchPage.tsx'), 'SearchPage');
export const PersonPage = page(() => import('../features/people/PersonPage.tsx'), 'PersonPage');
export const UnitPage = page(() => import('../features/people/UnitPage.tsx'), 'UnitPage');
export const ComplexPage = page(() => import('../features/people/ComplexPage.tsx'), 'ComplexPage');
export const LettersToPostPage = page(
  () => import('../features/letters/LettersToPostPage.tsx'),
  'LettersToPostPage',
);
export const TeamPage = page(() => import('../features/manager/TeamPage.tsx'), 'TeamPage');
export const ReportsPage = page(() => import('../features/reports/ReportsPage.tsx'), 'ReportsPage');
export const SelfAssessmentPage = page(
  () => import('../features/self-assessment/SelfAssessmentPage.tsx'),
  'SelfAssessmentPage',
);
export const AdminLayout = page(() => import('../features/admin/AdminLayout.tsx'), 'AdminLayout');
export const UsersPage = page(() => import('../features/admin/UsersPage.tsx'), 'UsersPage');
export const DepartmentsPage = page(() => import('../features/admin/DepartmentsPage.tsx'), 'DepartmentsPage');
export const ApiTokensPage = page(() => import('../features/admin/ApiTokensPage.tsx'), 'ApiTokensPage');
export const ReferenceValuesPage = page(
  () => import('../features/admin/ReferenceValuesPage.tsx'),
  'ReferenceValuesPage',
);
export const CalendarPage = page(() => import('../features/admin/CalendarPage.tsx'), 'CalendarPage');
export const ImportPage = page(() => import('../features/admin/ImportPage.tsx'), 'ImportPage');
export const AdminOverviewPage = page(
  () => import('../features/admin/AdminOverviewPage.tsx'),
  'AdminOverviewPage',
);
export const ContractorsPage = page(() => import('../features/admin/ContractorsPage.tsx'), 'ContractorsPage');
export const PortalSettingsPage = page(
  () => import('../features/admin/PortalSettingsPage.tsx'),
  'PortalSettingsPage',
);
export const AuditLogPage = page(() => import('../features/admin/AuditLogPage.tsx'), 'AuditLogPage');
export const OutboxPage = page(() => import('../features/admin/OutboxPage.tsx'), 'OutboxPage');
export const WebhooksPage = page(() => import('../features/admin/WebhooksPage.tsx'), 'WebhooksPage');
export const OrganizationPage = page(
  () => import('../features/admin/OrganizationPage.tsx'),
  'OrganizationPage',
);
export const SsoSettingsPage = page(() => import('../features/admin/SsoSettingsPage.tsx'), 'SsoSettingsPage');
export const TemplatesPage = page(() => import('../features/admin/TemplatesPage.tsx'), 'TemplatesPage');

/**
 * A page's code that fails to load (a new version was deployed since this tab opened, or the network dropped)
 * gets a plain message and a reload, not a blank screen.
 */
class ChunkErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useI18n();
  return (
    <Alert color="red.9" variant="outline" role="alert" title={t.app.errorSummaryTitle}>
      {t.people.pageLoadFailed}
      <div>
        <Button mt="sm" variant="outline" onClick={() => window.location.reload()}>
          {t.people.reload}
        </Button>
      </div>
    </Alert>
  );
}
