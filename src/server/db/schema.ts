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
  /** Where complainants write to; a letter's return address (migration 075, issue 22). */
  postal_address: Nullable<string>;
  /** Opted in to the anonymised sector benchmark (migration 080, issue 24); off by default. */
  sector_benchmark: Generated<boolean>;
  /** Suspended by the platform administrator (migration 086, issue 25): staff and portal answer 503, jobs skip it. */
  suspended_at: Nullable<Date>;
  /** The corporation's languages, first the default (migration 086). */
  locales: ColumnType<string[], string[] | undefined, string[]>;
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
  second_factor_failed_count: Generated<number>;
  second_factor_locked_until: Nullable<Date>;
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

/** A running server (issue 20): registered at start-up, heartbeat while it runs, removed when it stops. */
export interface AppInstanceTable {
  id: string;
  host: string;
  pid: number;
  storage_driver: 'local' | 's3';
  /** 'worker': `npm run worker` (no HTTP, never a start-up conflict); migration 087. */
  kind: Generated<'web' | 'worker'>;
  /** Runs the job runner (pg-boss): a web instance with JOBS=in-process, or a worker. */
  runs_jobs: Generated<boolean>;
  started_at: Generated<Date>;
  heartbeat_at: Generated<Date>;
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
  anonymised_at: Nullable<Date>;
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
  anonymised_at: Nullable<Date>;
}

export interface ContractorTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  trade: Nullable<string>;
  active: Generated<boolean>;
  /** The department that handles complaints about this contractor (policy 1.2, 1.3). */
  responsible_department_id: Nullable<string>;
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
  board_track: NullableJson<unknown>;
  triage_outcome: Nullable<string>;
  triage: NullableJson<unknown>;
  category: Nullable<string>;
  subject_kind: Nullable<string>;
  subject_employee_id: Nullable<string>;
  subject_department_id: Nullable<string>;
  subject_contractor_id: Nullable<string>;
  /** The department the complaint is about; `department_id` is the department that handles it. */
  concerned_department_id: Nullable<string>;
  manager_takes_reason: Nullable<string>;
  /** Why the complaint is confidential (migration 057); set exactly when `confidential` is true. */
  confidential_reason_code: Nullable<string>;
  /** The explanation of that reason; required for 'other'. */
  confidential_reason: Nullable<string>;
  /** The complainant's language for mails, letters and the portal (migration 069, decision 028). */
  complainant_locale: ColumnType<'nl' | 'en' | 'tr' | 'ar' | 'pl', string | undefined, string>;
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
  /** Issue 22 (migration 074): the complaint this duplicate was merged into; set exactly when status is 'merged'. */
  merged_into_id: Nullable<string>;
  merged_at: Nullable<Date>;
  /** false: a repeat past the last response (policy 2.6) carries no answer term; `due_at` is then not shown. */
  has_answer_term: Generated<boolean>;
  /** policy 2.5: the explanation letter to post (prepared) and the day somebody posted it. */
  explanation_prepared_at: Generated<Date | null>;
  explanation_posted_on: ColumnType<string | null, string | null | undefined, string | null>;
  notes_text: Generated<string>;
  search_vector: ColumnType<string, never, never>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  anonymised_at: Nullable<Date>;
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

export type AccessLogWhat =
  | 'detail'
  | 'attachment'
  | 'person'
  | 'person_complaints'
  | 'change'
  | 'export'
  | 'subject_access_export'
  | 'erasure'
  | 'access_log_export';

export interface ComplaintAccessLogTable {
  id: Generated<number>;
  organization_id: string;
  complaint_id: Nullable<string>;
  person_id: Nullable<string>;
  user_id: Nullable<string>;
  token_id: Nullable<string>;
  what: AccessLogWhat;
  ip: Nullable<string>;
  user_agent: Nullable<string>;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
  at: CreatedAt;
}

export interface PrivacySettingsTable {
  organization_id: string;
  retention_years: Generated<number>;
  legal_hold_max_years: Generated<number>;
  mail_includes_case_text: Generated<boolean>;
  updated_at: UpdatedAt;
  updated_by: Nullable<string>;
}

/** Per organisation: when the term monitor reminds an undecided board (policy 2.5); no row = defaults. */
export interface TermMonitorSettingsTable {
  organization_id: string;
  board_reminder_working_days: Generated<number>;
  updated_at: UpdatedAt;
  updated_by: Nullable<string>;
}

