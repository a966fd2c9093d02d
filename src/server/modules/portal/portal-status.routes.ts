import type { FastifyInstance } from 'fastify';
import { serverNow } from '../../clock.ts';
import type { FieldProblem } from './forms/complaint-form.ts';
import { verifyFormToken } from './forms/form-token.ts';
import { LOCALE_LIST, type PortalHttp, type PortalRouteOptions } from './http/portal-http.ts';
import { formPath, PATH_WORDS, statusCodePath, statusPaths } from './http/portal-paths.ts';
import { messagesFor } from './i18n/messages.ts';
import {
  addComplainantMessage,
  findStatusTokenByCode,
  loadStatus,
  loadStatusPage,
  rateHandling,
} from './portal-status.service.ts';
import { confirmationPage, statusCodePage, statusPage } from './views/portal-pages.ts';

type TokenParams = { token: string };

/** The private status link: confirmation, status page, adding information, and the satisfaction rating. */
export function registerStatusRoutes(app: FastifyInstance, http: PortalHttp, options: PortalRouteOptions) {
  const { db } = options;
  const { assets, context, organizationOf, contextFrom, send, invalidLink, rejected, sameOrigin } = http;
  const perIpStatusWrites = app.rateLimit({ max: 60, timeWindow: '1 hour' });
  const perIpStatusReads = app.rateLimit({ max: 600, timeWindow: '1 hour' });
  // Issue 21, decision 024: a code has 60 bits; 20 tries an hour per address makes guessing hopeless
  const perIpCodeTries = app.rateLimit({ max: 20, timeWindow: '1 hour' });

  for (const locale of LOCALE_LIST) {
    const t = messagesFor(locale);
    const base = formPath(locale);
    const words = PATH_WORDS[locale];

    app.get(`${statusCodePath(locale)}`, { schema: { hide: true } }, async (request, reply) => {
      const ctx = await context(request);
      return send(reply, 200, statusCodePage(ctx, locale, assets, { now: serverNow() }));
    });

    app.post(
      `${statusCodePath(locale)}`,
      { schema: { hide: true }, onRequest: [sameOrigin, perIpCodeTries] },
      async (request, reply) => {
        const now = serverNow();
        const ctx = await context(request);
        const body = (request.body ?? {}) as Record<string, unknown>;
        if (
          verifyFormToken(ctx.secret, typeof body.formToken === 'string' ? body.formToken : undefined) ===
          null
        )
          return rejected(reply, ctx, locale);
        const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
        const values = { code: field('code').slice(0, 40), reference: field('reference').slice(0, 40) };
        const problems: FieldProblem[] = [];
        if (values.code === '') problems.push({ field: 'code', message: t.codeMissing });
        if (values.reference === '') problems.push({ field: 'reference', message: t.codeReferenceMissing });
        const token = problems.length > 0 ? null : await findStatusTokenByCode(db, ctx, values, now);
        if (token === null) {
          // One answer for every wrong combination; the typed code is not shown again
          if (problems.length === 0) problems.push({ field: 'code', message: t.codeNotFound });
          const shown = { reference: values.reference };
          return send(reply, 400, statusCodePage(ctx, locale, assets, { now, values: shown, problems }));
        }
        return reply.redirect(statusPaths(locale, token).status, 303);
      },
    );

    app.get<{ Params: TokenParams }>(
      `${base}/status/:token/${words.received}`,
      { schema: { hide: true }, onRequest: [perIpStatusReads] },
      async (request, reply) => {
        const organizationId = await organizationOf(request);
        const page = await loadStatusPage(db, organizationId, request.params.token, serverNow());
        const ctx = contextFrom(request, organizationId, page.settings);
        const { view } = page;
        if (view === null) return invalidLink(reply, ctx, locale);
        return send(
          reply,
          200,
          confirmationPage(ctx, locale, assets, request.params.token, view, view.acknowledgementQueued),
        );
      },
    );

    app.get<{ Params: TokenParams; Querystring: { sent?: string } }>(
      `${base}/status/:token`,
      { schema: { hide: true }, onRequest: [perIpStatusReads] },
      async (request, reply) => {
        const now = serverNow();
        const organizationId = await organizationOf(request);
        const page = await loadStatusPage(db, organizationId, request.params.token, now);
        const ctx = contextFrom(request, organizationId, page.settings);
        const { view } = page;
        if (view === null) return invalidLink(reply, ctx, locale);
        const sent =
          request.query.sent === 'message' || request.query.sent === 'satisfaction'
            ? request.query.sent
            : null;
        return send(reply, 200, statusPage(ctx, locale, assets, request.params.token, view, { now, sent }));
      },
    );

    app.post<{ Params: TokenParams }>(
      `${base}/status/:token/${words.message}`,
      { schema: { hide: true }, onRequest: [sameOrigin, perIpStatusWrites] },
      async (request, reply) => {
        const now = serverNow();
        const ctx = await context(request);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const { token } = request.params;
        const formToken = verifyFormToken(
          ctx.secret,
          typeof body.formToken === 'string' ? body.formToken : undefined,
        );
        if (formToken === null) return rejected(reply, ctx, locale);
        const text = typeof body.message === 'string' ? body.message.trim() : '';
        const problems: FieldProblem[] = [];
        if (text === '') problems.push({ field: 'message', message: t.errors.message });
        else if (text.length > 5000) problems.push({ field: 'message', message: t.errors.messageTooLong });
        if (problems.length > 0) {
          const view = await loadStatus(db, ctx, token, now);
          if (view === null) return invalidLink(reply, ctx, locale);
          const message = { values: { message: text }, problems, formToken: body.formToken as string };
          return send(reply, 400, statusPage(ctx, locale, assets, token, view, { now, message }));
        }
        const outcome = await addComplainantMessage(db, ctx, { token, nonce: formToken.nonce, text }, now);
        if (outcome === 'invalid_link') return invalidLink(reply, ctx, locale);
        const target = statusPaths(locale, token).status;
        return reply.redirect(outcome === 'done' ? `${target}?sent=message` : target, 303);
      },
    );

    app.post<{ Params: TokenParams }>(
      `${base}/status/:token/${words.satisfaction}`,
      { schema: { hide: true }, onRequest: [sameOrigin, perIpStatusWrites] },
      async (request, reply) => {
        const now = serverNow();
        const ctx = await context(request);
        const body = (request.body ?? {}) as Record<string, unknown>;
        const { token } = request.params;
        if (
          verifyFormToken(ctx.secret, typeof body.formToken === 'string' ? body.formToken : undefined) ===
          null
        )
          return rejected(reply, ctx, locale);
        const score = (name: string) => {
          const value = body[name];
          return typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : null;
        };
        const handling = score('handling');
        const outcome = score('outcome');
        const comment = typeof body.comment === 'string' ? body.comment.trim() : '';
        const problems: FieldProblem[] = [];
        if (handling === null) problems.push({ field: 'handling', message: t.errors.handling });
        if (outcome === null) problems.push({ field: 'outcome', message: t.errors.outcome });
        if (comment.length > 2000) problems.push({ field: 'comment', message: t.errors.commentTooLong });
        if (handling === null || outcome === null || problems.length > 0) {
          const view = await loadStatus(db, ctx, token, now);
          if (view === null) return invalidLink(reply, ctx, locale);
          const values = Object.fromEntries(
            ['handling', 'outcome', 'comment'].flatMap((name) =>
              typeof body[name] === 'string' ? [[name, body[name] as string]] : [],
            ),
          );
          const satisfaction = { values, problems, formToken: body.formToken as string };
          return send(reply, 400, statusPage(ctx, locale, assets, token, view, { now, satisfaction }));
        }
        const result = await rateHandling(
          db,
          ctx,
          { token, handling, outcome, comment: comment === '' ? null : comment },
          now,
        );
        if (result === 'invalid_link') return invalidLink(reply, ctx, locale);
        const target = statusPaths(locale, token).status;
        return reply.redirect(result === 'done' ? `${target}?sent=satisfaction` : target, 303);
      },
    );
  }
}
