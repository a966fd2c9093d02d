import type { ColumnType, Generated } from 'kysely';

// Table types, kept by hand next to the migrations that define them (snake_case, as in SQL).
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganizationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  hostnames: ColumnType<string[], string[] | undefined, string[]>;
  is_default: Generated<boolean>;
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

export interface DB {
  organization: OrganizationTable;
  housing_complex: HousingComplexTable;
}
