import { type Kysely, sql } from 'kysely';

// Frozen in time: 001's default privileges gave the application role update and delete on every table.
// Logs and records that must never change after the fact are insert-only for it (policy 1.4, AVG audits).

const APPEND_ONLY = [
  'complaint_event',
  'complaint_access_log',
  'auth_event',
  'mt_decision',
  'improvement_action_note',
  'improvement_action_complaint',
  'improvement_action_issue',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of APPEND_ONLY) {
    await sql.raw(`revoke update, delete, truncate on ${table} from gehoord_app`).execute(db);
  }
  // Nothing is hard-deleted through the API (case-handling issue): complaints are closed or anonymised instead.
  await sql`revoke delete, truncate on complaint from gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of APPEND_ONLY) {
    await sql.raw(`grant update, delete on ${table} to gehoord_app`).execute(db);
  }
  await sql`grant delete on complaint to gehoord_app`.execute(db);
}
