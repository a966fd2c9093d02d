import { setupResult, setupStatus } from '../../../contract/setup.ts';
import { api } from '../../lib/api-client.ts';

export const checkSetupToken = (token: string) =>
  api.post('/api/setup/check', { token }, { schema: setupStatus });

export const completeSetup = (input: {
  token: string;
  organizationName: string;
  administrator: { name: string; email: string; password: string };
  loadDemo: boolean;
}) => api.post('/api/setup', input, { schema: setupResult });