/** A named work-queue view (issue 22): its owner's, optionally shared with the owner's department. */
export interface SavedViewTable {
  id: Generated<string>;
  organization_id: string;
  owner_id: string;
  name: string;
  query: string;
  department_id: Nullable<string>;
  shared: Generated<boolean>;
  created_at: CreatedAt;
}

/** Per organisation: its routing rule (policy 1.3: conduct complaints to the manager); no row = defaults. */
export interface RoutingSettingsTable {
  organization_id: string;
  conduct_to_manager: Generated<boolean>;
  updated_at: UpdatedAt;
  updated_by: Nullable<string>;
}

export interface LegalHoldTable {
  id: Generated<string>;
  organization_id: string;
  complaint_id: string;
  kind: 'committee' | 'huurcommissie' | 'court' | 'insurer' | 'compensation';
  reason: string;
  placed_on: string;
  placed_by: Nullable<string>;
  lifted_on: Nullable<string>;
  lifted_by: Nullable<string>;
  created_at: CreatedAt;
}

export interface ErasureLogTable {
  id: Generated<number>;
  organization_id: string;
  subject_kind: 'complaint' | 'person' | 'representative';
  subject_id: string;
  reason: 'retention' | 'request' | 'reapply';
  counts: ColumnType<Record<string, number>, string | undefined, never>;
  erased_at: CreatedAt;
}

export interface ComplaintAttachmentTable {
  id: string;
  organization_id: string;
  complaint_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  kind: 'photo' | 'letter' | 'email' | 'other';
  description: Nullable<string>;
  uploaded_by: Nullable<string>;
  uploaded_by_token: Nullable<string>;
  /** Sent by the complainant with the portal form (issue 21): no uploader then. */
  from_portal: Generated<boolean>;
  uploaded_at: CreatedAt;
  erased_at: Nullable<Date>;
}

