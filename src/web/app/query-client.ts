import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client.ts';

export const currentUserKey = ['auth', 'me'] as const;

/**
 * One client for the app. A 4xx is an answer, not a hiccup: only network and server errors are retried.
 * When any request says the session is gone, the current user is cleared so protected pages send the
 * user to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error, 'unauthenticated') && query.queryHash !== JSON.stringify(currentUserKey))
          client.setQueryData(currentUserKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
