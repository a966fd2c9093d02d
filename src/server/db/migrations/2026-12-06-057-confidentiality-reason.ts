import { type Kysely, sql } from 'kysely';

/**
 * "Confidential" is an explicit flag with a reason (policy 1.3, 2.5): `confidential_reason_code` says why,
 * `confidential_reason` (migration 055) holds the explanation, required for 'other'. A complaint is
 * confidential exactly when it has a reason code. Complaints made confidential before reasons existed keep
 * their flag (lifting it silently could expose them): a suspected criminal offence gets that reason, the rest
 * 'other' with a note, so a manager can review and lift them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table complaint add column confidential_reason_code text
      check (confidential_reason_code in ('sensitive_personal_matter', 'complainant_asks', 'criminal_suspicion', 'other'))
  `.execute(db);
  await sql`
    update complaint set
      confidential_reason_code = case when criminal_suspicion then 'criminal_suspicion' else 'other' end,
      confidential_reason = case when criminal_suspicion then confidential_reason
        else coalesce(confidential_reason, 'Vertrouwelijk gemaakt voordat een reden werd gevraagd.') end
    where confidential
  `.execute(db);
  await sql`update complaint set confidential_reason = null where not confidential`.execute(db);
  await sql`
    alter table complaint
      add constraint complaint_confidential_has_reason_check
        check (confidential = (confidential_reason_code is not null)),
      add constraint complaint_confidential_other_text_check
        check (confidential_reason_code is distinct from 'other' or confidential_reason is not null),
      add constraint complaint_confidential_text_check
        check (confidential or confidential_reason is null)
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table complaint
      drop constraint complaint_confidential_text_check,
      drop constraint complaint_confidential_other_text_check,
      drop constraint complaint_confidential_has_reason_check,
      drop column confidential_reason_code
  `.execute(db);
}
