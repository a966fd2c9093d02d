import { STATUS_CODES } from 'node:http';
import type { FastifyContextConfig } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { TOKEN_SCOPE_MATRIX, TOKEN_SCOPES } from '../../domain/permissions.ts';
import { SESSION_COOKIE } from '../modules/auth/session.service.ts';
import { routeRequiresSignIn } from './authentication.ts';

// The OpenAPI document tells integrators what the server does, decided in one place from each route's real
// configuration: its operationId from method and path, its security from the same `config` the authentication
// hook enforces, every error as application/problem+json, binary downloads with their media type.

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** A problem the server can answer on any route, before a route is even chosen (see app.ts). */
export const TRANSPORT_PROBLEMS = {
  414: 'uri_too_long',
  431: 'request_header_fields_too_large',
} as const;

const scopeList = TOKEN_SCOPES.map((scope) => `\`${scope}\` (${TOKEN_SCOPE_MATRIX[scope].join(', ')})`);

/** Declared once in components.securitySchemes; operations refer to them by name. */
export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'Staff session, set by `POST /api/auth/login` (and the second step when two-step verification is on). ' +
      'Writes from a browser must come from the same origin (CSRF check).',
  },
  platformSession: {
    type: 'apiKey',
    in: 'cookie',
    name: 'gehoord_platform_session',
    description:
      'Platform administrator session (decision 047), set by `POST /api/platform/sign-in` on the platform host name ' +
      '(`PLATFORM_HOST`) only; other host names answer 404. Writes must come from the same origin (CSRF check).',
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description:
      'API token made by an administrator (Beheer → API-sleutels), sent as `Authorization: Bearer <token>`. ' +
      `Each token has one scope: ${scopeList.join('; ')}. An operation lists the scopes it admits; ` +
      'another scope is answered with 403 `token_scope_insufficient`, a route for staff only with 403 `forbidden`.',
  },
} as const;

type SecurityRequirement = Record<string, string[]>;

/** Who may call a route, as OpenAPI security requirements (alternatives): taken from the route's config. */
export function securityFor(url: string, config: FastifyContextConfig | undefined): SecurityRequirement[] {
  if (config?.platform === 'session') return [{ platformSession: [] }];
  if (!routeRequiresSignIn(url, config)) return [];
  return [{ sessionCookie: [] }, ...(config?.tokenScopes ?? []).map((scope) => ({ apiToken: [scope] }))];
}

const words = (segment: string) =>
  segment
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));

/**
 * A stable camelCase operationId from method and path: `GET /api/complaints/:id/answer-letter.pdf` is
 * `getComplaintsByIdAnswerLetterPdf`. It depends on nothing else, so adding a route never renames another.
 */
export function operationIdFor(method: string, url: string): string {
  const parts = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((segment) => (segment.startsWith(':') ? ['By', ...words(segment.slice(1))] : words(segment)));
  return method.toLowerCase() + parts.join('');
}

type Transformed = { schema: Record<string, unknown>; url: string };
type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & {
  route: { method: string | string[]; url: string; config?: FastifyContextConfig };
};

const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } },
});

const transportProblemText = Object.entries(TRANSPORT_PROBLEMS)
  .map(([status, code]) => `${status} \`${code}\``)
  .join(', ');

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '4xx': `The request was refused; the body says why (\`code\`, Dutch and English \`messages\`). Includes 400 validation_failed, 401, 403, 404, 409, 413, 422, 429 (with Retry-After) and ${transportProblemText}.`,
  '5xx':
    'The server could not answer (500 internal_error, 503 service_unavailable with Retry-After, 507 storage_full).',
};

/** The refusals a route can answer because of how it is configured (its own schema may name more). */
function answersOf(
  schema: Record<string, unknown>,
  url: string,
  config: FastifyContextConfig | undefined,
): Record<string, { description: string }> {
  const answers: Record<string, { description: string }> = {};
  if (schema.body || schema.querystring || schema.params || schema.headers)
    answers['400'] = {
      description: 'The input does not fit the schema: `validation_failed` with `errors` per field.',
    };
  if (routeRequiresSignIn(url, config)) {
    answers['401'] = { description: 'Not signed in (`unauthenticated`), or the second step is still open.' };
    answers['403'] = {
      description: config?.tokenScopes
        ? 'Not allowed (`forbidden`), or the API token has another scope (`token_scope_insufficient`).'
        : 'Not allowed (`forbidden`); API tokens are refused here (staff sessions only).',
    };
  }
  if (config?.rateLimit)
    answers['429'] = { description: 'Too many attempts (`rate_limited`); see Retry-After.' };
  return answers;
}

