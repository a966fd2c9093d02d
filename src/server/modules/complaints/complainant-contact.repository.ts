import type { Scoped } from '../../db/tenant-scope.ts';

/**
 * Whether the complainant can be reached by e-mail: their own address, or that of the representative who
 * receives the mail in their place (policy 2.1; the messages module addresses the mail the same way).
 */
export async function complainantHasEmail(trx: Scoped, complaintId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('complaint as c')
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .leftJoin('representative as r', 'r.id', 'c.representative_id')
    .select(['p.email as complainantEmail', 'r.email as representativeEmail'])
    .where('c.id', '=', complaintId)
    .executeTakeFirst();
  return row !== undefined && Boolean(row.representativeEmail || row.complainantEmail);
}
