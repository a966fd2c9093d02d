import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { type PortalRouteOptions, setUpPortalHttp } from './http/portal-http.ts';
import { portalAdminRoutes } from './portal-admin.routes.ts';
import { registerFormRoutes } from './portal-form.routes.ts';
import { registerFrontDoorRoutes } from './portal-front-door.routes.ts';
import { registerSelfAssessmentRoutes } from './portal-self-assessment.routes.ts';
import { registerStatusRoutes } from './portal-status.routes.ts';

export type { PortalRouteOptions } from './http/portal-http.ts';

/**
 * The public complaint portal: server-rendered pages that work without JavaScript, in Dutch and English,
 * plus the administrators' settings API. The pages live in their own encapsulated plugin: their form-body
 * parser, error pages and headers apply to them only.
 */
export async function portalRoutes(app: FastifyInstance, options: PortalRouteOptions): Promise<void> {
  await app.register(portalAdminRoutes, { db: options.db });
  await app.register(async (pages) => {
    // The complaint form with photos (issue 21) is multipart/form-data; the route reads the parts itself.
    // A file over the limit is cut off and marked, so the form can say which file and keep the rest.
    await pages.register(fastifyMultipart, { throwFileSizeLimit: false });
    const http = setUpPortalHttp(pages, options);
    registerFrontDoorRoutes(pages, http);
    registerFormRoutes(pages, http, options);
    registerStatusRoutes(pages, http, options);
    registerSelfAssessmentRoutes(pages, http, options);
  });
}