export interface BoardNotificationTable {
  id: Generated<string>;
  organization_id: string;
  complaint_id: string;
  reason: 'suspected_criminal_offence';
  created_at: CreatedAt;
  acknowledged_at: Nullable<Date>;
  acknowledged_by: Nullable<string>;
  notified_at: Nullable<Date>;
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

export interface SsoSettingsTable {
  organization_id: string;
  allowed_issuers: ColumnType<string[], string[] | undefined, string[]>;
  allowed_tenant_ids: ColumnType<string[], string[] | undefined, string[]>;
  link_by_email_allowed: Generated<boolean>;
  provisioning_enabled: Generated<boolean>;
  provisioning_role: Generated<string>;
  provisioning_department_id: Nullable<string>;
  updated_at: UpdatedAt;
  updated_by: Nullable<string>;
}

export interface StaffIdentityTable {
  id: Generated<string>;
  organization_id: string;
  staff_user_id: string;
  issuer: string;
  subject: string;
  tenant_id: Nullable<string>;
  created_at: CreatedAt;
  last_login_at: Nullable<Date>;
}

export interface SsoLoginFlowTable {
  id: Generated<string>;
  organization_id: string;
  token_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: Generated<string>;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface OutboxMessageTable {
  id: Generated<string>;
  organization_id: string;
  complaint_id: Nullable<string>;
  kind: string;
  recipient_to: string[];
  recipient_cc: ColumnType<string[], string[] | undefined, string[]>;
  subject: string;
  body_text: string;
  body_html: Nullable<string>;
  /** The real status link, for delivery only (migration 063); the body holds its redacted form. */
  secret_link: Nullable<string>;
  status: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'to_post'>;
  /** Issue 21 (migration 067): the complainant's step this message tells, at most one live row per key. */
  step_key: Nullable<string>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: Nullable<string>;
  provider_message_id: Nullable<string>;
  created_at: CreatedAt;
  sent_at: Nullable<Date>;
  in_reply_to: Nullable<string>;
}

export interface MessageTemplateTable {
  organization_id: string;
  kind: string;
  locale: 'nl' | 'en';
  subject: string;
  body: string;
  updated_at: UpdatedAt;
  updated_by: Nullable<string>;
}

export interface ComplaintDraftTable {
  organization_id: string;
  complaint_id: string;
  kind: 'answer';
  author_id: string;
  text: string;
  template_kind: Nullable<string>;
  updated_at: UpdatedAt;
}

export interface InboundMailTable {
  id: Generated<string>;
  organization_id: string;
  mailbox: string;
  uid_validity: ColumnType<string, string | number | bigint, never>;
  uid: ColumnType<string, string | number | bigint, never>;
  message_id: string;
  outcome: 'complaint' | 'reply' | 'auto_reply' | 'bounce';
  complaint_id: Nullable<string>;
  from_address: Nullable<string>;
  subject: Nullable<string>;
  attachment_names: ColumnType<string[], string[] | undefined, never>;
  raw: ColumnType<Buffer, Buffer, never>;
  processed_at: CreatedAt;
}

export interface PortalSettingsTable {
  organization_id: string;
  form_secret: Buffer;
  display_name: Nullable<string>;
  logo_url: Nullable<string>;
  brand_colour: Nullable<string>;
  contact_phone: Nullable<string>;
  contact_email: Nullable<string>;
  contact_hours: Nullable<string>;
  website_url: Nullable<string>;
  repair_url: Nullable<string>;
  nuisance_url: Nullable<string>;
  fraud_url: Nullable<string>;
  objection_url: Nullable<string>;
  referral_texts: ColumnType<Record<string, unknown>, string | undefined, string>;
  committee_name: Nullable<string>;
  committee_contact: Nullable<string>;
  committee_url: Nullable<string>;
  intake_department_id: Nullable<string>;
  status_link_days_after_close: Generated<number>;
  updated_at: UpdatedAt;
}

export interface PortalFormNonceTable {
  organization_id: string;
  nonce_hash: string;
  purpose: 'complaint' | 'message' | 'satisfaction';
  request_hash: string;
  complaint_id: Nullable<string>;
  created_at: CreatedAt;
}

export interface ComplaintStatusLinkTable {
  id: Generated<string>;
  organization_id: string;
  complaint_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Nullable<Date>;
  revoked_at: Nullable<Date>;
}

export interface ComplaintSatisfactionTable {
  id: Generated<string>;
  organization_id: string;
  complaint_id: string;
  handling: number;
  outcome: number;
  comment: Nullable<string>;
  created_at: CreatedAt;
}

export interface NotificationTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  complaint_id: Nullable<string>;
  kind: string;
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: Nullable<Date>;
  digested_at: Nullable<Date>;
}

export interface NotificationDigestTable {
  organization_id: string;
  user_id: string;
  day: string;
  outbox_message_id: Nullable<string>;
  notification_count: number;
  created_at: CreatedAt;
}

export interface NotificationSettingTable {
  user_id: string;
  organization_id: string;
  email_mode: Nullable<'immediate' | 'digest' | 'off'>;
  locale: Generated<'nl' | 'en'>;
  updated_at: UpdatedAt;
}

export interface NotificationTopicSettingTable {
  user_id: string;
  organization_id: string;
  topic: string;
  email_mode: 'immediate' | 'digest' | 'off';
}

export interface PolicyIssueTable {
  id: Generated<string>;
  organization_id: string;
  source: 'policy_wrong' | 'policy_missing' | 'exception' | 'improvement_suggestion' | 'proposed';
  title: string;
  description: Nullable<string>;
  raised_by: Nullable<string>;
  source_event_id: Nullable<number>;
  status: Generated<'open' | 'decided' | 'merged'>;
  merged_into_id: Nullable<string>;
  created_at: CreatedAt;
}

export interface PolicyIssueComplaintTable {
  organization_id: string;
  policy_issue_id: string;
  complaint_id: string;
}

export interface MtMeetingTable {
  id: Generated<string>;
  organization_id: string;
  quarter: string;
  held_on: string;
  attendee_ids: ColumnType<string[], string[] | undefined, string[]>;
  other_attendees: Nullable<string>;
  minutes: Generated<string>;
  status: Generated<'draft' | 'approved'>;
  approved_at: Nullable<Date>;
  approved_by: Nullable<string>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ImprovementActionTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  description: Nullable<string>;
  owner_id: Nullable<string>;
  department_id: Nullable<string>;
  due_on: Nullable<string>;
  status: Generated<'proposed' | 'agreed' | 'in_progress' | 'done' | 'dropped'>;
  dropped_reason: Nullable<string>;
  result: Nullable<string>;
  scope_category: Nullable<string>;
  scope_housing_complex_id: Nullable<string>;
  scope_contractor_id: Nullable<string>;
  /** The quarter's theme the action was made from (migration 088, issue 26). */
  source_theme: ColumnType<unknown | null, string | null | undefined, string | null>;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  completed_at: Nullable<Date>;
}

/** A quarter's themes per organisation, from the worker's job (migration 088, issue 26, decision 049). */
export interface ComplaintThemeRunTable {
  organization_id: string;
  quarter: string;
  requested_at: Nullable<Date>;
  requested_by: Nullable<string>;
  computed_at: Nullable<Date>;
  complaints: Nullable<number>;
  left_out: Nullable<number>;
  themes: ColumnType<unknown, string | undefined, string>;
}

/** What a complainant asked for, per kind, with its AVG basis (migration 091, issue 26, decision 051). */
export interface ComplainantAdjustmentTable {
  organization_id: string;
  person_id: string;
  kind: string;
  value: ColumnType<unknown, string, string>;
  legal_basis: string;
  consent_at: Nullable<Date>;
  recorded_by: Nullable<string>;
  recorded_at: Date;
  /** Through what it was recorded (migration 094): a staff member, the complainant on the portal, an API token. */
  recorded_via: Generated<'staff' | 'portal' | 'api'>;
}

export interface MtDecisionTable {
  id: Generated<string>;
  organization_id: string;
  meeting_id: string;
  policy_issue_id: Nullable<string>;
  subject: string;
  decision: 'adjust_policy' | 'new_action' | 'no_action';
  reason: Nullable<string>;
  improvement_action_id: Nullable<string>;
  decided_by: string;
  created_at: CreatedAt;
}

export interface ImprovementActionComplaintTable {
  organization_id: string;
  improvement_action_id: string;
  complaint_id: string;
}

export interface ImprovementActionIssueTable {
  organization_id: string;
  improvement_action_id: string;
  policy_issue_id: string;
}

export interface ImprovementActionNoteTable {
  id: Generated<number>;
  organization_id: string;
  improvement_action_id: string;
  author_id: string;
  kind: 'note' | 'status_change';
  text: string;
  created_at: CreatedAt;
}

export interface IntegrationEventTable {
  id: Generated<number>;
  organization_id: string;
  event_id: Generated<string>;
  txid: ColumnType<string, never, never>;
  type: string;
  complaint_id: Nullable<string>;
  payload: ColumnType<Record<string, unknown>, string, never>;
  occurred_at: CreatedAt;
}

export interface WebhookEndpointTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  url: string;
  secret: string;
  event_types: string[];
  allow_private_network: Generated<boolean>;
  active: Generated<boolean>;
  disabled_reason: Nullable<string>;
  consecutive_failures: Generated<number>;
  created_by: Nullable<string>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  organization_id: string;
  endpoint_id: string;
  integration_event_id: number;
  complaint_id: Nullable<string>;
  status: Generated<'pending' | 'delivered' | 'failed' | 'withheld'>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  last_status_code: Nullable<number>;
  last_error: Nullable<string>;
  delivered_at: Nullable<Date>;
  created_at: CreatedAt;
}