function isErrorStatus(status: string): boolean {
  return /^[45]/.test(status) || status === 'default';
}

function isSuccessStatus(status: string): boolean {
  return /^[23]/.test(status);
}

/** The swagger transform: zod to JSON Schema, then the house rules above. */
export function openApiTransform(input: TransformInput): Transformed {
  const { schema, url } = jsonSchemaTransform(input) as Transformed;
  if (!schema || schema.hide) return { schema, url };
  const route = input.route;
  const method = Array.isArray(route.method) ? (route.method[0] ?? 'get') : route.method;
  const produces = (schema.produces as string[] | undefined) ?? [];
  const response: Record<string, unknown> = {
    ...answersOf(schema, route.url, route.config),
    ...((schema.response as Record<string, unknown>) ?? {}),
  };
  for (const status of Object.keys(response)) {
    if (!isErrorStatus(status)) continue;
    const own = response[status] as { description?: string } | undefined;
    response[status] = problemResponse(
      own?.description ??
        ERROR_DESCRIPTIONS[status.toLowerCase()] ??
        `${STATUS_CODES[status] ?? 'Refused'}: the body says why.`,
    );
  }
  if (!('4xx' in response) && !('4XX' in response))
    response['4xx'] = problemResponse(ERROR_DESCRIPTIONS['4xx'] ?? '');
  if (!('5xx' in response) && !('5XX' in response))
    response['5xx'] = problemResponse(ERROR_DESCRIPTIONS['5xx'] ?? '');
  // A download states its media type; without a declared 2xx the file itself is the 200.
  if (!Object.keys(response).some(isSuccessStatus)) {
    response['200'] = produces.length
      ? {
          description: 'The file',
          content: Object.fromEntries(
            produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        }
      : { description: 'Done', type: 'null' };
  }
  return {
    schema: {
      ...schema,
      operationId: schema.operationId ?? operationIdFor(method, route.url),
      security: securityFor(route.url, route.config),
      response,
    },
    url,
  };
}

/** Every `$ref` target reachable from a value. */
function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') into.add(item);
      else collectRefs(item, into);
    }
  }
}

type Document = {
  paths?: Record<string, Record<string, { operationId?: string }>>;
  webhooks?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown> | undefined>;
  [key: string]: unknown;
};

/**
 * The finished document keeps only the components something refers to (zod registers every contract
 * schema, used or not, as input and output variant) and refuses duplicate operationIds.
 */
export function finishOpenApiDocument<T extends object>(input: T): T {
  const document = input as Document;
  const components = document.components ?? {};
  const reachable = new Set<string>();
  const pending: unknown[] = [document.paths, document.webhooks];
  while (pending.length) {
    const found = new Set<string>();
    collectRefs(pending.pop(), found);
    for (const ref of found) {
      if (reachable.has(ref)) continue;
      reachable.add(ref);
      const [, , kind, name] = ref.split('/');
      if (kind && name) pending.push(components[kind]?.[name]);
    }
  }
  const kept: Record<string, Record<string, unknown>> = {};
  for (const [kind, entries] of Object.entries(components)) {
    if (!entries) continue;
    if (kind === 'securitySchemes') {
      kept[kind] = entries;
      continue;
    }
    const used = Object.entries(entries).filter(([name]) => reachable.has(`#/components/${kind}/${name}`));
    if (used.length) kept[kind] = Object.fromEntries(used);
  }
  const seen = new Map<string, string>();
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const id = operation.operationId;
      if (!id) continue;
      const other = seen.get(id);
      if (other) throw new Error(`OpenAPI: operationId ${id} of ${method} ${path} is also ${other}`);
      seen.set(id, `${method} ${path}`);
    }
  }
  return { ...document, components: kept } as T;
}
