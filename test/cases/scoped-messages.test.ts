import { CompiledQuery, sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { createDatabase } from '../../src/server/db/database.ts';
import { keepPlan } from '../../src/server/db/kept-statements.ts';
import { END_MARK, endsTransaction, OPENING_MARK } from '../../src/server/db/scoped-messages.ts';
import { inOrganization, type Scoped } from '../../src/server/db/tenant-scope.ts';
import { listComplaints } from '../../src/server/modules/complaints/complaint-query.repository.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { recordStatements } from '../support/statement-recorder.ts';

// Decision 058: a scoped transaction's opening (role and organisation) travels with its first kept statement, and
// a last statement carries the commit. The settings, row-level security and the transaction must be exactly
// as before; anything that cannot be folded is sent as before; nothing ever runs outside the transaction.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
for (const description of ['Lekkage in de badkamer.', 'Schimmel in de slaapkamer.'])
  await register(world.as.eva, { channel: 'phone', complainantId: world.tenant.id, description });
const other = await createOrganization(database.owner, { hostnames: ['elders.example.nl'] });

// One pooled connection: every call below runs on the same PostgreSQL session
const single = createDatabase(database.appUrl, { poolSize: 1, log: { error: () => {} } });
afterAll(() => single.destroy());
const during = recordStatements();

const visibility = {
  kind: 'staff',
  userId: world.people.eva.id,
  seesConfidential: false,
  isManager: false,
  managedDepartmentIds: [],
} as const;
const page = { sort: 'due' as const, cursor: null, limit: 50 };

const lastPageOf = (organizationId: string) =>
  inOrganization(single, organizationId, (trx) =>
    listComplaints(trx, { now: new Date() }, visibility, page, { last: true }),
  );

async function kept<R>(trx: Scoped, text: string, values: unknown[]) {
  return (await trx.executeQuery(CompiledQuery.raw(keepPlan(text), values))).rows as R[];
}

/** What the connection's session holds outside any transaction: nothing may be left of a scope. */
async function sessionSettings() {
  const { rows } = await sql<{ role: string; organization: string | null; in_transaction: boolean }>`
    select current_setting('role') as role,
           nullif(current_setting('gehoord.organization_id', true), '') as organization,
           now() <> statement_timestamp() as in_transaction`.execute(single);
  return rows[0];
}

describe('one message per scoped read (decision 058)', () => {
  test('the queue page goes with its opening and commit in one round trip, under row-level security', async () => {
    const first = await during(() => lastPageOf(world.organization.id));
    // Not parsed on this connection yet: opening, the named statement, commit, as before
    expect(first.statements).toHaveLength(3);
    const { result, statements } = await during(() => lastPageOf(world.organization.id));
    expect(statements, statements.join('\n')).toHaveLength(1);
    expect(statements[0]).toMatch(
      /^begin; select set_config\('role', 'gehoord_app', true\), set_config\('gehoord\.organization_id', '[0-9a-f-]{36}', true\); execute gehoord_kept_\d+\('[0-9a-f-]{36}'(, '[0-9a-f-]{36}')*\); commit$/,
    );
    expect(result.map((r) => r.id).sort()).toEqual(first.result.map((r) => r.id).sort());
    expect(result).toHaveLength(2);
    // The same kept plan on the same connection, another organisation: none of the first one's rows
    const theirs = await lastPageOf(other.id);
    expect(theirs).toEqual([]);
    expect(await sessionSettings()).toEqual({ role: 'none', organization: null, in_transaction: false });
  });

  test('a statement after the last one is refused, never run outside the transaction', async () => {
    await lastPageOf(world.organization.id);
    await expect(
      inOrganization(single, world.organization.id, async (trx) => {
        await listComplaints(trx, { now: new Date() }, visibility, page, { last: true });
        return sql`select count(*) from complaint`.execute(trx);
      }),
    ).rejects.toThrow(/after the last statement/);
    expect(await sessionSettings()).toEqual({ role: 'none', organization: null, in_transaction: false });
    expect(await lastPageOf(world.organization.id)).toHaveLength(2);
  });

  test('an error in the folded message rolls the transaction back and leaves the connection clean', async () => {
    const text = endsTransaction('select 10 / $1::int as share');
    const run = (divisor: number) =>
      inOrganization(single, world.organization.id, (trx) => kept<{ share: number }>(trx, text, [divisor]));
    expect(await run(5)).toEqual([{ share: 2 }]);
    const folded = await during(() => run(2));
    expect(folded.statements).toHaveLength(1);
    expect(folded.result).toEqual([{ share: 5 }]);
    const failed = await during(() => run(0).catch((error: Error) => error.message));
    expect(failed.result).toMatch(/division by zero/);
    expect(failed.statements[1]).toBe('rollback');
    expect(await sessionSettings()).toEqual({ role: 'none', organization: null, in_transaction: false });
    expect(await run(10)).toEqual([{ share: 1 }]);
  });

  test('literals are escaped by node-postgres and equal what a parameter would have carried', async () => {
    const text = 'select $1::text as said, $2::int as n, $3::boolean as yes, $4::text as nothing';
    const values = ["O'Brien \\ zei: ''; drop table complaint; --", -7, true, null];
    const run = () => inOrganization(single, world.organization.id, (trx) => kept(trx, text, values));
    const plain = await run();
    const { result, statements } = await during(run);
    expect(statements[0]).toMatch(/execute gehoord_kept_\d+\(/);
    expect(result).toEqual(plain);
    expect(result).toEqual([{ said: values[0], n: -7, yes: true, nothing: null }]);
  });

  // Found by the overload test: `execute name()` is a syntax error; a statement without values is `execute name`
  test('a kept statement without values folds too, alone and as the last statement', async () => {
    const text = 'select count(*)::int as n from complaint';
    const alone = endsTransaction(text);
    const run = () =>
      inOrganization(single, world.organization.id, async (trx) => [
        ...(await kept<{ n: number }>(trx, text, [])),
        ...(await kept<{ n: number }>(trx, alone, [])),
      ]);
    await run();
    const { result, statements } = await during(run);
    expect(result).toEqual([{ n: 2 }, { n: 2 }]);
    expect(statements[0]).toMatch(/; execute gehoord_kept_\d+$/);
    expect(statements[1]).toMatch(/^execute gehoord_kept_\d+; commit$/);
  });

  test('what cannot be folded is sent as before; a transaction that ran nothing sends nothing', async () => {
    const text = 'select $1::timestamptz as at';
    const at = new Date('2026-12-07T12:00:00Z');
    const run = () =>
      inOrganization(single, world.organization.id, (trx) => kept<{ at: Date }>(trx, text, [at]));
    await run();
    const { result, statements } = await during(run);
    expect(result).toEqual([{ at }]);
    // A Date is no literal here: opening, the named statement, commit
    expect(statements).toHaveLength(3);
    expect(statements[0]).toMatch(/^begin; select set_config/);
    expect(statements[2]).toBe('commit');
    const idle = await during(() => inOrganization(single, world.organization.id, async () => 42));
    expect(idle.result).toBe(42);
    expect(idle.statements).toEqual([]);
  });

  test('a second opening on a connection whose transaction was not ended is refused', async () => {
    const opening = `${OPENING_MARK}begin; select set_config('gehoord.organization_id', '${world.organization.id}', true)`;
    await single.connection().execute(async (connection) => {
      await sql.raw(opening).execute(connection);
      await expect(sql.raw(opening).execute(connection)).rejects.toThrow(/already open/);
      await sql.raw(`${END_MARK}rollback`).execute(connection);
    });
    expect(await sessionSettings()).toEqual({ role: 'none', organization: null, in_transaction: false });
    expect(await lastPageOf(world.organization.id)).toHaveLength(2);
  });
});
