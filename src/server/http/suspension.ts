import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import { isOrganizationSuspended, resolveOrganizationForHost } from '../modules/organization/index.ts';
import { AppError } from './app-error.ts';

// Decision 047: a suspended corporation's staff app, API and portal answer 503; its data stays. Health checks, the
// platform's own routes and screen stay reachable (the platform host may fall back to the default organisation).
const EXEMPT = /^\/(health|api\/platform|api\/docs|api\/openapi\.json|platform|assets)(\/|\?|$)/;

const PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tijdelijk niet beschikbaar — Temporarily unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}</style>
</head><body><main>
<h1>Tijdelijk niet beschikbaar</h1>
<p>Deze omgeving is tijdelijk niet beschikbaar. Wilt u een klacht indienen of vraagt u naar uw klacht? Neem dan contact op met uw woningcorporatie.</p>
<h2 lang="en">Temporarily unavailable</h2>
<p lang="en">This service is temporarily unavailable. To make a complaint or ask about one, please contact your housing corporation.</p>
</main></body></html>
`;

async function organizationOf(
  db: Database,
  request: import('fastify').FastifyRequest,
): Promise<string | null> {
  if (request.principal) return request.principal.organizationId;
  try {
    return await resolveOrganizationForHost(db, request.hostname);
  } catch (error) {
    // No organisation for this host: the routes answer as they always did. A database failure is a 503 as anywhere.
    if (error instanceof AppError && error.code === 'organization_not_found') return null;
    throw error;
  }
}

/** Registered after authentication, so a signed-in caller's organisation is known without asking again. */
export function registerSuspensionCheck(app: FastifyInstance, deps: { db: Database }) {
  app.addHook('onRequest', async (request, reply) => {
    if (EXEMPT.test(request.url)) return;
    const organizationId = await organizationOf(deps.db, request);
    if (!organizationId || !(await isOrganizationSuspended(deps.db, organizationId))) return;
    if (request.url.startsWith('/api/')) throw new AppError('organization_suspended');
    return reply
      .code(503)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('retry-after', '3600')
      .send(PAGE);
  });
}
