import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../src/server/config.ts';

describe('configuration', () => {
  test('defaults give a local installation on port 3000 with embedded PostgreSQL', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  test('every bad value is reported on its own readable line', () => {
    let error: unknown;
    try {
      parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://db/x', LOG_LEVEL: 'loud', PUBLIC_URL: 'ftp://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('PORT:'))).toContain('"abc"');
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toContain('postgres://');
    expect(problems.find((p) => p.startsWith('PUBLIC_URL:'))).toContain('http');
  });

  test('metrics are off unless METRICS_TOKEN or METRICS_PORT is set; a short token is refused (decision 046)', () => {
    expect(parseConfig({}).metrics).toEqual({ token: null, port: null, host: '127.0.0.1' });
    expect(
      parseConfig({ METRICS_TOKEN: 'a-long-enough-metrics-token', METRICS_PORT: '9464' }).metrics,
    ).toEqual({
      token: 'a-long-enough-metrics-token',
      port: 9464,
      host: '127.0.0.1',
    });
    expect(() => parseConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => parseConfig({ METRICS_PORT: '0' })).toThrow(/METRICS_PORT/);
  });

  test('port out of range is refused', () => {
    expect(() => parseConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  test('DATABASE_OWNER_URL defaults to DATABASE_URL; empty values count as unset', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://app:pw@db:5432/gehoord', PUBLIC_URL: '' });
    expect(config.databaseOwnerUrl).toBe('postgres://app:pw@db:5432/gehoord');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  test('PUBLIC_URL loses a trailing slash so links can be appended', () => {
    expect(parseConfig({ PUBLIC_URL: 'https://klachten.example.nl/' }).publicUrl).toBe(
      'https://klachten.example.nl',
    );
  });

  test('GEHOORD_CLOCK: unset is the system clock; a date and time is kept; anything else is refused by name', () => {
    expect(parseConfig({}).clock).toBeUndefined();
    expect(parseConfig({ GEHOORD_CLOCK: '' }).clock).toBeUndefined();
    expect(parseConfig({ GEHOORD_CLOCK: '2026-12-06T20:30' }).clock).toBe('2026-12-06T20:30');
    expect(() => parseConfig({ GEHOORD_CLOCK: 'zondagavond' })).toThrow(
      /GEHOORD_CLOCK: must be a date and time/,
    );
  });

  test('TRUST_PROXY: a flag, or the trusted proxies as addresses and CIDR ranges; anything else is refused', () => {
    expect(parseConfig({}).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
    expect(parseConfig({ TRUST_PROXY: ' 10.0.0.0/8, fd00::/8 ,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['10.0.0.0/33', 'proxy.example.nl', '10.0.0.1/8/2', ',', '::1/129', '1.2.3.4/x']) {
      expect(() => parseConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: must be true, false or/);
    }
  });
});