export interface ReportJobTable {
  id: Generated<string>;
  organization_id: string;
  requested_by: string;
  request: ColumnType<unknown, string, string>;
  format: 'pdf' | 'xlsx' | 'csv' | 'zip';
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  file_key: Nullable<string>;
  file_name: Nullable<string>;
  content_type: Nullable<string>;
  size_bytes: ColumnType<string | null, number | null | undefined, number | null>;
  error: Nullable<string>;
  created_at: CreatedAt;
  started_at: Nullable<Date>;
  finished_at: Nullable<Date>;
}

export interface JobRunTable {
  id: Generated<number>;
  job: string;
  started_at: Date;
  finished_at: CreatedAt;
  outcome: 'done' | 'failed';
  result: NullableJson<unknown>;
  error: Nullable<string>;
}

/** The sector's quartiles per period and measure (migration 080, issue 24); no organisation's figure. */
export interface SectorBenchmarkFigureTable {
  period: string;
  measure: string;
  corporations: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  computed_at: ColumnType<Date, Date | string, Date | string>;
}

/** Platform administration (migration 086, issue 25): outside every organisation, role gehoord_platform only. */
export interface PlatformAdminTable {
  id: Generated<string>;
  email: string;
  password_hash: Nullable<string>;
  created_at: CreatedAt;
  last_login_at: Nullable<Date>;
}

