import type { FastifyRequest } from 'fastify';
import {
  canDoOrganizationAction,
  type OrganizationPermission,
  type StaffActor,
  type StaffRole,
  type TokenScope,
} from '../../domain/permissions.ts';
import { AppError } from './app-error.ts';

/**
 * The organisation's calendar-settings version in force when the credential was resolved. Versions are
 * immutable, so read paths can take that version from a cache instead of asking the database again.
 */
type SettingsHint = { calendarSettingsVersion?: number };

/** Where a request came from, for the access log (AVG accountability: who, when, what and from where). */
export type ClientOrigin = { ip: string | null; userAgent: string | null };

/** A signed-in staff member, resolved from the session cookie. */
export type StaffPrincipal = StaffActor &
  SettingsHint & {
    kind: 'staff';
    origin?: ClientOrigin;
    organizationId: string;
    sessionId: string;
    name: string;
    email: string;
    roles: StaffRole[];
    secondFactorPending: boolean;
    mustEnrollSecondFactor: boolean;
  };

/** An integration, resolved from `Authorization: Bearer`. */
export type TokenPrincipal = SettingsHint & {
  kind: 'token';
  origin?: ClientOrigin;
  organizationId: string;
  tokenId: string;
  name: string;
  scope: TokenScope;
};

export type Principal = StaffPrincipal | TokenPrincipal;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The signed-in staff member with both factors done; 401/403 otherwise. */
export function requireStaff(
  request: FastifyRequest,
  options: { allowPendingEnrollment?: boolean } = {},
): StaffPrincipal {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthenticated');
  if (principal.kind !== 'staff')
    throw new AppError('forbidden', { detail: 'This endpoint is for staff sessions.' });
  if (principal.secondFactorPending) throw new AppError('second_factor_required');
  if (principal.mustEnrollSecondFactor && !options.allowPendingEnrollment) {
    throw new AppError('second_factor_enrollment_required');
  }
  return principal;
}

export function requireOrganizationPermission(
  request: FastifyRequest,
  permission: OrganizationPermission,
): StaffPrincipal {
  const staff = requireStaff(request);
  if (!canDoOrganizationAction(staff, permission)) throw new AppError('forbidden');
  return staff;
}

/**
 * Staff or an integration token; tokens must carry one of the scopes the route declares in
 * `config.tokenScopes` (the same list the authentication hook enforces and the OpenAPI document shows).
 */
export function requirePrincipal(request: FastifyRequest): Principal {
  const principal = request.principal;
  if (!principal) throw new AppError('unauthenticated');
  if (principal.kind === 'token') {
    const tokenScopes: readonly TokenScope[] = request.routeOptions.config.tokenScopes ?? [];
    if (!tokenScopes.includes(principal.scope)) throw new AppError('token_scope_insufficient');
    return principal;
  }
  return requireStaff(request);
}
