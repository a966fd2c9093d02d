import { DEFAULT_CALENDAR_SETTINGS, type StaffRole } from '../../domain/index.ts';
import { type GeneratedComplaints, generateComplaints } from './complaint-generator.ts';
import { type ColumnKinds, copyLine } from './copy-text.ts';
import { type GeneratedOrganization, generateOrganization, type Row } from './organization-generator.ts';
import { Random } from './random.ts';
import type { OrganizationPlan } from './scales.ts';

// One corporation turned into what the loader sends: per table the column list and ≈ 4 MB COPY text chunks.
// Generating and serialising are the CPU-heavy half of a load; keeping them in one plain-data result lets
// a worker thread do them for the next corporation while PostgreSQL inserts the current one.

const CHUNK_CHARS = 4_000_000;
// TextEncoder (unlike Buffer.from) never hands out a slice of a shared pool: each chunk can be transferred.
const utf8 = new TextEncoder();

/** The ArrayBuffers of a corporation's COPY text, to transfer (not copy) from the worker thread. */
export function transferables(prepared: PreparedCorporation): ArrayBuffer[] {
  return prepared.tables.flatMap((t) => t.chunks.map((c) => c.buffer as ArrayBuffer));
}
const CALENDAR = DEFAULT_CALENDAR_SETTINGS; // what every new organisation gets (migration 013)

/** chunks: UTF-8 COPY text, each in an ArrayBuffer of its own (a worker thread hands them over without copying). */
export type PreparedTable = { table: string; columns: string[]; chunks: Uint8Array[]; rows: number };

export type PreparedCorporation = {
  index: number;
  organization: { id: string; slug: string; name: string; hostname: string };
  complaints: number;
  events: number;
  /** Staff of the corporation, to sign in with (the summary shows those of the first one). */
  staff: { email: string; name: string; roles: StaffRole[]; department: string | null }[];
  firstReference: string | null;
  firstDescription: string | null;
  /** In foreign-key order. */
  tables: PreparedTable[];
  departmentManagers: string;
  sequences: string;
};

/** What a corporation is generated from: the same values give the same rows, in any thread. */
export type GenerationInput = {
  seed: number;
  years: number;
  now: Date;
  createdAt: Date;
  passwordHash: string;
  /** The bulk tables' column types (see copy-text.ts), read from the database before generating. */
  columnKinds: ColumnKinds;
};

function columnsOf(rows: readonly Row[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

export function serializeRows(table: string, rows: readonly Row[], kinds: ColumnKinds): PreparedTable {
  const columns = columnsOf(rows);
  const tableKinds = kinds[table] ?? {};
  for (const column of columns)
    if (!(column in tableKinds)) throw new Error(`generator bug: ${table} has no column ${column}`);
  const chunks: Uint8Array[] = [];
  let chunk = '';
  for (const row of rows) {
    chunk += copyLine(row, columns, tableKinds);
    if (chunk.length >= CHUNK_CHARS) {
      chunks.push(utf8.encode(chunk));
      chunk = '';
    }
  }
  if (chunk.length > 0) chunks.push(utf8.encode(chunk));
  return { table, columns, chunks, rows: rows.length };
}

export function serializeCorporation(
  index: number,
  org: GeneratedOrganization,
  complaints: GeneratedComplaints,
  passwordHash: string,
  kinds: ColumnKinds,
): PreparedCorporation {
  const tables: [string, Row[]][] = [
    ['organization', org.rows.organization],
    ['department', org.rows.department],
    ['staff_user', org.rows.staff_user.map((row) => ({ ...row, password_hash: passwordHash }))],
    ['housing_complex', org.rows.housing_complex],
    ['unit', org.rows.unit],
    ['person', org.rows.person],
    ['contractor', org.rows.contractor],
    ['representative', complaints.representative],
    ['complaint', complaints.complaint],
    ['complaint_event', complaints.complaint_event],
    ['board_notification', complaints.board_notification],
    ['complaint_satisfaction', complaints.complaint_satisfaction],
  ];
  const departmentName = new Map(org.departments.map((d) => [d.id, d.name]));
  const first = complaints.complaint[0];
  return {
    index,
    organization: { id: org.id, slug: org.slug, name: org.name, hostname: org.hostname },
    complaints: complaints.complaint.length,
    events: complaints.complaint_event.length,
    staff: org.staff.map((s) => ({
      email: s.email,
      name: s.name,
      roles: s.roles,
      department: s.departmentId === null ? null : (departmentName.get(s.departmentId) ?? null),
    })),
    firstReference: (first?.reference as string | undefined) ?? null,
    firstDescription: (first?.description as string | undefined) ?? null,
    tables: tables.map(([table, rows]) => serializeRows(table, rows, kinds)),
    departmentManagers: JSON.stringify(
      org.departments.map((d) => ({ id: d.id, manager_user_id: d.managerId })),
    ),
    sequences: JSON.stringify(complaints.complaint_sequence),
  };
}

/** Generates and serialises corporation `plan` of the data set of `input.seed`. */
export function prepareCorporation(input: GenerationInput, plan: OrganizationPlan): PreparedCorporation {
  const root = new Random(input.seed);
  const org = generateOrganization(root.fork(`organization-${plan.index}`), plan, input.createdAt);
  const complaints = generateComplaints(
    root.fork(`complaints-${plan.index}`),
    org,
    plan.complaints,
    input.years,
    input.now,
    CALENDAR,
  );
  return serializeCorporation(plan.index, org, complaints, input.passwordHash, input.columnKinds);
}
