import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { PublicLayout } from '../../components/PublicLayout.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { StaffLayout } from '../shell/StaffLayout.tsx';
import { useCurrentUser } from './use-current-user.ts';

export const ENROLL_SECOND_FACTOR_PATH = '/account/tweestapsverificatie';

/** Signed-in pages: without a session the API answers 401 and the user is sent to sign in, then back here. */
export function RequireStaff() {
  const { t, locale } = useI18n();
  const location = useLocation();
  const currentUser = useCurrentUser();

  if (currentUser.isPending) return <LoadingScreen />;
  if (currentUser.isError)
    return (
      <PublicLayout>
        <ErrorSummary message={describeApiError(currentUser.error, locale, t)} attempt={1} />
      </PublicLayout>
    );
  if (!currentUser.data) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/inloggen?terug=${encodeURIComponent(back)}`} replace />;
  }
  // The API refuses everything else until then (second_factor_enrollment_required).
  if (currentUser.data.mustEnrollSecondFactor && location.pathname !== ENROLL_SECOND_FACTOR_PATH)
    return <Navigate to={ENROLL_SECOND_FACTOR_PATH} replace />;
  return (
    <StaffLayout user={currentUser.data}>
      <Outlet />
    </StaffLayout>
  );
}
