import { type Kysely, sql } from 'kysely';

/**
 * Issue 25: `/health/ready` tells whether scheduled jobs run somewhere and whether mail leaves the outbox.
 * - `app_instance.kind` / `runs_jobs`: the separate worker (`npm run worker`) registers too, as a 'worker'
 *   (never counted as a conflict by the start-up check); every entry says whether it runs the job runner.
 * - `health_summary()`: one row of installation-wide counts (no organisation data) for the readiness probe.
 *   Security definer: the outbox spans organisations and pg-boss's tables belong to the owner. pg-boss makes
 *   its schema when a job runner first starts, so its table is looked up at run time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table app_instance
      add column kind text not null default 'web' check (kind in ('web', 'worker')),
      add column runs_jobs boolean not null default false
  `.execute(db);
  await sql`
    create function health_summary(alive_seconds integer)
    returns table (
      job_runners integer,
      job_lag_seconds double precision,
      last_job_run_at timestamptz,
      outbox_backlog integer,
      outbox_oldest_due_seconds double precision,
      outbox_failing integer
    )
    language plpgsql stable security definer set search_path = public, pg_temp
    as $$
    declare
      lag double precision;
    begin
      if to_regclass('pgboss.job') is not null then
        execute $q$
          select extract(epoch from now() - min(start_after)) from pgboss.job
          where state in ('created', 'retry') and start_after <= now()
        $q$ into lag;
      end if;
      return query select
        (select count(*)::integer from app_instance
          where runs_jobs and heartbeat_at > now() - make_interval(secs => alive_seconds)),
        coalesce(lag, 0)::double precision,
        (select finished_at from job_run order by started_at desc limit 1),
        (select count(*)::integer from outbox_message where status = 'pending'),
        coalesce((select extract(epoch from now() - min(next_attempt_at)) from outbox_message
          where status = 'pending' and next_attempt_at <= now()), 0)::double precision,
        (select count(*)::integer from outbox_message where status = 'pending' and attempts > 0);
    end
    $$
  `.execute(db);
  await sql`revoke all on function health_summary(integer) from public`.execute(db);
  await sql`grant execute on function health_summary(integer) to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function health_summary(integer)`.execute(db);
  await sql`alter table app_instance drop column runs_jobs, drop column kind`.execute(db);
}
