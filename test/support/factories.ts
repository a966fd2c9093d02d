import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/server/db/database.ts';

// Factories insert real rows through the owner connection, with readable defaults a test may override.

const unique = () => randomBytes(3).toString('hex');

export async function createOrganization(
  owner: Database,
  overrides: Partial<{ slug: string; name: string; hostnames: string[]; isDefault: boolean }> = {},
) {
  const suffix = unique();
  return owner
    .insertInto('organization')
    .values({
      slug: overrides.slug ?? `corporatie-${suffix}`,
      name: overrides.name ?? `Woningcorporatie ${suffix}`,
      hostnames: overrides.hostnames ?? [],
      is_default: overrides.isDefault ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createHousingComplex(
  owner: Database,
  organizationId: string,
  overrides: Partial<{ complexNumber: string; name: string; place: string }> = {},
) {
  return owner
    .insertInto('housing_complex')
    .values({
      organization_id: organizationId,
      complex_number: overrides.complexNumber ?? String(100 + Math.floor(Math.random() * 900)),
      name: overrides.name ?? 'De Hoven',
      place: overrides.place ?? 'Maasland',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
