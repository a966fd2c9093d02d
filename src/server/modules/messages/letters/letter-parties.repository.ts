import type { Scoped } from '../../../db/tenant-scope.ts';

/** The complaint's organisation, complainant, representative, home and handler, as a letter names them. */
export async function findLetterParties(trx: Scoped, complaintId: string) {
  return trx
    .selectFrom('complaint as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .leftJoin('person as p', 'p.id', 'c.complainant_id')
    .leftJoin('representative as r', 'r.id', 'c.representative_id')
    .leftJoin('unit as u', 'u.id', 'c.unit_id')
    .leftJoin('staff_user as h', 'h.id', 'c.handler_id')
    .select([
      'o.name as organizationName',
      'o.postal_address as organizationAddress',
      'p.name as personName',
      'p.postal_address as postalAddress',
      'r.name as representativeName',
      'u.street',
      'u.house_number',
      'u.house_number_addition',
      'u.postcode',
      'u.place',
      'h.name as handlerName',
      // Issue 26 (decision 051): the complainant asked for large print
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('complainant_adjustment as a')
              .select('a.kind')
              .whereRef('a.person_id', '=', 'c.complainant_id')
              .where('a.kind', '=', 'large_print'),
          )
          .as('largePrint'),
    ])
    .where('c.id', '=', complaintId)
    .executeTakeFirstOrThrow();
}
