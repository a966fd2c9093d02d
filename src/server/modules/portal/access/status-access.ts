import { createHmac, randomBytes } from 'node:crypto';
import { CASE_CODE_BYTES, caseCodeFromBytes } from '../../../../domain/index.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { sha256Hex } from '../forms/form-token.ts';
import * as repository from '../portal.repository.ts';

// Issue 21, decision 024: the one place that makes a complainant's status access, for every channel. A case
// code (60 bits, typed from a letter) is drawn; the private link's token is derived from it with the
// corporation's own secret, so the typed code and the link open the same complaint. Only the token's hash is
// stored: neither code nor token can be read back by staff, an export or a database dump.

export type StatusAccess = { token: string; code: string };

function derive(secret: Buffer, label: string): Buffer {
  return createHmac('sha256', secret).update(label).digest();
}

/** The private link's token for a case code (43 base64url characters, 256 bits). */
export function statusTokenForCode(secret: Buffer, code: string): string {
  return derive(secret, `status-link-code.${code}`).toString('base64url');
}

/**
 * The code (and so the token) for a seed: the website form's nonce, so that a repeated post of the same form
 * gets the same link back; without a seed the code is random.
 */
function codeFor(secret: Buffer, seed: string | null): string {
  const bytes = seed === null ? randomBytes(CASE_CODE_BYTES) : derive(secret, `status-code.${seed}`);
  return caseCodeFromBytes(bytes);
}

/** The access a website form post gets, computed without the database (a replayed post answers with it). */
export function statusAccessForSeed(secret: Buffer, seed: string): StatusAccess {
  const code = codeFor(secret, seed);
  return { token: statusTokenForCode(secret, code), code };
}

/**
 * Makes a status access for the complaint and stores its hash; the caller hands the secret to the
 * complainant alone (the mail's `secretLink`, or the printed letter). Earlier accesses stay valid.
 */
export async function issueStatusAccess(
  trx: Scoped,
  complaint: { organizationId: string; complaintId: string },
  seed: string | null = null,
): Promise<StatusAccess> {
  const { form_secret: secret } = await repository.loadPortalSettings(trx, complaint.organizationId);
  return storeStatusAccess(trx, complaint, secret, seed);
}

/**
 * As `issueStatusAccess`, with the corporation's secret the caller already holds: the website form's request
 * loaded it with its portal context (the same secret that signed the form and makes the redirect's link).
 */
export async function storeStatusAccess(
  trx: Scoped,
  complaint: { organizationId: string; complaintId: string },
  secret: Buffer,
  seed: string | null,
): Promise<StatusAccess> {
  const code = codeFor(secret, seed);
  const token = statusTokenForCode(secret, code);
  await repository.insertStatusLink(trx, { ...complaint, tokenHash: sha256Hex(token) });
  return { token, code };
}
