import type { z } from 'zod';
import { type completeSetupInput, setupResult, setupStatus } from '../../../contract/setup.ts';
import { api } from '../../lib/api-client.ts';

export const checkSetupToken = (token: string) =>
  api.post('/api/setup/check', { token }, { schema: setupStatus });

export const completeSetup = (input: z.input<typeof completeSetupInput>) =>
  api.post('/api/setup', input, { schema: setupResult });
