import { type Kysely, sql } from 'kysely';

/**
 * Two paths of issue 19. A repeat past the last response (policy 2.6) is recorded without a new answer duty:
 * `has_answer_term = false`, and work queue, term monitor, reports and detail then show "geen
 * antwoordtermijn" (`due_at` keeps the registration's computed value only because it is NOT NULL). An
 * explanation outside the procedure (policy 2.5) for a complainant without e-mail is a letter to post:
 * `explanation_prepared_at` when the system prepared it, `explanation_posted_on` the day somebody posted it
 * (the day that decides "within the term"). The partial index serves the "te posten" list.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table complaint
      add column has_answer_term boolean not null default true,
      add column explanation_prepared_at timestamptz,
      add column explanation_posted_on date,
      add constraint complaint_posted_after_prepared
        check (explanation_posted_on is null or explanation_prepared_at is not null)
  `.execute(db);
  // Repeats registered before this migration on the "record only" rung
  await sql`
    update complaint set has_answer_term = false
    where repeat is not null and (repeat->>'answerDuty')::boolean = false
  `.execute(db);
  await sql`
    create index complaint_letters_to_post on complaint (organization_id, explanation_prepared_at)
    where explanation_prepared_at is not null and explanation_posted_on is null
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index complaint_letters_to_post`.execute(db);
  await sql`
    alter table complaint
      drop constraint complaint_posted_after_prepared,
      drop column explanation_posted_on,
      drop column explanation_prepared_at,
      drop column has_answer_term
  `.execute(db);
}
