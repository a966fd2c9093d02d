import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PortalFileProblem } from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import { AppError } from '../../http/app-error.ts';
import { type FieldProblem, pickFormValues, TOPICS, validateComplaintForm } from './forms/complaint-form.ts';
import { formTokenAgeMs, verifyFormToken } from './forms/form-token.ts';
import {
  cleanPortalFiles,
  FILES_FIELD,
  PortalBodyTooLargeError,
  type PortalFormBody,
  readPortalForm,
} from './forms/portal-files.ts';
import type { PortalContext } from './http/portal-context.ts';
import { LOCALE_LIST, type PortalHttp, type PortalRouteOptions } from './http/portal-http.ts';
import { formPath, statusPaths } from './http/portal-paths.ts';
import { messagesFor, type PortalLocale, type PortalMessages } from './i18n/messages.ts';
import { submitComplaint } from './portal-submission.service.ts';
import { formPage } from './views/portal-pages.ts';

/** A form handed out longer ago than this is re-shown (with everything typed kept) rather than refused. */
const FORM_TOKEN_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The complaint form: route advice, checks, abuse limits, and registration through the complaints module. */
export function registerFormRoutes(app: FastifyInstance, http: PortalHttp, options: PortalRouteOptions) {
  const { db, limits, storage, attachmentMaxBytes } = options;
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
    const base = formPath(locale);

    app.get(base, { schema: { hide: true } }, async (request, reply) =>
      send(
        reply,
        200,
        formPage(await context(request), locale, assets, {
          maxFileBytes: attachmentMaxBytes,
          now: serverNow(),
        }),
      ),
    );

    app.post(
      base,
      { schema: { hide: true }, onRequest: [sameOrigin, perIpSubmissions, allSubmissions] },
      async (request, reply) => {
        const now = serverNow();
        const ctx = await context(request);
        let form: PortalFormBody;
        try {
          form = await readPortalForm(request, { maxFileBytes: attachmentMaxBytes });
        } catch (error) {
          if (error instanceof PortalBodyTooLargeError) return rejected(reply, ctx, locale, 413);
          throw error;
        }
        try {
          return await handleSubmission(request, reply, ctx, locale, form, now);
        } finally {
          await form.discard();
        }
      },
    );
  }

  async function handleSubmission(
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: PortalContext,
    locale: PortalLocale,
    form: PortalFormBody,
    now: Date,
  ) {
    const t = messagesFor(locale);
    const body = form.fields;
    const values = pickFormValues(body);
    // A field people never see: only software fills it in.
    if (typeof body.website === 'string' && body.website !== '') return rejected(reply, ctx, locale);
    // Files cannot be put back into a form shown again: the person is asked to choose them once more.
    const filesAgain = form.hadFiles ? t.filesChooseAgain : null;
    const token = verifyFormToken(ctx.secret, body.formToken);
    const age = token === null ? -1 : formTokenAgeMs(token);
    if (token === null || age > FORM_TOKEN_MAX_AGE_MS || age < -60_000)
      return send(
        reply,
        400,
        formPage(ctx, locale, assets, {
          maxFileBytes: attachmentMaxBytes,
          values,
          notice: t.formExpired,
          filesNote: filesAgain,
          now,
        }),
      );
    const formToken = body.formToken as string;
    const submitAnyway = body.submitAnyway === '1';
    const keptValues = submitAnyway ? { ...values, submitAnyway: '1' } : values;
    const checked = validateComplaintForm(values, t);
    const fileProblems = form.fileProblem === null ? [] : [fileProblemOf(t, form.fileProblem)];
    const problems = [...(checked.ok ? [] : checked.problems), ...fileProblems];
    // Sent too fast: not accepted, but what is missing or wrong is shown with it, so one correction is
    // enough (issue 21; the field errors first, then the notice).
    if (age < limits.minimumFillSeconds * 1000)
      return send(
        reply,
        400,
        formPage(ctx, locale, assets, {
          maxFileBytes: attachmentMaxBytes,
          values: keptValues,
          formToken,
          problems,
          notice: t.formTooFast,
          filesNote: filesAgain,
          now,
        }),
      );
    const topic = TOPICS.find((candidate) => candidate === values.topic);
    if (topic !== undefined && topic !== 'complaint' && !submitAnyway)
      return send(
        reply,
        200,
        formPage(ctx, locale, assets, {
          maxFileBytes: attachmentMaxBytes,
          values,
          formToken,
          routeAdvice: topic,
          problems: fileProblems,
          filesNote: filesAgain,
          now,
        }),
      );
    const showAgain = (found: FieldProblem[]) =>
      send(
        reply,
        400,
        formPage(ctx, locale, assets, {
          maxFileBytes: attachmentMaxBytes,
          values: keptValues,
          formToken,
          problems: found,
          filesNote: filesAgain,
          now,
        }),
      );
    if (!checked.ok || problems.length > 0) return showAgain(problems);
    const cleaned = await cleanPortalFiles(form.files);
    if (!cleaned.ok)
      return showAgain([fileProblemOf(t, { problem: 'unreadable', fileName: cleaned.fileName })]);
    const outcome = await submitComplaint(
      { db, storage, log: request.log },
      ctx,
      {
        form: checked.form,
        nonce: token.nonce,
        locale,
        submittedAnyway: submitAnyway,
        files: cleaned.files,
      },
      now,
    );
    // Same form (its nonce is the idempotency key), other content: 422 like a reused Idempotency-Key on the API
    if (outcome.kind === 'nonce_used')
      return send(
        reply,
        422,
        formPage(ctx, locale, assets, {
          maxFileBytes: attachmentMaxBytes,
          values,
          notice: t.alreadySent(outcome.reference ?? '—'),
          filesNote: filesAgain,
          now,
        }),
      );
    return reply.redirect(statusPaths(locale, outcome.statusToken).received, 303);
  }
}

/** The message next to the file field, naming the file it is about. */
function fileProblemOf(
  t: PortalMessages,
  found: { problem: PortalFileProblem | 'unreadable'; fileName: string },
): FieldProblem {
  return { field: FILES_FIELD, message: t.fileErrors[found.problem](found.fileName) };
}
