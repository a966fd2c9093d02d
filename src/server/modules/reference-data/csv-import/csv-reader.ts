import { parse } from 'csv-parse/sync';

export type CsvRecord = { line: number; cells: string[] };
export type CsvTable = { header: CsvRecord; rows: CsvRecord[] };
export type CsvReadResult =
  | { ok: true; table: CsvTable }
  | { ok: false; line: number; reason: 'empty' | 'syntax' };

const DELIMITERS = [';', ',', '\t'] as const;

/**
 * Bytes from a corporation's export as text. Excel on Dutch Windows still writes Windows-1252 unless told
 * otherwise, so bytes that are not valid UTF-8 are read as that rather than turned into U+FFFD.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The header line decides: Dutch Excel writes ';' (the comma is the decimal separator), others ','. */
export function detectDelimiter(text: string): (typeof DELIMITERS)[number] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = DELIMITERS.map((delimiter) => firstLine.split(delimiter).length - 1);
  const best = Math.max(...counts);
  return best === 0 ? ';' : (DELIMITERS[counts.indexOf(best)] ?? ';');
}

/** Parses the whole file into cells with the line each record starts on; the first record is the header. */
export function readCsv(text: string): CsvReadResult {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = Number((error as { lines?: unknown }).lines);
    return { ok: false, line: Number.isInteger(line) && line > 0 ? line : 1, reason: 'syntax' };
  }
  // info.lines is where the record ended; a quoted value may span lines, so count its own line breaks back.
  const records = parsed.map(({ record, info }) => ({
    line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\r?\n/g)?.length ?? 0), 0),
    cells: record,
  }));
  const [header, ...rows] = records;
  if (!header) return { ok: false, line: 1, reason: 'empty' };
  return { ok: true, table: { header, rows } };
}
