import { type CurrentUser, loginResult, secondFactorSetup, sessionState } from '../../../contract/auth.ts';
import { publicOrganization } from '../../../contract/organization.ts';
import { type SsoAvailability, ssoAvailability } from '../../../contract/sso.ts';
import { api } from '../../lib/api-client.ts';

/**
 * The signed-in staff member, or null when there is no (complete) session. Asks `/api/auth/session`, which
 * answers 200 either way, so the sign-in page logs no 401 in the browser console (issue 22).
 */
export async function fetchCurrentUser(): Promise<CurrentUser | null> {
  const state = await api.get('/api/auth/session', { schema: sessionState });
  return state.signedIn ? state.user : null;
}

export const fetchOrganization = () => api.get('/api/organization', { schema: publicOrganization });

export const signIn = (input: { email: string; password: string }) =>
  api.post('/api/auth/login', input, { schema: loginResult });

export const completeSecondFactor = (code: string) =>
  api.post('/api/auth/login/second-factor', { code }, { schema: loginResult });

export const signOut = () => api.post('/api/auth/logout');
export const signOutEverywhere = () => api.post('/api/auth/logout-everywhere');

export const changePassword = (input: { currentPassword: string; newPassword: string }) =>
  api.post('/api/auth/password', input);

export const startSecondFactorEnrollment = () =>
  api.post('/api/auth/second-factor/setup', {}, { schema: secondFactorSetup });

export const enableSecondFactor = (code: string) => api.post('/api/auth/second-factor/enable', { code });

/** Whether to offer "sign in with your organisation account"; any failure means no (sign-in must still work). */
export async function fetchSsoAvailability(): Promise<SsoAvailability> {
  try {
    return await api.get('/api/auth/sso', { schema: ssoAvailability });
  } catch {
    return { enabled: false, startUrl: null };
  }
}
