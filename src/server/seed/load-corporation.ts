import type { GeneratedComplaints } from './complaint-generator.ts';
import type { GeneratedOrganization } from './organization-generator.ts';
import { serializeCorporation } from './prepared-corporation.ts';
import { type Executor, insertCorporation, readColumnKinds } from './seed-loader.ts';
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
  const prepared = serializeCorporation(0, org, complaints, passwordHash, await readColumnKinds(client));
  await client.query('begin');
  try {
    // Nothing is lost if the machine dies mid-load: the whole corporation is simply loaded again.
    await client.query('set local synchronous_commit = off');
    const counts = await insertCorporation(client, prepared, progress);
    await client.query('commit');
    return counts;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
