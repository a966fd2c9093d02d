import type { ColumnType, Generated } from 'kysely';

// Table types, kept by hand next to the migrations that define them (snake_case, as in SQL).
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganizationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  hostnames: ColumnType<string[], string[] | undefined, string[]>;
  is_default: Generated<boolean>;
  session_idle_minutes: Generated<number>;
  session_absolute_hours: Generated<number>;
  totp_required_roles: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
}

export interface HousingComplexTable {
  id: Generated<string>;
  organization_id: string;
  complex_number: string;
  name: string;
  place: string;
  external_id: Nullable<string>;
  created_at: CreatedAt;
}

type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface DepartmentTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  manager_user_id: Nullable<string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StaffUserTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  email: string;
  department_id: Nullable<string>;
  roles: string[];
  active: Generated<boolean>;
  password_hash: Nullable<string>;
  totp_secret: Nullable<string>;
  totp_enabled: Generated<boolean>;
  totp_last_step: Nullable<number>;
  sso_link_allowed: Generated<boolean>;
  last_login_at: Nullable<Date>;
  deactivated_at: Nullable<Date>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StaffSessionTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: string;
  second_factor_pending: Generated<boolean>;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Date;
  revoked_at: Nullable<Date>;
  ip: Nullable<string>;
  user_agent: Nullable<string>;
}

export interface ApiTokenTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  scope: 'read' | 'register' | 'full';
  created_by: Nullable<string>;
  created_at: CreatedAt;
  expires_at: Nullable<Date>;
  last_used_at: Nullable<Date>;
  revoked_at: Nullable<Date>;
}

export interface LoginThrottleTable {
  organization_id: string;
  email: string;
  failed_count: Generated<number>;
  locked_until: Nullable<Date>;
  updated_at: UpdatedAt;
}

export interface SetupTokenTable {
  id: Generated<string>;
  organization_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Nullable<Date>;
}

