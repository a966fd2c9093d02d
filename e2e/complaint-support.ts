import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { signInThroughPage } from './fixtures.ts';

// Demo accounts (src/server/modules/setup/demo/demo-organization.ts): Eva handles complaints in Klantcontact,
// Sanne is the manager of Klantcontact, Lotte its management assistant.
export const EVA = 'eva.jansen@demo.gehoord.nl';
export const SANNE = 'sanne.degroot@demo.gehoord.nl';

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await signInThroughPage(page, account.email, account.password);
  await expect(page).toHaveURL(/\/werk$/);
}

/**
 * The signed-in browser's own session, for setting up data the journey is not about (a person with an
 * address, a complaint from the website). Writes need the same Origin as the page (CSRF check).
 */
export function apiOf(page: Page) {
  const base = process.env.GEHOORD_E2E_BASE_URL ?? '';
  const request: APIRequestContext = page.request;
  const call = async <T>(method: 'get' | 'post', path: string, data?: unknown, headers = {}) => {
    const response = await request[method](`${base}${path}`, {
      headers: { origin: base, ...headers },
      ...(data === undefined ? {} : { data }),
    });
    expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
    return { body: (await response.json()) as T, etag: response.headers().etag ?? '' };
  };
  return {
    get: <T>(path: string) => call<T>('get', path).then((r) => r.body),
    post: <T>(path: string, data: unknown, headers: Record<string, string> = {}) =>
      call<T>('post', path, data, headers),
  };
}

/** A tenant with an address in a demo complex, so the typeahead and the unit/complex fill-in have something. */
export async function createTenant(page: Page, name: string, phone: string, houseNumber: number) {
  const api = apiOf(page);
  const complexes = await api.get<{ items: { id: string; name: string }[] }>(
    '/api/housing-complexes?search=Hoven',
  );
  const complex = complexes.items[0];
  if (!complex) throw new Error('The demo organisation has no complex De Hoven');
  const unit = await api.post<{ id: string }>('/api/units', {
    housingComplexId: complex.id,
    street: 'Dorpsstraat',
    houseNumber,
    postcode: '2678 AB',
    place: 'Maasland',
  });
  const person = await api.post<{ id: string }>('/api/persons', {
    name,
    phone,
    relation: 'tenant',
    unitId: unit.body.id,
  });
  return { personId: person.body.id, unitId: unit.body.id };
}

type Detail = { id: string; reference: string; version: number };

/** Registers a complaint through the API (as an integration or the website would). */
export async function registerThroughApi(page: Page, body: Record<string, unknown>): Promise<Detail> {
  return (await apiOf(page).post<Detail>('/api/complaints', body)).body;
}

export async function actThroughApi(page: Page, complaint: Detail, path: string, body: unknown = {}) {
  const result = await apiOf(page).post<Detail>(`/api/complaints/${complaint.id}/${path}`, body, {
    'if-match': `"${complaint.version}"`,
  });
  return result.body;
}

/**
 * A phone complaint registered, triaged as a complaint about a repair (subject "none": it stays in the officer's
 * department) and discussed with the complainant: the start of every journey about what comes after.
 */
export async function registerDiscussedPhoneComplaint(
  page: Page,
  complainantId: string,
  description: string,
  contactSummary: string,
): Promise<Detail> {
  let complaint = await registerThroughApi(page, { channel: 'phone', complainantId, description });
  complaint = await actThroughApi(page, complaint, 'triage', {
    outcome: 'complaint',
    category: 'repair_badly_done',
    subject: { kind: 'none' },
  });
  return actThroughApi(page, complaint, 'contacts', {
    kind: 'phone',
    direction: 'outbound',
    summary: contactSummary,
  });
}

/**
 * An action button on the case page, wherever it is (issue 22): up front, or under "Meer acties", which is then
 * opened. The toggle is there whenever the page has rendered its actions.
 */
export async function caseAction(page: Page, name: string) {
  const actions = page.getByTestId('actions');
  const toggle = actions.getByRole('button', { name: /^(Meer acties|More actions)/ });
  await expect(toggle).toBeVisible();
  const upFront = actions.getByTestId('up-front-actions').getByRole('button', { name });
  if ((await upFront.count()) > 0) return upFront;
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return actions.getByTestId('more-actions').getByRole('button', { name });
}
