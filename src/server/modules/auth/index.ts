// The public face of the auth module: what other modules may import (docs/ARCHITECTURE.md, issue 23).
// Everything not exported here is private to the module.
export { assertPasswordAllowed } from './account.service.ts';
export { type AuthEventInput, type AuthEventType, recordAuthEvent } from './auth-events.service.ts';
export { hashPassword, verifyAgainstDummy, verifyPassword } from './credentials/password-hashing.ts';
export { generateToken, hashToken } from './credentials/secure-token.ts';
export { type ClientInfo, createSession, endSessionsOfUser, SESSION_COOKIE } from './session.service.ts';
