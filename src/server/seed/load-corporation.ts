import type { GeneratedComplaints } from './complaint-generator.ts';
import type { GeneratedOrganization } from './organization-generator.ts';
import { type Executor, insertRows, setDepartmentManagers, upsertSequences } from './seed-loader.ts';
import type { SeedProgress } from './seed-progress.ts';

/**
 * Loads one generated corporation in one transaction, in foreign-key order. Reusable on its own: the demo
 * organisation can generate with generateOrganization / generateComplaints and load with this.
 */
export async function loadCorporation(
  client: Executor,
  org: GeneratedOrganization,
  complaints: GeneratedComplaints,
  passwordHash: string,
  progress: SeedProgress | null = null,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const staffRows = org.rows.staff_user.map((row) => ({ ...row, password_hash: passwordHash }));
  await client.query('begin');
  try {
    // Nothing is lost if the machine dies mid-load: the whole corporation is simply loaded again.
    await client.query('set local synchronous_commit = off');
    const tables: [string, Record<string, unknown>[]][] = [
      ['organization', org.rows.organization],
      ['department', org.rows.department],
      ['staff_user', staffRows],
      ['housing_complex', org.rows.housing_complex],
      ['unit', org.rows.unit],
      ['person', org.rows.person],
      ['contractor', org.rows.contractor],
      ['representative', complaints.representative],
      ['complaint', complaints.complaint],
      ['complaint_event', complaints.complaint_event],
      ['board_notification', complaints.board_notification],
      ['complaint_satisfaction', complaints.complaint_satisfaction],
    ];
    for (const [table, rows] of tables) {
      await insertRows(client, table, rows, progress);
      counts[table] = rows.length;
    }
    await setDepartmentManagers(
      client,
      org.departments.map((d) => ({ id: d.id, manager_user_id: d.managerId })),
    );
    await upsertSequences(client, complaints.complaint_sequence);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  return counts;
}
