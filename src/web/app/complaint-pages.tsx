import { type ComponentType, lazy, Suspense } from 'react';
import { LoadingScreen } from '../components/LoadingScreen.tsx';

const RELOADED_AT = 'gehoord.chunkReloadAt';

/**
 * After a new release the old code files are gone: a tab opened before it gets a 404 for a page's code.
 * One reload fetches the new index with the new file names; a second failure within a minute is a real error.
 */
async function loadOrReload<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
    if (Date.now() - last < 60_000) throw error;
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    window.location.reload();
    return new Promise<T>(() => {});
  }
}

// The work queue, intake and case page load after sign-in, so the sign-in page stays light.
function page<T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T) {
  const Page = lazy(async () => ({ default: (await loadOrReload(load))[name] as ComponentType }));
  // biome-ignore lint/correctness/noComponentHookFactories: page() runs once per page at module level, never in a render
  return function LazyPage() {
    return (
      <Suspense fallback={<LoadingScreen />}>
        <Page />
      </Suspense>
    );
  };
}

export const WorkPage = page(() => import('../features/work/WorkPage.tsx'), 'WorkPage');
export const IntakePage = page(() => import('../features/intake/IntakePage.tsx'), 'IntakePage');
export const ComplaintPage = page(() => import('../features/complaint/ComplaintPage.tsx'), 'ComplaintPage');
