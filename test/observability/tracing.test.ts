import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FORM_HEADERS, formTokenIn, validComplaint } from '../portal/portal-support.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { findFreePort, type ServerProcess, spawnServer, waitForOutput } from '../support/server-process.ts';

// Issue 25 (decision 046): with OTEL_EXPORTER_OTLP_ENDPOINT set the server exports the spans of a portal
// submission over OTLP/HTTP — HTTP server span → Fastify → service span → SQL — and its log lines carry the
// trace id. The exporter sends protobuf by default; this test asks for JSON (OTEL_EXPORTER_OTLP_PROTOCOL).

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: OtlpValue }[];
};
type OtlpPayload = {
  resourceSpans: {
    resource?: { attributes?: { key: string; value: OtlpValue }[] };
    scopeSpans: { scope?: { name: string }; spans: (OtlpSpan & { scope?: string })[] }[];
  }[];
};

const database = await createTestDatabase();
await createOrganization(database.owner, { isDefault: true });

const payloads: string[] = [];
let receiver: Server;
let receiverPort = 0;
let server: ServerProcess;
let base = '';

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') payloads.push(body);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  receiverPort = await new Promise<number>((resolve) =>
    receiver.listen(0, '127.0.0.1', () => {
      const address = receiver.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    }),
  );
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  server = spawnServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.ownerUrl,
    DATA_DIR: await mkdtemp(path.join(tmpdir(), 'gehoord-tracing-')),
    JOBS: 'off',
    MAIL_WORKER: 'off',
    PORTAL_MINIMUM_FILL_SECONDS: '0',
    // A busy test machine must not make the overload guard answer 503 to the one request this test makes
    MAX_EVENT_LOOP_DELAY_MS: '0',
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
    OTEL_SERVICE_NAME: 'gehoord-test',
  });
  await waitForOutput(server, /Gehoord is ready at/, 90_000);
}, 120_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) server.child.kill('SIGTERM');
  await server?.exited;
  await new Promise((resolve) => receiver.close(resolve));
});

function spansOf(payload: OtlpPayload) {
  return payload.resourceSpans.flatMap((resource) => {
    const service = resource.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue;
    return resource.scopeSpans.flatMap((scope) =>
      scope.spans.map((span) => ({ ...span, scope: scope.scope?.name ?? '', service })),
    );
  });
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}:\n${server.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('OpenTelemetry tracing', () => {
  test('one portal submission is one trace: HTTP → Fastify → service → SQL, and its log line has the trace id', async () => {
    const description = 'Tracecontrole: de lekkage in de badkamer van Jannie is nog steeds niet verholpen.';
    const email = 'jannie.tracing@example.nl';
    const form = await fetch(`${base}/klacht`);
    const page = await form.text();
    expect(form.status, page.slice(0, 500)).toBe(200);
    const formToken = formTokenIn(page);
    const posted = await fetch(`${base}/klacht`, {
      method: 'POST',
      headers: { ...FORM_HEADERS, 'x-request-id': 'trace-test-submission-1' },
      body: new URLSearchParams({ ...validComplaint, email, description, formToken }).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(303);

    const spans = await waitFor(() => {
      const all = payloads.flatMap((p) => spansOf(JSON.parse(p) as OtlpPayload));
      const service = all.find((s) => s.name === 'portal.submit_complaint');
      if (!service) return undefined;
      const trace = all.filter((s) => s.traceId === service.traceId);
      // The HTTP span ends last; wait until it has arrived too
      return trace.some((s) => s.kind === 2 && s.scope.includes('http')) ? trace : undefined;
    }, 'the spans of the submission');

    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (span: OtlpSpan) => (span.parentSpanId ? byId.get(span.parentSpanId) : undefined);
    const ancestors = (span: OtlpSpan) => {
      const chain: OtlpSpan[] = [];
      for (let at = parentOf(span); at; at = parentOf(at)) chain.push(at);
      return chain;
    };
    const attribute = (span: OtlpSpan, key: string) => span.attributes?.find((a) => a.key === key)?.value;

    // The HTTP server span (kind 2 = SERVER) is the root of the trace and names the route, not the address
    const http = spans.find((s) => s.kind === 2 && s.scope.includes('instrumentation-http'));
    expect(http).toBeDefined();
    expect(http?.parentSpanId ?? '').toBe('');
    expect(attribute(http as OtlpSpan, 'http.route')?.stringValue).toBe('/klacht');
    expect(attribute(http as OtlpSpan, 'http.request.method')?.stringValue).toBe('POST');
    expect(http && (http as { service?: string }).service).toBe('gehoord-test');

    // Fastify's request handler span, inside the HTTP span
    const handler = spans.find((s) => s.scope.includes('fastify') && s.name.startsWith('request handler'));
    expect(handler, spans.map((s) => `${s.scope}: ${s.name}`).join('\n')).toBeDefined();
    expect(ancestors(handler as OtlpSpan)).toContain(http);

    // The service span, inside the route's handler
    const service = spans.find((s) => s.name === 'portal.submit_complaint') as OtlpSpan;
    expect(ancestors(service)).toContain(handler);

    // SQL spans of the registration's transaction inside the service span: the insert of the complaint among them
    const sqlSpans = spans.filter(
      (s) => s.scope.includes('instrumentation-pg') && s.name !== 'pg-pool.connect',
    );
    const underService = sqlSpans.filter((s) => ancestors(s).includes(service));
    expect(underService.length).toBeGreaterThan(3);
    expect(
      underService.some((s) =>
        /insert into "?complaint"?\b/i.test(
          attribute(s, 'db.query.text')?.stringValue ?? attribute(s, 'db.statement')?.stringValue ?? '',
        ),
      ),
    ).toBe(true);
    for (const span of spans) expect(span.traceId).toBe(service.traceId);

    // The server's log line for this request carries the same trace id
    const traceId = service.traceId;
    const logLines = server
      .output()
      .split('\n')
      .filter((line) => line.includes('trace-test-submission-1'));
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(JSON.parse(line).trace_id).toBe(traceId);

    // No personal data anywhere in what was exported
    const everything = payloads.join('\n');
    expect(everything).not.toContain('lekkage in de badkamer');
    expect(everything).not.toContain(email);
    expect(everything).not.toContain(validComplaint.name);
    expect(everything).not.toContain(validComplaint.phone);
    const statusToken = /\/status\/([^/?#]+)/.exec(posted.headers.get('location') ?? '')?.[1] ?? '';
    expect(statusToken.length).toBeGreaterThan(20);
    expect(everything).not.toContain(statusToken);
    // Neither the client's address nor its user agent
    for (const span of spans) {
      for (const key of ['client.address', 'network.peer.address', 'user_agent.original', 'url.query'])
        expect(attribute(span, key), `${span.name}: ${key}`).toBeUndefined();
    }
  });
});
