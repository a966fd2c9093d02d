import { type ComponentType, lazy, Suspense } from 'react';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';

// The MT review is used by a few people a few times a quarter: its screens load on first visit.
function page<T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  // biome-ignore lint/correctness/noComponentHookFactories: page() runs once per page at module level, never in a render
  return function LazyPage() {
    return (
      <Suspense fallback={<LoadingScreen />}>
        <Page />
      </Suspense>
    );
  };
}

export const MtDashboardPage = page(() => import('./MtDashboardPage.tsx'), 'MtDashboardPage');
export const AgendaPage = page(() => import('./AgendaPage.tsx'), 'AgendaPage');
export const MeetingPage = page(() => import('./MeetingPage.tsx'), 'MeetingPage');
export const ActionsPage = page(() => import('./ActionsPage.tsx'), 'ActionsPage');
export const ActionPage = page(() => import('./ActionPage.tsx'), 'ActionPage');
