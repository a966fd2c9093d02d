import type { ZodType } from 'zod';
import { type ErrorCode, errorCatalog, type Locale } from '../../contract/errors.ts';
import { type FieldError, problem } from '../../contract/problem.ts';
import { noteServerClock } from './app-clock.ts';

export type LocalizedText = { nl: string; en: string };

/** Codes the client itself produces when no problem+json came back. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';

const clientMessages: Record<ClientErrorCode, LocalizedText> = {
  network_error: {
    nl: 'Gehoord is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    en: 'Gehoord cannot be reached. Check your connection and try again.',
  },
  unexpected_response: {
    nl: 'Gehoord gaf een onverwacht antwoord. Probeer het later opnieuw.',
    en: 'Gehoord gave an unexpected answer. Please try again later.',
  },
};

/** A failed API call: the problem+json the server sent (or a client-side stand-in), typed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly messages: LocalizedText;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    messages: LocalizedText;
    fieldErrors?: FieldError[];
    requestId?: string;
    retryAfterSeconds?: number;
  }) {
    super(init.messages.en);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messages = init.messages;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  text(locale: Locale): string {
    return this.messages[locale];
  }
}

export function isApiError(error: unknown, code?: ApiError['code']): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const body: unknown = await response.json().catch(() => null);
  const parsed = problem.safeParse(body);
  if (parsed.success) {
    return new ApiError({
      status: response.status,
      code: parsed.data.code as ErrorCode,
      messages: parsed.data.messages,
      fieldErrors: parsed.data.errors ?? [],
      requestId: parsed.data.requestId,
      ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
    });
  }
  const code: ErrorCode | ClientErrorCode = response.status >= 500 ? 'internal_error' : 'unexpected_response';
  const messages = code === 'internal_error' ? errorCatalog.internal_error : clientMessages[code];
  return new ApiError({ status: response.status, code, messages: { nl: messages.nl, en: messages.en } });
}

type RequestOptions<T> = {
  body?: unknown;
  /** Contract schema the response must match; the parsed value is returned. */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `If-Match` or `Idempotency-Key`. */
  headers?: Record<string, string>;
};

/**
 * One call to the Gehoord API: same-origin cookies, JSON in and out, problem+json turned into an ApiError.
 * The browser adds the Origin header the server's CSRF check needs.
 */
export async function apiRequest<T = void>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: 'network_error', messages: clientMessages.network_error });
  }
  noteServerClock(response.headers.get('gehoord-clock'));
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!options.schema) return data as T;
  const parsed = options.schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'unexpected_response',
      messages: clientMessages.unexpected_response,
    });
  }
  return parsed.data;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions<T>, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T = void>(path: string, body?: unknown, options?: Omit<RequestOptions<T>, 'body'>) =>
    apiRequest<T>('POST', path, { ...options, body: body ?? {} }),
};
