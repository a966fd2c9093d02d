import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { readClockSetting } from '../domain/clock-setting.ts';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const GIBIBYTE = 1024 * 1024 * 1024;

/** Names proxy-addr (Fastify's trustProxy) knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One TRUST_PROXY entry: an IPv4/IPv6 address, a CIDR range (address/prefix) or a range name. */
export function isTrustedProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: true/false (every or no proxy), or the addresses/CIDR ranges of the trusted proxies
 * (comma-separated): X-Forwarded-* is honoured only on connections from those.
 */
const trustProxySetting = z.string().transform((value, context): boolean | string[] => {
  const flag = booleanFlag.safeParse(value);
  if (flag.success) return flag.data;
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !isTrustedProxyEntry(entry));
  if (entries.length === 0 || bad.length > 0) {
    context.addIssue({
      code: 'custom',
      message:
        'must be true, false or a comma-separated list of proxy addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8' +
        (bad.length > 0 ? ` (not an address: ${bad.join(', ')})` : ''),
    });
    return z.NEVER;
  }
  return entries;
});

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: 'must be a postgres:// or postgresql:// URL',
});

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_OWNER_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  PLATFORM_HOST: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/, 'must be a host name without scheme or port')
    .default('platform.localhost'),
  PLATFORM_ADMIN_EMAIL: z.email().optional(),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  LOG_PRETTY: booleanFlag.optional(),
  TRUST_PROXY: trustProxySetting.default(false),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  JOBS: z.enum(['in-process', 'off']).default('in-process'),
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().min(0).max(100_000).default(64),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').max(500).optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  S3_REGION: z.string().min(1).max(100).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).max(500).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).max(2000).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(GIBIBYTE)
    .default(20 * 1024 * 1024),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).max(300).default('Gehoord <klachten@localhost>'),
  MAIL_WORKER: z.enum(['on', 'off']).default('on'),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  MAIL_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(2000),
  MAIL_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  MAIL_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(64).default(4),
  IMAP_URL: z.url({ protocol: /^imaps?$/, error: 'must be an imap:// or imaps:// URL' }).optional(),
  IMAP_MAILBOX: z.string().min(1).max(200).default('INBOX'),
  IMAP_PROCESSED_MAILBOX: z.string().min(1).max(200).default('Verwerkt'),
  IMAP_ORGANIZATION: z.string().min(2).max(63).optional(),
  IMAP_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  PORTAL_SUBMISSIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  PORTAL_SUBMISSIONS_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  PORTAL_MINIMUM_FILL_SECONDS: z.coerce.number().int().min(0).max(600).default(3),
  GEHOORD_CLOCK: z
    .string()
    .refine((value) => readClockSetting(value) !== null, {
      error:
        'must be a date and time, e.g. 2026-12-06T20:30 (Amsterdam) or 2026-12-06T19:30:00Z, optionally @ the real instant it read that (…@2026-12-07T22:00:00Z)',
    })
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Connection used for requests; unset means: start embedded PostgreSQL in dataDir. */
  databaseUrl: string | undefined;
  /** Connection that owns the schema and runs migrations; defaults to databaseUrl. */
  databaseOwnerUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  publicUrl: string;
  /** The host name the platform administrator's screen and API answer on (decision 047); none other does. */
  platformHost: string;
  /** At first start, when no platform administrator exists: print a password link for this address. */
  platformAdminEmail: string | undefined;
  logLevel: (typeof logLevels)[number];
  logPretty: boolean;
  /** Honour X-Forwarded-* from every proxy (true), none (false), or only these addresses/CIDR ranges. */
  trustProxy: boolean | string[];
  shutdownTimeoutMs: number;
  /** Sign-in, second-factor and setup attempts per client address per minute. */
  loginRateLimitPerMinute: number;
  /** Run scheduled jobs (reminders, digests, the board's fast lane) inside the web process, or leave them to `npm run worker`. */
  jobs: 'in-process' | 'off';
  /** Shed load (503 + Retry-After) when the event loop lags more than this; 0 switches it off. */
  maxEventLoopDelayMs: number;
  /** Requests in flight beyond which new ones get a fast 503; 0 switches it off. */
  maxConcurrentRequests: number;
  /**
   * Prometheus metrics (decision 046): `token` serves /metrics on the main port to `Authorization: Bearer
   * <token>` only; `port` serves it without a token on a separate listener (on `host`, loopback by default).
   * Neither set: no metrics are collected and /metrics is unknown (404).
   */
  metrics: { token: string | null; port: number | null; host: string };
  /** Single sign-on with OpenID Connect; null when OIDC_ISSUER is unset (password sign-in only). */
  oidc: OidcConfig | null;
  /** Where attachment files live: local disk, or S3-compatible storage shared by several instances. */
  storage: StorageConfig;
  attachmentMaxBytes: number;
  /** Outbound mail: SMTP when smtpUrl is set, otherwise .eml files in mailboxDir. */
  mail: {
    smtpUrl: string | undefined;
    mailboxDir: string;
    from: string;
    worker: boolean;
    maxAttempts: number;
    /** First retry delay after a failed delivery, doubled per attempt up to an hour. */
    retryBaseMs: number;
    /** How long an idle delivery loop waits before looking for due messages again. */
    pollMs: number;
    /** Parallel delivery loops of the worker; each holds one claimed message (and a database connection). */
    concurrency: number;
    /** Open SMTP connections the worker's loops share (nodemailer pool). */
    smtpConnections: number;
  };
  /** E-mail intake; null when IMAP_URL is unset. */
  imap: {
    url: string;
    mailbox: string;
    processedMailbox: string;
    /** Slug of the organisation the mailbox belongs to; unset means the default organisation. */
    organization: string | undefined;
    pollSeconds: number;
  } | null;
  /** Abuse limits of the public complaint portal. */
  portal: PortalConfig;
  /** GEHOORD_CLOCK: the instant the server clock starts at (then runs in real time); unset = the system clock. */
  clock: string | undefined;
};

