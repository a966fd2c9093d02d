import { z } from 'zod';
import { emailAddress } from '../../../../contract/auth.ts';
import { IMPORT_COLUMNS, type ImportKind, normalizeHeader } from '../../../../contract/imports.ts';
import type { FieldError } from '../../../../contract/problem.ts';
import { bilingual, phoneNumber, postcode, withoutNul } from '../../../../contract/reference-data.ts';
import { describeValidationIssue, type ValidationIssue } from '../../../../contract/validation-messages.ts';
import type { CsvRecord, CsvTable } from './csv-reader.ts';

const text = (max: number) => withoutNul(z.string().min(1).max(max));

const houseNumber = z
  .string()
  .refine(
    (value) => /^[1-9][0-9]{0,4}$/.test(value),
    bilingual(
      'Moet een huisnummer zijn (1–99999, alleen cijfers; een letter of toevoeging hoort in de kolom toevoeging).',
      'Must be a house number (1–99999, digits only; a letter or addition goes in the toevoeging column).',
    ),
  )
  .transform(Number);

/** One row of each import, keyed by the documented column names; an absent optional column stays undefined. */
const ROW_SCHEMAS = {
  complexes: z.object({
    complexnummer: text(20),
    naam: text(200),
    plaats: text(100),
    extern_id: text(100).nullable().optional(),
  }),
  units: z.object({
    extern_id: text(100),
    complexnummer: text(20).nullable().optional(),
    straat: text(200),
    huisnummer: houseNumber,
    toevoeging: text(10).nullable().optional(),
    postcode,
    plaats: text(100),
  }),
  tenants: z.object({
    extern_id: text(100),
    naam: text(200),
    email: emailAddress.nullable().optional(),
    telefoon: phoneNumber.nullable().optional(),
    postadres: text(500).nullable().optional(),
    eenheid: text(100),
  }),
} as const;

export type ComplexRow = z.infer<(typeof ROW_SCHEMAS)['complexes']>;
export type UnitRow = z.infer<(typeof ROW_SCHEMAS)['units']>;
export type TenantRow = z.infer<(typeof ROW_SCHEMAS)['tenants']>;
export type RowOf<K extends ImportKind> = z.infer<(typeof ROW_SCHEMAS)[K]>;
export type LinedRow<K extends ImportKind> = { line: number; values: RowOf<K> };

export function rowError(line: number, column: string, code: string, nl: string, en: string): FieldError {
  return { in: 'body', path: column ? `line.${line}.${column}` : `line.${line}`, code, messages: { nl, en } };
}

type ColumnMap = { indexes: Map<string, number>; ignored: string[] };

function mapHeader(kind: ImportKind, header: CsvRecord, errors: FieldError[]): ColumnMap {
  const indexes = new Map<string, number>();
  const ignored: string[] = [];
  header.cells.forEach((cell, index) => {
    const normalized = normalizeHeader(cell);
    const column = IMPORT_COLUMNS[kind].find((c) => c.aliases.includes(normalized) || c.name === normalized);
    if (!column) {
      if (cell.trim()) ignored.push(cell.trim());
      return;
    }
    if (indexes.has(column.name)) {
      errors.push(
        rowError(
          header.line,
          column.name,
          'duplicate_column',
          `De kolom ${column.name} staat twee keer in de kopregel ("${cell}").`,
          `The column ${column.name} appears twice in the header ("${cell}").`,
        ),
      );
      return;
    }
    indexes.set(column.name, index);
  });
  for (const column of IMPORT_COLUMNS[kind]) {
    if (column.required && !indexes.has(column.name)) {
      errors.push(
        rowError(
          header.line,
          column.name,
          'missing_column',
          `De kopregel mist de verplichte kolom ${column.name}.`,
          `The header lacks the required column ${column.name}.`,
        ),
      );
    }
  }
  return { indexes, ignored };
}