export interface PlatformPasswordLinkTable {
  id: Generated<string>;
  admin_id: string;
  token_hash: string;
  expires_at: Date;
  used_at: Nullable<Date>;
  created_at: CreatedAt;
}

export interface PlatformSessionTable {
  id: Generated<string>;
  admin_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Date;
}

/** An export started through the API (migration 093): status and progress; the archive is in blob storage. */
export interface PlatformExportTable {
  id: Generated<string>;
  organization_id: string;
  requested_by: Nullable<string>;
  status: ColumnType<
    'queued' | 'running' | 'done' | 'failed',
    'queued' | undefined,
    'running' | 'done' | 'failed'
  >;
  tables_done: Generated<number>;
  tables_total: Generated<number>;
  rows_done: ColumnType<string, number | undefined, number>;
  files_done: Generated<number>;
  size_bytes: ColumnType<string | null, never, number | null>;
  storage_key: Nullable<string>;
  public_key: string;
  error: Nullable<string>;
  created_at: CreatedAt;
  finished_at: Nullable<Date>;
}

export interface PlatformAuditTable {
  id: Generated<number>;
  at: Generated<Date>;
  admin_id: Nullable<string>;
  actor: string;
  action: string;
  organization_id: Nullable<string>;
  details: ColumnType<unknown, string | undefined, string>;
  ip: Nullable<string>;
}

export interface DB {
  platform_admin: PlatformAdminTable;
  platform_password_link: PlatformPasswordLinkTable;
  platform_session: PlatformSessionTable;
  platform_audit: PlatformAuditTable;
  platform_export: PlatformExportTable;
  sector_benchmark_figure: SectorBenchmarkFigureTable;
  job_run: JobRunTable;
  report_job: ReportJobTable;
  integration_event: IntegrationEventTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_delivery: WebhookDeliveryTable;
  policy_issue: PolicyIssueTable;
  policy_issue_complaint: PolicyIssueComplaintTable;
  mt_meeting: MtMeetingTable;
  improvement_action: ImprovementActionTable;
  complaint_theme_run: ComplaintThemeRunTable;
  complainant_adjustment: ComplainantAdjustmentTable;
  mt_decision: MtDecisionTable;
  improvement_action_complaint: ImprovementActionComplaintTable;
  improvement_action_issue: ImprovementActionIssueTable;
  improvement_action_note: ImprovementActionNoteTable;
  notification: NotificationTable;
  notification_digest: NotificationDigestTable;
  notification_setting: NotificationSettingTable;
  notification_topic_setting: NotificationTopicSettingTable;
  outbox_message: OutboxMessageTable;
  portal_settings: PortalSettingsTable;
  portal_form_nonce: PortalFormNonceTable;
  complaint_status_link: ComplaintStatusLinkTable;
  complaint_satisfaction: ComplaintSatisfactionTable;
  message_template: MessageTemplateTable;
  complaint_draft: ComplaintDraftTable;
  inbound_mail: InboundMailTable;
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
  privacy_settings: PrivacySettingsTable;
  term_monitor_settings: TermMonitorSettingsTable;
  routing_settings: RoutingSettingsTable;
  saved_view: SavedViewTable;
  legal_hold: LegalHoldTable;
  erasure_log: ErasureLogTable;
  complaint_attachment: ComplaintAttachmentTable;
  board_notification: BoardNotificationTable;
  idempotency_key: IdempotencyKeyTable;
  organization: OrganizationTable;
  housing_complex: HousingComplexTable;
  department: DepartmentTable;
  staff_user: StaffUserTable;
  staff_session: StaffSessionTable;
  api_token: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  app_instance: AppInstanceTable;
  setup_token: SetupTokenTable;
  auth_event: AuthEventTable;
  sso_settings: SsoSettingsTable;
  staff_identity: StaffIdentityTable;
  sso_login_flow: SsoLoginFlowTable;
}
