import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { activeTraceIds, inSpan } from '../../src/server/observability/spans.ts';

// Decision 046: without OTEL_EXPORTER_OTLP_ENDPOINT, METRICS_TOKEN and METRICS_PORT neither OpenTelemetry nor
// prom-client is loaded — the server's module graph does not import them — and the hooks left in the code
// (use-case spans, the log mixin) just run the work.

const root = path.resolve(import.meta.dirname, '../..');

/** Every module URL a fresh Node process resolves while importing `entries` (require and import alike). */
function modulesLoadedBy(entries: string[]): string[] {
  const script = `
    import { registerHooks } from 'node:module';
    const seen = [];
    registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r; } });
    for (const entry of ${JSON.stringify(entries)}) await import(entry);
    console.log(JSON.stringify(seen));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '[]');
}

describe('observability is off and free by default', () => {
  test('the server modules load neither OpenTelemetry nor prom-client', () => {
    const loaded = modulesLoadedBy(
      ['src/server/app.ts', 'src/server/logger.ts', 'src/server/database-connection.ts'].map(
        (file) => new URL(`file://${path.join(root, file)}`).href,
      ),
    );
    expect(loaded.some((url) => url.includes('/src/server/modules/portal/'))).toBe(true);
    expect(loaded.some((url) => url.includes('fastify'))).toBe(true);
    expect(loaded.filter((url) => url.includes('@opentelemetry') || url.includes('prom-client'))).toEqual([]);
  });

  test('the probe does see them when they are imported', () => {
    const loaded = modulesLoadedBy([
      new URL(`file://${path.join(root, 'src/server/observability/metrics.ts')}`).href,
    ]);
    expect(loaded.some((url) => url.includes('prom-client'))).toBe(true);
  });

  test('without the SDK a use-case span only runs its work, and log lines get no trace ids', async () => {
    expect(await inSpan('test.work', { 'gehoord.test': 1 }, async () => 42)).toBe(42);
    await expect(
      inSpan('test.failing', {}, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(activeTraceIds()).toEqual({});
  });
});
