// Who the provider says signed in. Pure: claims in, decisions out (unit-tested without a provider).

export type Claims = Record<string, unknown>;

export type ProviderIdentity = {
  issuer: string;
  /** The key we link on: `sub`, or for Microsoft Entra ID `tid:oid` (stable across app registrations). */
  subject: string;
  tenantId: string | null;
  email: string | null;
  /** Only a provider-verified address may link or create an account. */
  emailVerified: boolean;
  name: string | null;
};

const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max ? value.trim() : null;

/**
 * The identity key comes from the signed ID token only; profile claims (e-mail, name) may come from
 * userinfo when the ID token leaves them out. Entra ID's `email` is not verified unless the tenant
 * vouches for the domain (`xms_edov`), so an unverified address never links (the "nOAuth" takeover).
 */
export function identityFromClaims(idToken: Claims, userInfo: Claims = {}): ProviderIdentity | null {
  const issuer = text(idToken.iss, 500);
  const sub = text(idToken.sub, 255);
  if (!issuer || !sub) return null;
  const tenantId = text(idToken.tid, 200);
  const objectId = text(idToken.oid, 200);
  const profile = text(idToken.email, 254) ? idToken : userInfo;
  const email = text(profile.email, 254)?.toLowerCase() ?? null;
  return {
    issuer,
    subject: tenantId && objectId ? `${tenantId}:${objectId}` : sub,
    tenantId,
    email: email?.includes('@') ? email : null,
    emailVerified: profile.email_verified === true || profile.xms_edov === true,
    name: text(idToken.name, 200) ?? text(userInfo.name, 200),
  };
}

/** An organisation accepts an issuer it lists, or (Entra multi-tenant) a tenant it lists; nothing by default. */
export function isIdentityAllowed(
  settings: { allowedIssuers: readonly string[]; allowedTenantIds: readonly string[] },
  identity: Pick<ProviderIdentity, 'issuer' | 'tenantId'>,
): boolean {
  if (settings.allowedIssuers.includes(identity.issuer)) return true;
  return identity.tenantId !== null && settings.allowedTenantIds.includes(identity.tenantId);
}
