import type pg from 'pg';

// Who the benchmark signs in as and what it asks for, read from the loaded data: the first corporation
// (slug woonstichting-vlietland), an ordinary employee of Vastgoed & Onderhoud, complaints that employee may see.

export const FIRST_ORGANIZATION_SLUG = 'woonstichting-vlietland';

export type BenchContext = {
  organization: { id: string; name: string; hostname: string };
  user: { id: string; email: string; roles: string[] };
  complaintIds: string[];
  personIds: string[];
  /** A complaint with a long timeline, for the query plans. */
  busiestComplaintId: string;
  postgresVersion: string;
};

export async function loadBenchContext(client: pg.Client): Promise<BenchContext> {
  const organization = (
    await client.query<{ id: string; name: string; hostname: string }>(
      'select id, name, hostnames[1] as hostname from organization where slug = $1',
      [FIRST_ORGANIZATION_SLUG],
    )
  ).rows[0];
  if (!organization) throw new Error(`no organisation ${FIRST_ORGANIZATION_SLUG}: load a data set first`);
  const user = (
    await client.query<{ id: string; email: string; roles: string[] }>(
      `select u.id, u.email, u.roles from staff_user u join department d on d.id = u.department_id
       where u.organization_id = $1 and u.roles = array['employee'] and u.active
       order by (d.name = 'Vastgoed & Onderhoud') desc, u.email limit 1`,
      [organization.id],
    )
  ).rows[0];
  if (!user) throw new Error('the data set has no ordinary employee to sign in as');
  const ids = async (sql: string, values: unknown[]) =>
    (await client.query<{ id: string }>(sql, values)).rows.map((r) => r.id);
  const complaintIds = await ids(
    `select id from complaint where organization_id = $1 and (not confidential or handler_id = $2)
     order by received_at desc limit 500`,
    [organization.id, user.id],
  );
  const personIds = await ids('select id from person where organization_id = $1 order by id limit 1000', [
    organization.id,
  ]);
  const busiest = await ids(
    `select complaint_id as id from complaint_event where complaint_id = any($1::uuid[])
     group by complaint_id order by count(*) desc, complaint_id limit 1`,
    [complaintIds],
  );
  const version = await client.query<{ v: string }>("select current_setting('server_version') as v");
  return {
    organization,
    user,
    complaintIds,
    personIds,
    busiestComplaintId: busiest[0] ?? (complaintIds[0] as string),
    postgresVersion: version.rows[0]?.v ?? '?',
  };
}
