import { sql } from 'kysely';
import type { Scoped } from '../../db/tenant-scope.ts';

export async function listApiTokens(trx: Scoped) {
  return trx
    .selectFrom('api_token as t')
    .leftJoin('staff_user as u', 'u.id', 't.created_by')
    .select([
      't.id',
      't.name',
      't.token_prefix as prefix',
      't.scope',
      't.created_at as createdAt',
      'u.name as createdByName',
      't.expires_at as expiresAt',
      't.last_used_at as lastUsedAt',
      't.revoked_at as revokedAt',
    ])
    .orderBy('t.created_at', 'desc')
    .execute();
}

export async function insertApiToken(
  trx: Scoped,
  values: {
    organizationId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    scope: 'read' | 'register' | 'full';
    createdBy: string;
    expiresAt: Date | null;
  },
) {
  const row = await trx
    .insertInto('api_token')
    .values({
      organization_id: values.organizationId,
      name: values.name,
      token_hash: values.tokenHash,
      token_prefix: values.prefix,
      scope: values.scope,
      created_by: values.createdBy,
      expires_at: values.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function revokeApiToken(trx: Scoped, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('api_token')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