export type PortalConfig = {
  /** Complaint forms accepted per client address per hour. */
  submissionsPerIpPerHour: number;
  /** Complaint forms accepted per hour from everyone together: a brake on a distributed flood. */
  submissionsPerHour: number;
  /** A form sent sooner than this after it was handed out is not accepted (people need a moment). */
  minimumFillSeconds: number;
};

export type StorageConfig =
  | { driver: 'local'; directory: string }
  | {
      driver: 's3';
      bucket: string;
      endpoint: string | undefined;
      region: string;
      /** Unset means the SDK's own chain (instance role, AWS_* variables). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      forcePathStyle: boolean;
    };

export type OidcConfig = {
  issuer: string;
  clientId: string;
  /** Unset means a public client: PKCE only, no client authentication. */
  clientSecret: string | undefined;
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Tokens and codes travel to the issuer: only over https, except to a provider on this machine. */
function parseOidc(e: z.infer<typeof environmentSchema>): { oidc: OidcConfig | null; problems: string[] } {
  if (!e.OIDC_ISSUER && !e.OIDC_CLIENT_ID) return { oidc: null, problems: [] };
  const problems: string[] = [];
  if (!e.OIDC_ISSUER) problems.push('OIDC_ISSUER: required when OIDC_CLIENT_ID is set');
  if (!e.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID: required when OIDC_ISSUER is set');
  if (e.OIDC_ISSUER) {
    const issuer = new URL(e.OIDC_ISSUER);
    if (issuer.protocol !== 'https:' && !LOOPBACK_HOSTS.has(issuer.hostname))
      problems.push(
        `OIDC_ISSUER: must be https:// unless the provider runs on this machine (got "${e.OIDC_ISSUER}")`,
      );
  }
  if (problems.length > 0 || !e.OIDC_ISSUER || !e.OIDC_CLIENT_ID) return { oidc: null, problems };
  return {
    oidc: { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET },
    problems,
  };
}

function parseStorage(
  e: z.infer<typeof environmentSchema>,
  dataDir: string,
): { storage: StorageConfig | null; problems: string[] } {
  if (e.STORAGE_DRIVER === 'local')
    return { storage: { driver: 'local', directory: path.join(dataDir, 'attachments') }, problems: [] };
  const problems: string[] = [];
  if (!e.S3_BUCKET) problems.push('S3_BUCKET: required when STORAGE_DRIVER=s3');
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY))
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: give both or neither');
  if (problems.length > 0 || !e.S3_BUCKET) return { storage: null, problems };
  return {
    storage: {
      driver: 's3',
      bucket: e.S3_BUCKET,
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      credentials:
        e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
          : undefined,
      forcePathStyle: e.S3_FORCE_PATH_STYLE,
    },
    problems,
  };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment once; every problem becomes one readable line. */
export function parseConfig(
  environment: Record<string, string | undefined>,
  options: { stdoutIsTty?: boolean } = {},
): Config {
  const cleaned = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const result = environmentSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}: ${issue.message} (got ${JSON.stringify(cleaned[name] ?? null)})`;
      }),
    );
  }
  const e = result.data;
  const { oidc, problems } = parseOidc(e);
  const dataDir = path.resolve(e.DATA_DIR);
  const { storage, problems: storageProblems } = parseStorage(e, dataDir);
  if (problems.length > 0 || storageProblems.length > 0 || storage === null)
    throw new ConfigError([...problems, ...storageProblems]);
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(e.HOST) ? 'localhost' : e.HOST;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/$/, ''),
    platformHost: e.PLATFORM_HOST,
    platformAdminEmail: e.PLATFORM_ADMIN_EMAIL?.toLowerCase(),
    logLevel: e.LOG_LEVEL,
    logPretty: e.LOG_PRETTY ?? options.stdoutIsTty ?? false,
    trustProxy: e.TRUST_PROXY,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    jobs: e.JOBS,
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
    maxConcurrentRequests: e.MAX_CONCURRENT_REQUESTS,
    metrics: { token: e.METRICS_TOKEN ?? null, port: e.METRICS_PORT ?? null, host: e.METRICS_HOST },
    oidc,
    storage,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    mail: {
      smtpUrl: e.SMTP_URL,
      mailboxDir: path.join(dataDir, 'mailbox'),
      from: e.MAIL_FROM,
      worker: e.MAIL_WORKER === 'on',
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryBaseMs: e.MAIL_RETRY_BASE_MS,
      pollMs: e.MAIL_POLL_MS,
      concurrency: e.MAIL_CONCURRENCY,
      smtpConnections: e.MAIL_SMTP_CONNECTIONS,
    },
    imap: e.IMAP_URL
      ? {
          url: e.IMAP_URL,
          mailbox: e.IMAP_MAILBOX,
          processedMailbox: e.IMAP_PROCESSED_MAILBOX,
          organization: e.IMAP_ORGANIZATION,
          pollSeconds: e.IMAP_POLL_SECONDS,
        }
      : null,
    portal: {
      submissionsPerIpPerHour: e.PORTAL_SUBMISSIONS_PER_IP_PER_HOUR,
      submissionsPerHour: e.PORTAL_SUBMISSIONS_PER_HOUR,
      minimumFillSeconds: e.PORTAL_MINIMUM_FILL_SECONDS,
    },
    clock: e.GEHOORD_CLOCK,
  };
}

/** Reads an optional .env file into process.env without overriding real variables. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
