import { describe, expect, test } from 'vitest';
import { parseConfig } from '../../src/server/config.ts';
import {
  identityFromClaims,
  isIdentityAllowed,
} from '../../src/server/modules/sso/oidc/provider-identity.ts';

const issuer = 'https://login.microsoftonline.com/4a1b2c3d-0000-4000-8000-000000000001/v2.0';

describe('who the provider says signed in', () => {
  test('a generic provider: issuer + sub', () => {
    expect(
      identityFromClaims({
        iss: 'https://id.example.nl',
        sub: 'abc',
        email: 'A@Example.nl',
        email_verified: true,
      }),
    ).toEqual({
      issuer: 'https://id.example.nl',
      subject: 'abc',
      tenantId: null,
      email: 'a@example.nl',
      emailVerified: true,
      name: null,
    });
  });

  test('Entra ID: tenant id + object id, not the per-app sub', () => {
    const identity = identityFromClaims({
      iss: issuer,
      sub: 'pairwise-per-app',
      tid: '4a1b2c3d-0000-4000-8000-000000000001',
      oid: '00000000-0000-0000-0000-00000000beef',
      email: 'jan@corporatie.nl',
      name: 'Jan',
    });
    expect(identity).toMatchObject({
      subject: '4a1b2c3d-0000-4000-8000-000000000001:00000000-0000-0000-0000-00000000beef',
      tenantId: '4a1b2c3d-0000-4000-8000-000000000001',
      // Entra's e-mail is not verified by itself: no link by e-mail without the domain-owner claim.
      emailVerified: false,
    });
    expect(
      identityFromClaims({ iss: issuer, sub: 'x', email: 'jan@corporatie.nl', xms_edov: true })
        ?.emailVerified,
    ).toBe(true);
  });

  test('profile claims may come from userinfo, the identity key never does', () => {
    const identity = identityFromClaims(
      { iss: 'https://id.example.nl', sub: 'abc' },
      { sub: 'abc', tid: 'spoofed', oid: 'spoofed', email: 'b@example.nl', email_verified: true, name: 'B' },
    );
    expect(identity).toMatchObject({
      subject: 'abc',
      tenantId: null,
      email: 'b@example.nl',
      emailVerified: true,
      name: 'B',
    });
  });

  test('without issuer or subject there is no identity; a malformed e-mail is dropped', () => {
    expect(identityFromClaims({ sub: 'abc' })).toBeNull();
    expect(identityFromClaims({ iss: 'https://id.example.nl', sub: '' })).toBeNull();
    expect(
      identityFromClaims({ iss: 'https://id.example.nl', sub: 'a', email: 'geen-adres' })?.email,
    ).toBeNull();
  });

  test('allowed by issuer or by Entra tenant; nothing by default', () => {
    const none = { allowedIssuers: [], allowedTenantIds: [] };
    expect(isIdentityAllowed(none, { issuer, tenantId: 't1' })).toBe(false);
    expect(isIdentityAllowed({ ...none, allowedIssuers: [issuer] }, { issuer, tenantId: null })).toBe(true);
    expect(isIdentityAllowed({ ...none, allowedTenantIds: ['t1'] }, { issuer, tenantId: 't1' })).toBe(true);
    expect(isIdentityAllowed({ ...none, allowedTenantIds: ['t1'] }, { issuer, tenantId: 't2' })).toBe(false);
    expect(isIdentityAllowed({ ...none, allowedTenantIds: ['t1'] }, { issuer, tenantId: null })).toBe(false);
  });
});

describe('OIDC configuration from the environment', () => {
  test('off when unset; on with issuer and client id; the secret is optional', () => {
    expect(parseConfig({}).oidc).toBeNull();
    expect(
      parseConfig({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'gehoord', OIDC_CLIENT_SECRET: 's3cret' }).oidc,
    ).toEqual({ issuer, clientId: 'gehoord', clientSecret: 's3cret' });
    expect(
      parseConfig({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'gehoord' }).oidc?.clientSecret,
    ).toBeUndefined();
  });

  test('half a configuration or plain http to a remote provider is refused at start', () => {
    expect(() => parseConfig({ OIDC_ISSUER: issuer })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => parseConfig({ OIDC_CLIENT_ID: 'gehoord' })).toThrow(/OIDC_ISSUER/);
    expect(() => parseConfig({ OIDC_ISSUER: 'http://id.example.nl', OIDC_CLIENT_ID: 'g' })).toThrow(/https/);
    expect(parseConfig({ OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'g' }).oidc?.issuer).toBe(
      'http://127.0.0.1:4000',
    );
  });
});
