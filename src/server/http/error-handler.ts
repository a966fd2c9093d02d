import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../contract/errors.ts';
import { isStaffAppPath } from '../../contract/staff-app-paths.ts';
import { AppError } from './app-error.ts';
import { sendProblem } from './problem-response.ts';
import { toFieldErrors } from './validation.ts';

// SQLSTATE classes and socket errors that mean "the database is not there right now".
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)))
    return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    message,
  );
}

/**
 * Input the database refuses that slipped past validation (a NUL character, a number out of range, a
 * date PostgreSQL cannot hold: SQLSTATE class 22) is the caller's mistake; a constraint race (class 23)
 * is a conflict. Neither is a 500.
 */
function codeForDatabaseError(error: unknown): ErrorCode | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || code.length !== 5) return null;
  if (code.startsWith('22')) return 'malformed_request';
  if (code.startsWith('23')) return 'conflict';
  return null;
}

function codeForFrameworkError(status: number): ErrorCode {
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 404) return 'not_found';
  return 'malformed_request';
}

/** Every error leaves as problem+json; 5xx responses never carry internals and are logged with the request id. */
export function registerErrorHandling(
  app: FastifyInstance,
  options: {
    spaIndex?: string;
    /** The public "page not found" for browser addresses outside the API and the staff app. */
    pageNotFound?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  } = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, error.code, {
        ...(error.detail ? { detail: error.detail } : {}),
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
        ...(error.headers ? { headers: error.headers } : {}),
      });
    }
    if (error.validation) {
      return sendProblem(reply, 'validation_failed', {
        fieldErrors: toFieldErrors(error.validation, error.validationContext),
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: { code: (error as { code?: string }).code } }, 'database unavailable');
      return sendProblem(reply, 'service_unavailable', { headers: { 'retry-after': '5' } });
    }
    const systemCode = (error as { code?: unknown }).code;
    if (systemCode === 'ENOSPC' || systemCode === 'EDQUOT') {
      request.log.error({ err: { code: systemCode } }, 'attachment store is full');
      return sendProblem(reply, 'storage_full', { headers: { 'retry-after': '60' } });
    }
    const databaseCode = codeForDatabaseError(error);
    if (databaseCode !== null) {
      request.log.warn({ err: { code: (error as { code?: string }).code } }, 'database refused the input');
      return sendProblem(reply, databaseCode);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendProblem(reply, codeForFrameworkError(status), { detail: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 'internal_error');
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isApi = path === '/api' || path.startsWith('/api/') || path.startsWith('/health/');
    const browsing = !isApi && (request.method === 'GET' || request.method === 'HEAD');
    // The staff app's routes belong to the single-page app; the API answers in problem+json; any other
    // address a browser asks for is the portal's own "page not found" (decision 026).
    if (options.spaIndex && browsing && isStaffAppPath(path)) {
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .sendFile(options.spaIndex, { cacheControl: false });
    }
    if (options.pageNotFound && browsing) return options.pageNotFound(request, reply);
    return sendProblem(reply, 'route_not_found', { detail: `${request.method} ${path}` });
  });
}
