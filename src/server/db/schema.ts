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

export interface DB {
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
