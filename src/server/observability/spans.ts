import { type Attributes, SpanStatusCode, trace } from '@opentelemetry/api';

// Manual spans for the main use cases (decision 046). Without the SDK (no OTLP endpoint) the API's tracer is a
// no-op: `startActiveSpan` runs the function with a non-recording span and costs a few calls.
// Attributes are identifiers and outcomes only: never a complaint's text, a name, an address or an e-mail.

const tracer = trace.getTracer('gehoord');

/** Runs `work` inside a span named `name`; an exception marks the span as failed and is rethrown. */
export function inSpan<T>(name: string, attributes: Attributes, work: () => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}
