import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-25-001-foundation.ts';
import * as staffIdentity from './2026-11-25-002-staff-identity.ts';
import * as referenceData from './2026-11-25-010-reference-data.ts';
import * as complaints from './2026-11-25-011-complaints.ts';

/**
 * Every migration, in order. A static list (not a folder scan) so that Vitest, Node's type
 * stripping and a bundled build all see the same set. Append; never edit a released migration.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-25-001-foundation': foundation,
  '2026-11-25-002-staff-identity': staffIdentity,
  '2026-11-25-010-reference-data': referenceData,
  '2026-11-25-011-complaints': complaints,
};
