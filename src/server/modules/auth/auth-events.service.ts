import type { Scoped } from '../../db/tenant-scope.ts';
import type { AuthEventInput } from './auth-event.repository.ts';
import * as authEvents from './auth-event.repository.ts';

export type { AuthEventInput, AuthEventType } from './auth-event.repository.ts';

/**
 * Records one entry in the sign-in and account audit log, in the caller's transaction: the way other modules
 * (staff, sso, api-tokens, setup) write to it.
 */
export async function recordAuthEvent(trx: Scoped, event: AuthEventInput): Promise<void> {
  await authEvents.recordAuthEvent(trx, event);
}
