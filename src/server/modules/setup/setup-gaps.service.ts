import type { SetupGapView } from '../../../contract/setup.ts';
import { listSetupGaps } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import * as repository from './setup.repository.ts';

/** What this installation still lacks (admin start page); the rule is the domain's. */
export async function findSetupGaps(db: Database, admin: StaffPrincipal): Promise<{ gaps: SetupGapView[] }> {
  const facts = await inOrganization(db, admin.organizationId, (trx) => repository.loadSetupFacts(trx));
  const settings = facts.settings;
  const gaps = listSetupGaps({
    intakeDepartmentId: settings?.intake_department_id ?? null,
    departments: facts.departments,
    staff: facts.staff,
    contact: { phone: settings?.contact_phone ?? null, email: settings?.contact_email ?? null },
    committee: {
      name: settings?.committee_name ?? null,
      contact: settings?.committee_contact ?? null,
      url: settings?.committee_url ?? null,
    },
  });
  return { gaps: gaps.map((gap) => ({ kind: gap.kind, department: gap.department })) };
}
