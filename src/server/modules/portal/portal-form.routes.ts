import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { pickFormValues, TOPICS, validateComplaintForm } from './complaint-form.ts';
import { verifyFormToken } from './form-token.ts';
import { messagesFor } from './messages.ts';
import { LOCALE_LIST, type PortalHttp, type PortalRouteOptions } from './portal-http.ts';
import { formPage } from './portal-pages.ts';
import { formPath, statusPaths } from './portal-paths.ts';
import { submitComplaint } from './portal-submission.service.ts';

/** A form handed out longer ago than this is re-shown (with everything typed kept) rather than refused. */
const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The complaint form: route advice, checks, abuse limits, and registration through the complaints module. */
export function registerFormRoutes(app: FastifyInstance, http: PortalHttp, options: PortalRouteOptions) {
  const { db, limits } = options;
  const { assets, context, send, rejected, sameOrigin } = http;
  const perIpSubmissions = app.rateLimit({ max: limits.submissionsPerIpPerHour, timeWindow: '1 hour' });
  // The plugin runs one limit per request, so the shared budget of everyone together is checked by hand.
  const checkAllSubmissions = app.createRateLimit({
    max: limits.submissionsPerHour,
    timeWindow: '1 hour',
    keyGenerator: () => 'portal-submissions',
  });
  const allSubmissions = async (request: FastifyRequest) => {
    const result = await checkAllSubmissions(request);
    if (!result.isAllowed && result.isExceeded)
      throw new AppError('rate_limited', { headers: { 'retry-after': String(result.ttlInSeconds) } });
  };

  for (const locale of LOCALE_LIST) {
    const t = messagesFor(locale);
    const base = formPath(locale);

    app.get(base, { schema: { hide: true } }, async (request, reply) =>
      send(reply, 200, formPage(await context(request), locale, assets, { now: new Date() })),
    );

    app.post(
      base,
      { schema: { hide: true }, onRequest: [sameOrigin, perIpSubmissions, allSubmissions] },
      async (request, reply) => {
        const now = new Date();
        const ctx = await context(request);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const values = pickFormValues(body);
        // A field people never see: only software fills it in.
        if (typeof body.website === 'string' && body.website !== '') return rejected(reply, ctx, locale);
        const token = verifyFormToken(
          ctx.secret,
          typeof body.formToken === 'string' ? body.formToken : undefined,
        );
        const age = token === null ? -1 : now.getTime() - token.issuedAt;
        if (token === null || age > FORM_TOKEN_MAX_AGE_MS || age < -60_000)
          return send(reply, 400, formPage(ctx, locale, assets, { values, notice: t.formExpired, now }));
        const formToken = body.formToken as string;
        if (age < limits.minimumFillSeconds * 1000)
          return send(
            reply,
            400,
            formPage(ctx, locale, assets, { values, formToken, notice: t.formTooFast, now }),
          );
        const submitAnyway = body.submitAnyway === '1';
        const topic = TOPICS.find((candidate) => candidate === values.topic);
        if (topic !== undefined && topic !== 'complaint' && !submitAnyway)
          return send(
            reply,
            200,
            formPage(ctx, locale, assets, { values, formToken, routeAdvice: topic, now }),
          );
        const checked = validateComplaintForm(values, t);
        if (!checked.ok)
          return send(
            reply,
            400,
            formPage(ctx, locale, assets, {
              values: submitAnyway ? { ...values, submitAnyway: '1' } : values,
              formToken,
              problems: checked.problems,
              now,
            }),
          );
        const outcome = await submitComplaint(
          db,
          ctx,
          { form: checked.form, nonce: token.nonce, locale, submittedAnyway: submitAnyway },
          now,
        );
        // Same form (its nonce is the idempotency key), other content: 422 like a reused Idempotency-Key on the API
        if (outcome.kind === 'nonce_used')
          return send(
            reply,
            422,
            formPage(ctx, locale, assets, { values, notice: t.alreadySent(outcome.reference ?? '—'), now }),
          );
        return reply.redirect(statusPaths(locale, outcome.statusToken).received, 303);
      },
    );
  }
}
