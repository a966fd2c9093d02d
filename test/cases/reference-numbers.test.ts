import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { toLocalDate } from '../../src/domain/index.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import {
  nextReferenceNumber,
  referenceOf,
} from '../../src/server/modules/complaints/complaint.repository.ts';
import { formatReference } from '../../src/server/modules/complaints/complaint-registration.service.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const year = Number(toLocalDate(testNow()).slice(0, 4));
const newComplaint = (i: number) => ({
  channel: 'phone',
  complainantId: world.tenant.id,
  description: `Klacht ${i}`,
});

describe('reference numbers (K-YYYY-NNNNN, per organisation and year)', () => {
  test('the first number of a year continues after the counter an earlier version or a data load left', async () => {
    await database.owner
      .insertInto('complaint_sequence')
      .values({ organization_id: world.organization.id, year, last_number: 41 })
      .execute();
    const first = await register(world.as.eva, newComplaint(0));
    expect(first.reference).toBe(formatReference(year, 42));
  });

  test('concurrent registrations get distinct numbers without gaps when none fails', async () => {
    const made = await Promise.all(
      Array.from({ length: 20 }, (_, i) => register(world.as.eva, newComplaint(i))),
    );
    const numbers = made.map((c) => Number(String(c.reference).slice(-5))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => 43 + i));
  });

  test('the first registrations of a new year at once: one sequence, distinct numbers, no errors', async () => {
    const later = year + 5;
    const numbers = await Promise.all(
      Array.from({ length: 20 }, () =>
        inOrganization(database.app, world.organization.id, (trx) => nextReferenceNumber(trx, later)),
      ),
    );
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  test('a registration that has taken its number does not hold up the next one until it commits', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let taken = 0;
    const slow = inOrganization(database.app, world.organization.id, async (trx) => {
      taken = await nextReferenceNumber(trx, year);
      await held; // a registration still busy after taking its number
      throw new Error('rolled back');
    }).catch(() => 'rolled back');
    while (taken === 0) await new Promise((r) => setTimeout(r, 5));
    // With a counter row locked until commit, this waited for the slow one (and timed out here)
    const quick = await Promise.race([
      register(world.as.eva, newComplaint(99)),
      new Promise((r) => setTimeout(() => r('waited'), 5_000)),
    ]);
    release();
    expect(await slow).toBe('rolled back');
    expect(quick).not.toBe('waited');
    // The rolled-back registration's number stays unused: a gap, never a duplicate
    expect((quick as { reference: string }).reference).toBe(formatReference(year, taken + 1));
  });

  test('the insert writes the reference as formatReference does, a sixth digit past 99,999 included', async () => {
    for (const number of [1, 42, 99_999, 100_000, 1_234_567]) {
      const { rows } = await sql<{
        reference: string;
      }>`select ${referenceOf(2026, sql<number>`${number}::int`)} as reference`.execute(database.owner);
      expect(rows[0]?.reference).toBe(formatReference(2026, number));
    }
  });
});