export interface AuthEventTable {
  id: Generated<number>;
  organization_id: string;
  occurred_at: CreatedAt;
  type: string;
  actor_user_id: Nullable<string>;
  subject_user_id: Nullable<string>;
  api_token_id: Nullable<string>;
  email: Nullable<string>;
  ip: Nullable<string>;
  user_agent: Nullable<string>;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

// jsonb goes in as JSON text (node-postgres would turn a JS array into a PostgreSQL array) and comes out parsed.
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface UnitTable {
  id: Generated<string>;
  organization_id: string;
  housing_complex_id: Nullable<string>;
  external_id: Nullable<string>;
  street: string;
  house_number: number;
  house_number_addition: Nullable<string>;
  postcode: string;
  place: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PersonTable {
  id: Generated<string>;
  organization_id: string;
  external_id: Nullable<string>;
  name: string;
  email: Nullable<string>;
  phone: Nullable<string>;
  postal_address: Nullable<string>;
  relation: 'tenant' | 'prospective_tenant' | 'buyer' | 'other';
  unit_id: Nullable<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RepresentativeTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  email: Nullable<string>;
  phone: Nullable<string>;
  relation: string;
  consent_noted: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ContractorTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  trade: Nullable<string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ReferenceValueTable {
  organization_id: string;
  kind: 'category' | 'outside_procedure_ground' | 'referral_target' | 'not_a_complaint_kind';
  code: string;
  label: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
}

export interface CalendarSettingsTable {
  organization_id: string;
  version: number;
  term_working_days: number;
  cut_off_time: string;
  good_friday_is_day_off: boolean;
  liberation_day: 'every_year' | 'lustrum' | 'never';
  closing_days: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  created_by: Nullable<string>;
}

export interface ComplaintSequenceTable {
  organization_id: string;
  year: number;
  last_number: number;
}

export interface ComplaintTable {
  id: string;
  organization_id: string;
  reference: string;
  matter_id: string;
  channel: string;
  received_at: Date;
  registered_at: CreatedAt;
  registered_by: Nullable<string>;
  registered_by_token: Nullable<string>;
  complainant_id: Nullable<string>;
  representative_id: Nullable<string>;
  unit_id: Nullable<string>;
  housing_complex_id: Nullable<string>;
  department_id: Nullable<string>;
  description: string;
  desired_outcome: Nullable<string>;
  status: string;
  confidential: Generated<boolean>;
  criminal_suspicion: Generated<boolean>;
  criminal_offence: NullableJson<unknown>;
  triage_outcome: Nullable<string>;
  triage: NullableJson<unknown>;
  category: Nullable<string>;
  subject_kind: Nullable<string>;
  subject_employee_id: Nullable<string>;
  subject_department_id: Nullable<string>;
  subject_contractor_id: Nullable<string>;
  handler_id: Nullable<string>;
  responsible_manager_id: Nullable<string>;
  management_assistant_ids: ColumnType<string[], string[] | undefined, string[]>;
  term_start_day: ColumnType<string, string, string>;
  original_due_at: Date;
  due_at: Date;
  calendar_settings_version: number;
  term_extensions: Json<unknown>;
  repeat_of_id: Nullable<string>;
  repeat_input: NullableJson<unknown>;
  repeat: NullableJson<unknown>;
  repeat_rung: Nullable<string>;
  written_only_reason: Nullable<string>;
  assessment: NullableJson<unknown>;
  outcome: Nullable<string>;
  compensation_cents: Nullable<number>;
  improvement_suggestions: Nullable<string>;
  manager_approval: NullableJson<unknown>;
  legal_advice: NullableJson<unknown>;
  committee: NullableJson<unknown>;
  answer_text: Nullable<string>;
  answer_recipients: NullableJson<unknown>;
  answered_at: Nullable<Date>;
  withdrawal: NullableJson<unknown>;
  closed_at: Nullable<Date>;
  notes_text: Generated<string>;
  search_vector: ColumnType<string, never, never>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ComplaintEventTable {
  id: Generated<number>;
  organization_id: string;
  complaint_id: string;
  type: string;
  at: CreatedAt;
  actor_user_id: Nullable<string>;
  actor_token_id: Nullable<string>;
  contact_kind: Nullable<string>;
  contact_direction: Nullable<string>;
  summary: Nullable<string>;
  payload: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface ComplaintAccessLogTable {
  id: Generated<number>;
  organization_id: string;
  complaint_id: string;
  user_id: Nullable<string>;
  token_id: Nullable<string>;
  what: 'detail' | 'attachment';
  at: CreatedAt;
}

export interface BoardNotificationTable {
  id: Generated<string>;
  organization_id: string;
  complaint_id: string;
  reason: 'suspected_criminal_offence';
  created_at: CreatedAt;
  acknowledged_at: Nullable<Date>;
  acknowledged_by: Nullable<string>;
}

export interface IdempotencyKeyTable {
  organization_id: string;
  caller: string;
  key: string;
  operation: string;
  request_hash: string;
  response_status: number;
  response_body: Json<unknown>;
  created_at: CreatedAt;
}

export interface DB {
  unit: UnitTable;
  person: PersonTable;
  representative: RepresentativeTable;
  contractor: ContractorTable;
  reference_value: ReferenceValueTable;
  calendar_settings: CalendarSettingsTable;
  complaint_sequence: ComplaintSequenceTable;
  complaint: ComplaintTable;
  complaint_event: ComplaintEventTable;
  complaint_access_log: ComplaintAccessLogTable;
  board_notification: BoardNotificationTable;
  idempotency_key: IdempotencyKeyTable;
  organization: OrganizationTable;
  housing_complex: HousingComplexTable;
  department: DepartmentTable;
  staff_user: StaffUserTable;
  staff_session: StaffSessionTable;
  api_token: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  setup_token: SetupTokenTable;
  auth_event: AuthEventTable;
}
