import type { FastifyRequest } from 'fastify';
import { TOKEN_SCOPE_MATRIX, TOKEN_SCOPES, type TokenScope } from '../../../../domain/permissions.ts';
import { type Principal, requireOrganizationPermission, requirePrincipal } from '../../../http/principal.ts';

// Tokens follow the domain's scope matrix: whoever may view complaints may read their reference data;
// whoever may register one may record the complainant, unit and representative it needs.
const scopesWith = (action: 'complaint.view' | 'complaint.register'): TokenScope[] =>
  TOKEN_SCOPES.filter((scope) => TOKEN_SCOPE_MATRIX[scope].includes(action));

/** Token scopes of the reference-data reads: those that may view complaints (the route's `tokenScopes`). */
export const REFERENCE_READER_SCOPES = scopesWith('complaint.view');
/** Token scopes of the intake writes: those that may register complaints (the route's `tokenScopes`). */
export const INTAKE_WRITER_SCOPES = scopesWith('complaint.register');

/** Every staff member (handlers need the lists), and integration tokens the route admits (REFERENCE_READER_SCOPES). */
export function requireReferenceReader(request: FastifyRequest): Principal {
  return requirePrincipal(request);
}

/** Intake creates persons, units and representatives on the fly (policy 1.4: everyone registers). */
export function requireIntakeWriter(request: FastifyRequest): Principal {
  return requirePrincipal(request);
}

/** Complexes, contractors, code lists, calendar settings and imports are the administrator's. */
export function requireReferenceAdmin(request: FastifyRequest) {
  return requireOrganizationPermission(request, 'admin.manage_reference_data');
}

export function actorUserId(principal: Principal): string | null {
  return principal.kind === 'staff' ? principal.userId : null;
}
