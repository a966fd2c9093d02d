import { type APIRequestContext, expect, request } from '@playwright/test';

/**
 * A signed-in API session for setting the scene of a journey (registering complaints as a colleague would),
 * so the journey itself stays about the screen under test. Writes carry the same-origin header the CSRF
 * check asks for, as a browser would send.
 */
export async function staffApiSession(baseURL: string, email: string, password: string) {
  const context: APIRequestContext = await request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: baseURL },
  });
  const login = await context.post('/api/auth/login', { data: { email, password } });
  expect(login.status(), await login.text()).toBe(200);
  return {
    async get<T>(path: string): Promise<T> {
      const response = await context.get(path);
      expect(response.status(), await response.text()).toBe(200);
      return (await response.json()) as T;
    },
    async post<T>(path: string, data: object): Promise<T> {
      const response = await context.post(path, { data });
      expect(response.status(), await response.text()).toBeLessThan(300);
      return (await response.json()) as T;
    },
    async put<T>(path: string, data: object): Promise<T> {
      const response = await context.put(path, { data });
      expect(response.status(), await response.text()).toBeLessThan(300);
      return (await response.json()) as T;
    },
    dispose: () => context.dispose(),
  };
}
