import { Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { EnrollSecondFactorPage } from '../features/account/EnrollSecondFactorPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ENROLL_SECOND_FACTOR_PATH, RequireStaff } from '../features/auth/RequireStaff.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotFoundPage } from '../features/not-found/NotFoundPage.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { WorkPage } from '../features/work/WorkPage.tsx';

/** Paths are Dutch: staff and residents see them in the address bar. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<HomePage />} />
      <Route path="/inloggen" element={<LoginPage />} />
      <Route path="/inrichten" element={<SetupPage />} />
      <Route element={<RequireStaff />}>
        <Route path="/werk" element={<WorkPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path={ENROLL_SECOND_FACTOR_PATH} element={<EnrollSecondFactorPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
