import { type Kysely, sql } from 'kysely';

/**
 * The organisation's routing rule (policy 1.3: the employee the complaint is about handles it "tenzij de regel
 * van de organisatie … zegt dat de leidinggevende de klacht behandelt"): per organisation, whether complaints
 * about an employee's conduct (policy 1.2 category 4) go to their manager. No row = the default (off).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table routing_settings (
      organization_id uuid primary key references organization (id) on delete cascade,
      conduct_to_manager boolean not null default false,
      updated_at timestamptz not null default now(),
      updated_by uuid references staff_user (id)
    )
  `.execute(db);
  await sql`alter table routing_settings enable row level security`.execute(db);
  await sql`
    create policy routing_settings_isolation on routing_settings
    using (organization_id = current_organization_id())
    with check (organization_id = current_organization_id())
  `.execute(db);
  await sql`grant select, insert, update on routing_settings to gehoord_app`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table routing_settings`.execute(db);
}
