import { Navigate, Route, Routes } from 'react-router';
import { AccountPage } from '../features/account/AccountPage.tsx';
import { EnrollSecondFactorPage } from '../features/account/EnrollSecondFactorPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ENROLL_SECOND_FACTOR_PATH, RequireStaff } from '../features/auth/RequireStaff.tsx';
import * as mtReview from '../features/mt-review/lazy-pages.tsx';
import { RequireReviewer } from '../features/mt-review/RequireReviewer.tsx';
import { NotFoundPage } from '../features/not-found/NotFoundPage.tsx';
import { PlatformPage } from '../features/platform/PlatformPage.tsx';
import { PlatformPasswordPage } from '../features/platform/PlatformPasswordPage.tsx';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { RequireRole } from '../features/shell/RequireRole.tsx';
import * as backOffice from './back-office-pages.tsx';
import * as complaintPages from './complaint-pages.tsx';

/** Paths are Dutch: staff and residents see them in the address bar. */
export function AppRoutes() {
  return (
    <Routes>
      {/* The server answers `/` with the tenants' front door (decision 026); inside the app it means work. */}
      <Route path="/" element={<Navigate to="/werk" replace />} />
      <Route path="/inloggen" element={<LoginPage />} />
      <Route path="/inrichten" element={<SetupPage />} />
      <Route path="/platform" element={<PlatformPage />} />
      <Route path="/platform/wachtwoord" element={<PlatformPasswordPage />} />
      <Route element={<RequireStaff />}>
        <Route path="/werk" element={<complaintPages.WorkPage />} />
        <Route path="/klachten/nieuw" element={<complaintPages.IntakePage />} />
        <Route path="/klachten/:id" element={<complaintPages.ComplaintPage />} />
        <Route path="/account" element={<AccountPage />} />
        <Route path={ENROLL_SECOND_FACTOR_PATH} element={<EnrollSecondFactorPage />} />
        <Route path="/zoeken" element={<backOffice.SearchPage />} />
        <Route path="/personen/:id" element={<backOffice.PersonPage />} />
        <Route path="/woningen/:id" element={<backOffice.UnitPage />} />
        <Route path="/complexen/:id" element={<backOffice.ComplexPage />} />
        <Route path="/rapportages" element={<backOffice.ReportsPage />} />
        <Route path="/te-posten" element={<backOffice.LettersToPostPage />} />
        <Route element={<RequireReviewer />}>
          <Route path="/mt" element={<mtReview.MtDashboardPage />} />
          <Route path="/mt/vergaderingen/:id" element={<mtReview.MeetingPage />} />
          {/* issue 26: the annual self-assessment (decision 050) */}
          <Route path="/mt/zelfevaluatie" element={<backOffice.SelfAssessmentPage />} />
          <Route path="/mt/:quarter" element={<mtReview.AgendaPage />} />
          <Route path="/verbeteracties" element={<mtReview.ActionsPage />} />
          <Route path="/verbeteracties/:id" element={<mtReview.ActionPage />} />
        </Route>
        <Route element={<RequireRole role="manager" />}>
          <Route path="/team" element={<backOffice.TeamPage />} />
        </Route>
        <Route element={<RequireRole role="admin" />}>
          <Route path="/beheer" element={<backOffice.AdminLayout />}>
            <Route index element={<Navigate to="/beheer/overzicht" replace />} />
            <Route path="overzicht" element={<backOffice.AdminOverviewPage />} />
            <Route path="aannemers" element={<backOffice.ContractorsPage />} />
            <Route path="portaal" element={<backOffice.PortalSettingsPage />} />
            <Route path="gebruikers" element={<backOffice.UsersPage />} />
            <Route path="afdelingen" element={<backOffice.DepartmentsPage />} />
            <Route path="api-sleutels" element={<backOffice.ApiTokensPage />} />
            <Route path="keuzelijsten" element={<backOffice.ReferenceValuesPage />} />
            <Route path="werkdagen" element={<backOffice.CalendarPage />} />
            <Route path="importeren" element={<backOffice.ImportPage />} />
            <Route path="logboek" element={<backOffice.AuditLogPage />} />
            <Route path="uitgaand" element={<backOffice.OutboxPage />} />
            <Route path="webhooks" element={<backOffice.WebhooksPage />} />
            <Route path="inloggen" element={<backOffice.SsoSettingsPage />} />
            <Route path="organisatie" element={<backOffice.OrganizationPage />} />
            <Route path="sjablonen" element={<backOffice.TemplatesPage />} />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
