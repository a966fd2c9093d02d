import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { censorLogValue } from './http/log-redaction.ts';
import { activeTraceIds } from './observability/spans.ts';

/** JSON logs for machines; pretty lines when a person watches the terminal. Secrets are redacted. */
export function createLogger(
  config: Pick<Config, 'logLevel' | 'logPretty'>,
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    // With tracing on (decision 046) a line written inside a span carries its ids; without it this is one
    // check returning nothing (OpenTelemetry is not even loaded).
    mixin: activeTraceIds,
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
