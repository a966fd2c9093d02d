import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorCode, errorCatalog } from '../../contract/errors.ts';
import type { Problem } from '../../contract/problem.ts';
import { AppError } from './app-error.ts';
import { sendProblem } from './problem-response.ts';

// Requests that fail before a route is chosen still get a problem document (application/problem+json with
// the catalogue's Dutch and English messages), as the OpenAPI document promises.

/** Longest request target (path and query) answered normally; longer is 414 `uri_too_long`. */
export const MAX_URL_LENGTH = 8192;
/** Longest path parameter (Fastify's `maxParamLength`, its default); longer is 414 `uri_too_long`. */
export const MAX_PARAM_LENGTH = 100;

/** Fastify's `frameworkErrors`: a path parameter too long, a URL it cannot decode. */
export function frameworkErrorAsProblem(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const code: ErrorCode = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri_too_long' : 'malformed_request';
  reply.header('x-request-id', reply.request.id);
  return sendProblem(reply, code);
}

/** Refuses an over-long request target before anything else looks at it. */
export function registerUrlLengthLimit(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > MAX_URL_LENGTH) throw new AppError('uri_too_long');
  });
}

function socketProblem(code: ErrorCode): string {
  const entry = errorCatalog[code];
  const body: Problem = {
    type: `https://gehoord.nl/problemen/${code}`,
    // The headers, Accept-Language among them, could not be read: Dutch, the default.
    title: entry.nl,
    status: entry.status,
    code,
    messages: { nl: entry.nl, en: entry.en },
    requestId: randomUUID(),
  };
  const json = JSON.stringify(body);
  return (
    `HTTP/1.1 ${entry.status} ${STATUS_CODES[entry.status]}\r\n` +
    'Content-Type: application/problem+json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(json)}\r\n` +
    'Connection: close\r\n\r\n' +
    json
  );
}

/**
 * Node's HTTP parser refuses a request before Fastify sees it (headers over `--max-http-header-size`, 16 KiB
 * by default, a request too slow, or bytes that are not HTTP). Answer those as problems too.
 */
export function clientErrorAsProblem(
  this: FastifyInstance,
  error: NodeJS.ErrnoException & { code?: string },
  socket: Socket,
): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  this.log.trace({ err: error }, 'client error');
  if (socket.writable) {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') socket.write(socketProblem('request_timeout'));
    else if (error.code === 'HPE_HEADER_OVERFLOW')
      socket.write(socketProblem('request_header_fields_too_large'));
    else if (error.code === 'HPE_URI_TOO_LONG') socket.write(socketProblem('uri_too_long'));
    else socket.write(socketProblem('malformed_request'));
  }
  socket.destroy(error);
}
