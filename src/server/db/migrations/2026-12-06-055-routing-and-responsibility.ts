import { type Kysely, sql } from 'kysely';

/**
 * Responsibility follows the complaint (policy 1.3, 2.3, 3.2). `department_id` stays the handling department
 * (the one that answers, whose manager is accountable and gets the cc, and where the figures count it);
 * `concerned_department_id` is the department the complaint is about (the subject's department). A complaint
 * without a subject gets `subject_kind = 'none'`. A contractor names the department responsible for it, so a
 * complaint about that contractor is routed there. "Confidential" is an explicit flag with a reason; the
 * reason of a manager taking a complaint over from the employee it is about is kept as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table complaint drop constraint complaint_subject_kind_check`.execute(db);
  await sql`
    alter table complaint
      add constraint complaint_subject_kind_check
        check (subject_kind in ('employee', 'department', 'contractor', 'none')),
      add column concerned_department_id uuid references department (id),
      add column manager_takes_reason text check (length(manager_takes_reason) between 1 and 2000),
      add column confidential_reason text check (length(confidential_reason) between 1 and 2000)
  `.execute(db);
  await sql`
    alter table contractor add column responsible_department_id uuid references department (id)
  `.execute(db);
  // Complaints triaged before this migration: the concerned department is the subject's, else the handling one
  await sql`
    update complaint c set concerned_department_id = coalesce(
      c.subject_department_id,
      (select s.department_id from staff_user s where s.id = c.subject_employee_id),
      c.department_id)
    where c.triage_outcome is not null
  `.execute(db);
  await sql`
    create index complaint_concerned_department on complaint (organization_id, concerned_department_id)
  `.execute(db);
  await sql`create index complaint_department on complaint (organization_id, department_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index complaint_department`.execute(db);
  await sql`drop index complaint_concerned_department`.execute(db);
  await sql`alter table contractor drop column responsible_department_id`.execute(db);
  await sql`
    alter table complaint
      drop column confidential_reason,
      drop column manager_takes_reason,
      drop column concerned_department_id,
      drop constraint complaint_subject_kind_check
  `.execute(db);
  await sql`update complaint set subject_kind = null where subject_kind = 'none'`.execute(db);
  await sql`
    alter table complaint add constraint complaint_subject_kind_check
      check (subject_kind in ('employee', 'department', 'contractor'))
  `.execute(db);
}
