// Rows as PostgreSQL's COPY text format: one line per row, tab-separated, \N for null, backslash escapes.
// Arrays and json need the column's type: a JS array is a PostgreSQL array in one column, jsonb in another.

export type ColumnKind = 'array' | 'json' | 'scalar';
/** Per table, per column: how a value is written. */
export type ColumnKinds = Record<string, Record<string, ColumnKind>>;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const SPECIAL = /[\\\n\r\t]/g;
const SPECIAL_TEST = /[\\\n\r\t]/;

const escapeCopy = (text: string) => text.replace(SPECIAL, (c) => ESCAPES[c] as string);

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((v) =>
    v === null || v === undefined ? 'NULL' : `"${scalar(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`,
  );
  return `{${elements.join(',')}}`;
}

export function copyLine(
  row: Record<string, unknown>,
  columns: readonly string[],
  kinds: Record<string, ColumnKind>,
) {
  let line = '';
  for (let i = 0; i < columns.length; i += 1) {
    const column = columns[i] as string;
    const value = row[column];
    if (i > 0) line += '\t';
    if (value === null || value === undefined) {
      line += '\\N';
      continue;
    }
    // Dates, numbers and booleans never need escaping: most columns skip the scan.
    if (value instanceof Date) {
      line += value.toISOString();
      continue;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      line += scalar(value);
      continue;
    }
    const kind = kinds[column] ?? 'scalar';
    const text =
      kind === 'json'
        ? JSON.stringify(value)
        : kind === 'array' && Array.isArray(value)
          ? arrayLiteral(value)
          : scalar(value);
    line += SPECIAL_TEST.test(text) ? escapeCopy(text) : text;
  }
  return `${line}\n`;
}

/** What the loader needs to know about the bulk tables' columns, read from the database once. */
export const COLUMN_KINDS_QUERY = `select table_name as table, column_name as column,
    case when data_type = 'ARRAY' then 'array' when data_type in ('json', 'jsonb') then 'json' else 'scalar' end as kind
  from information_schema.columns where table_schema = current_schema() and table_name = any($1::text[])`;

export function toColumnKinds(rows: readonly Record<string, unknown>[]): ColumnKinds {
  const kinds: ColumnKinds = {};
  for (const row of rows) {
    const table = row.table as string;
    kinds[table] ??= {};
    (kinds[table] as Record<string, ColumnKind>)[row.column as string] = row.kind as ColumnKind;
  }
  return kinds;
}
