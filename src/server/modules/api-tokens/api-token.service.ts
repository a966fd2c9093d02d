import type { z } from 'zod';
import type { apiToken } from '../../../contract/api-tokens.ts';
import type { TokenScope } from '../../../domain/permissions.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { type ClientInfo, generateToken, hashToken, recordAuthEvent } from '../auth/index.ts';
import { insertApiToken, listApiTokens, revokeApiToken } from './api-token.repository.ts';

type ApiTokenDto = z.infer<typeof apiToken>;
type Row = Awaited<ReturnType<typeof listApiTokens>>[number];

const iso = (date: Date | null) => date?.toISOString() ?? null;

function toDto(row: Row): ApiTokenDto {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export async function listTokens(db: Database, staff: StaffPrincipal): Promise<ApiTokenDto[]> {
  const rows = await inOrganization(db, staff.organizationId, (trx) => listApiTokens(trx));
  return rows.map(toDto);
}

/** The token itself exists only in this response; the database keeps its SHA-256. */
export async function createToken(
  db: Database,
  staff: StaffPrincipal,
  input: { name: string; scope: TokenScope; expiresAt?: string | undefined },
  client: ClientInfo,
  now: Date,
) {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          in: 'body',
          path: 'expiresAt',
          code: 'in_the_past',
          messages: { nl: 'Moet in de toekomst liggen.', en: 'Must be in the future.' },
        },
      ],
    });
  }
  const token = generateToken('ghd_');
  return inOrganization(db, staff.organizationId, async (trx) => {
    const id = await insertApiToken(trx, {
      organizationId: staff.organizationId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      scope: input.scope,
      createdBy: staff.userId,
      expiresAt,
    });
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'token_created',
      actorUserId: staff.userId,
      apiTokenId: id,
      details: { scope: input.scope, name: input.name },
      ...client,
    });
    const row = (await listApiTokens(trx)).find((t) => t.id === id) as Row;
    return { token, apiToken: toDto(row) };
  });
}

export async function revokeToken(db: Database, staff: StaffPrincipal, id: string, client: ClientInfo) {
  await inOrganization(db, staff.organizationId, async (trx) => {
    if (!(await revokeApiToken(trx, id))) throw new AppError('not_found');
    await recordAuthEvent(trx, {
      organizationId: staff.organizationId,
      type: 'token_revoked',
      actorUserId: staff.userId,
      apiTokenId: id,
      ...client,
    });
  });
}
