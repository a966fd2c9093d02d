import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, errorCatalog, type Locale } from '../../contract/errors.ts';
import type { FieldError, Problem } from '../../contract/problem.ts';

const PROBLEM_TYPE_BASE = 'https://gehoord.nl/problemen/';

/** Dutch unless the client prefers English (Accept-Language). */
export function preferredLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (!header) return 'nl';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number.parseFloat(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? '1');
      return { lang: tag.split('-')[0], q: Number.isNaN(q) ? 0 : q };
    })
    .filter((entry) => entry.lang === 'nl' || entry.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? 'en' : 'nl';
}

export function buildProblem(
  request: FastifyRequest,
  code: ErrorCode,
  options: { detail?: string; fieldErrors?: FieldError[] } = {},
): Problem {
  const entry = errorCatalog[code];
  const locale = preferredLocale(request);
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: entry[locale],
    status: entry.status,
    ...(options.detail ? { detail: options.detail } : {}),
    instance: request.url.split('?')[0],
    code,
    messages: { nl: entry.nl, en: entry.en },
    requestId: String(request.id),
    ...(options.fieldErrors ? { errors: options.fieldErrors } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  options: { detail?: string; fieldErrors?: FieldError[]; headers?: Record<string, string> } = {},
): FastifyReply {
  const body = buildProblem(reply.request, code, options);
  if (options.headers) reply.headers(options.headers);
  return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
}
