import { trace } from '@opentelemetry/api';
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { censorLogValue } from './http/log-redaction.ts';

function traceIds(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** JSON logs for machines; pretty lines when a person watches the terminal. Secrets are redacted. */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'logPretty'>,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    // With tracing on (decision 046) a line written inside a span carries its ids; without the SDK there is
    // never an active span and this is one call returning nothing.
    mixin: traceIds,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        'req.url',
      ],
      censor: censorLogValue,
    },
    ...(config.logPretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