/** Column values of one record: '' is "no value" (null) for a column the file has; absent columns stay out. */
function cellsOf(columns: ColumnMap, record: CsvRecord): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const [name, index] of columns.indexes) {
    const cell = record.cells[index]?.trim() ?? '';
    values[name] = cell === '' ? null : cell;
  }
  return values;
}

/** Required cells left empty read as missing (undefined), so zod says "required" rather than "must be text". */
function withoutNulls(
  kind: ImportKind,
  values: Record<string, string | null>,
): Record<string, string | null | undefined> {
  const required = new Set(IMPORT_COLUMNS[kind].filter((c) => c.required).map((c) => c.name));
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      value === null && required.has(name) ? undefined : value,
    ]),
  );
}

/** Validates header and every row; returns the typed rows and every problem found, with line numbers. */
export function validateRows<K extends ImportKind>(
  kind: K,
  table: CsvTable,
): { rows: LinedRow<K>[]; partial: LinedRow<K>[]; errors: FieldError[]; ignoredColumns: string[] } {
  const errors: FieldError[] = [];
  const partial: LinedRow<K>[] = [];
  const columns = mapHeader(kind, table.header, errors);
  if (errors.length > 0) return { rows: [], partial, errors, ignoredColumns: columns.ignored };
  if (table.rows.length === 0) {
    errors.push(
      rowError(
        table.header.line,
        '',
        'no_rows',
        'Het bestand bevat alleen een kopregel en geen gegevens.',
        'The file has a header but no data rows.',
      ),
    );
  }
  const rows: LinedRow<K>[] = [];
  const schema = ROW_SCHEMAS[kind] as unknown as z.ZodType<RowOf<K>>;
  for (const record of table.rows) {
    if (record.cells.length > table.header.cells.length) {
      errors.push(
        rowError(
          record.line,
          '',
          'too_many_fields',
          `Deze regel heeft ${record.cells.length} velden, de kopregel ${table.header.cells.length}. Staat er een scheidingsteken in een waarde zonder aanhalingstekens?`,
          `This line has ${record.cells.length} fields, the header ${table.header.cells.length}. Is there a delimiter in an unquoted value?`,
        ),
      );
      continue;
    }
    const input = withoutNulls(kind, cellsOf(columns, record));
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) {
      rows.push({ line: record.line, values: result.data });
      continue;
    }
    partial.push({ line: record.line, values: goodCells(kind, input) });
    for (const issue of result.error.issues) {
      errors.push({
        in: 'body',
        path: `line.${record.line}.${issue.path.map(String).join('.')}`,
        code: issue.code,
        messages: describeValidationIssue(issue as unknown as ValidationIssue),
      });
    }
  }
  return { rows, partial, errors, ignoredColumns: columns.ignored };
}

/**
 * The cells of a bad line that are fine on their own (issue 22): duplicates and references are checked on them
 * too, so a line lists every problem at once. Typed as a row, but only these cells are set: for checks only.
 */
function goodCells<K extends ImportKind>(kind: K, input: Record<string, unknown>): RowOf<K> {
  const shape = ROW_SCHEMAS[kind].shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(shape).flatMap(([name, field]) => {
      const cell = field.safeParse(input[name]);
      return cell.success && cell.data !== undefined && cell.data !== null ? [[name, cell.data]] : [];
    }),
  ) as RowOf<K>;
}

/** The same external id twice in one file: the later line would silently overwrite the earlier one. */
export function findDuplicates<K extends ImportKind>(
  rows: LinedRow<K>[],
  column: string,
  keyOf: (row: RowOf<K>) => string | undefined,
): FieldError[] {
  const firstLine = new Map<string, number>();
  const errors: FieldError[] = [];
  for (const row of rows) {
    const key = keyOf(row.values);
    if (key === undefined) continue;
    const earlier = firstLine.get(key);
    if (earlier === undefined) firstLine.set(key, row.line);
    else
      errors.push(
        rowError(
          row.line,
          column,
          'duplicate',
          `${column} "${key}" staat ook op regel ${earlier}.`,
          `${column} "${key}" is also on line ${earlier}.`,
        ),
      );
  }
  return errors;
}
