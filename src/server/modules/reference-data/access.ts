import type { FastifyRequest } from 'fastify';
import { TOKEN_SCOPE_MATRIX, TOKEN_SCOPES, type TokenScope } from '../../../domain/permissions.ts';
import { type Principal, requireOrganizationPermission, requirePrincipal } from '../../http/principal.ts';

// Tokens follow the domain's scope matrix: whoever may view complaints may read their reference data;
// whoever may register one may record the complainant, unit and representative it needs.
const scopesWith = (action: 'complaint.view' | 'complaint.register'): TokenScope[] =>
  TOKEN_SCOPES.filter((scope) => TOKEN_SCOPE_MATRIX[scope].includes(action));

/** Every staff member (handlers need the lists), and integration tokens that may view complaints. */
export function requireReferenceReader(request: FastifyRequest): Principal {
  return requirePrincipal(request, scopesWith('complaint.view'));
}

/** Intake creates persons, units and representatives on the fly (policy 1.4: everyone registers). */
export function requireIntakeWriter(request: FastifyRequest): Principal {
  return requirePrincipal(request, scopesWith('complaint.register'));
}

/** Complexes, contractors, code lists, calendar settings and imports are the administrator's. */
export function requireReferenceAdmin(request: FastifyRequest) {
  return requireOrganizationPermission(request, 'admin.manage_reference_data');
}

export function actorUserId(principal: Principal): string | null {
  return principal.kind === 'staff' ? principal.userId : null;
}
