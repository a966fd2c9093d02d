import type { Attributes, Tracer } from '@opentelemetry/api';

// Manual spans for the main use cases and trace ids for log lines (decision 046). Nothing of OpenTelemetry is
// loaded here: tracing.ts hands over the API once the SDK has started (only with an OTLP endpoint). Until then
// `inSpan` just runs the work and `activeTraceIds` returns nothing — one check each, no import at start-up.
// Attributes are identifiers and outcomes only: never a complaint's text, a name, an address or an e-mail.

type OpenTelemetryApi = typeof import('@opentelemetry/api');

let api: OpenTelemetryApi | null = null;
let tracer: Tracer | null = null;

/** Called by tracing.ts after the SDK started: from now on spans are recorded. */
export function enableSpans(loaded: OpenTelemetryApi): void {
  api = loaded;
  tracer = loaded.trace.getTracer('gehoord');
}

/** Runs `work` inside a span named `name`; an exception marks the span as failed and is rethrown. */
export function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  const otel = api;
  if (tracer === null || otel === null) return work();
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({
        code: otel.SpanStatusCode.ERROR,
        message: error instanceof Error ? error.name : 'error',
      });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** pino's mixin: the ids of the span active while a line is written, when tracing is on. */
export function activeTraceIds(): { trace_id?: string; span_id?: string } {
  const span = api?.trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
