import type { z } from 'zod';
import {
  corporationExport,
  corporationExportList,
  corporationList,
  corporationSummary,
  type createCorporationInput,
  createdCorporation,
  platformMe,
} from '../../../contract/platform.ts';
import { api } from '../../lib/api-client.ts';

// Decision 047: the platform administrator's API; it answers on PLATFORM_HOST only.

export const platformKeys = {
  me: ['platform', 'me'],
  corporations: ['platform', 'corporations'],
  exports: (corporationId: string) => ['platform', 'exports', corporationId],
};

export const fetchPlatformMe = () => api.get('/api/platform/me', { schema: platformMe });

export const signInPlatform = (input: { email: string; password: string }) =>
  api.post('/api/platform/sign-in', input, { schema: platformMe });

export const signOutPlatform = () => api.post('/api/platform/sign-out');

export const setPlatformPassword = (input: { token: string; password: string }) =>
  api.post('/api/platform/password', input);

export const fetchCorporations = () => api.get('/api/platform/corporations', { schema: corporationList });

export const createCorporation = (input: z.input<typeof createCorporationInput>) =>
  api.post('/api/platform/corporations', input, { schema: createdCorporation });

export const setSuspended = (id: string, suspended: boolean) =>
  api.post(
    `/api/platform/corporations/${id}/${suspended ? 'suspend' : 'resume'}`,
    {},
    {
      schema: corporationSummary,
    },
  );

export const startExport = (corporationId: string, publicKey: string) =>
  api.post(
    `/api/platform/corporations/${corporationId}/exports`,
    { publicKey },
    { schema: corporationExport },
  );

export const fetchExports = (corporationId: string) =>
  api.get(`/api/platform/corporations/${corporationId}/exports`, { schema: corporationExportList });
