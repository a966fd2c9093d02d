import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import {
  categoryLabel,
  exportNumber,
  kindOf,
  neutralizeFormula,
} from '../../../../contract/report-format.ts';
import type { ReportDocument, ReportTable } from '../../../../contract/reports.ts';
import { loadOnce } from '../../../load-once.ts';

// The workbook: a cover sheet and one sheet per table, with real numbers and dates (not text) and
// Dutch number formats. Written with the streaming writer so a large report never sits in memory.

const loadExcelJS = loadOnce(async () => (await import('exceljs')).default);

const NUMBER_FORMATS = {
  count: '#,##0',
  rate: '0.0%',
  decimal: '0.0',
  euro: '"€" #,##0.00',
  date: 'dd-mm-yyyy',
  text: '@',
} as const;

/** Excel sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1) name = `${base.slice(0, 27)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function writeTable(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: ReportTable, taken: Set<string>) {
  const sheet = workbook.addWorksheet(sheetName(table.title, taken), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: 'Omschrijving', key: 'label', width: 48 },
    ...table.columns.map((c) => ({ header: c.label, key: c.key, width: Math.max(14, c.label.length + 2) })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const row of table.rows) {
    const values: (string | number | Date | null)[] = [neutralizeFormula(row.label)];
    row.cells.forEach((cell, i) => {
      const kind = kindOf(table, row, i);
      if (cell.value === null) values.push(null);
      else if (typeof cell.value === 'number') values.push(exportNumber(cell.value, kind));
      else if (kind === 'date') values.push(new Date(`${cell.value}T00:00:00Z`));
      else values.push(neutralizeFormula(cell.value));
    });
    const written = sheet.addRow(values);
    row.cells.forEach((_cell, i) => {
      written.getCell(i + 2).numFmt = NUMBER_FORMATS[kindOf(table, row, i)];
    });
    written.commit();
  }
  sheet.commit();
}

/** Streams the workbook into `output` and resolves when it is complete. */
export async function writeWorkbook(document: ReportDocument, output: Writable): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Gehoord';
  workbook.title = `Klachtenrapportage ${document.period.label}`;
  const taken = new Set<string>();
  const cover = workbook.addWorksheet(sheetName('Rapportage', taken));
  cover.columns = [
    { header: 'Gegeven', key: 'k', width: 28 },
    { header: 'Waarde', key: 'v', width: 48 },
  ];
  cover.getRow(1).font = { bold: true };
  cover.addRow(['Organisatie', neutralizeFormula(document.organizationName)]).commit();
  cover.addRow(['Rapportage', document.kind === 'annual' ? 'Jaarrapportage' : 'Kwartaalrapportage']).commit();
  cover.addRow(['Periode', document.period.label]).commit();
  const from = cover.addRow(['Van', new Date(`${document.period.from}T00:00:00Z`)]);
  from.getCell(2).numFmt = NUMBER_FORMATS.date;
  from.commit();
  const until = cover.addRow(['Tot (niet inbegrepen)', new Date(`${document.period.until}T00:00:00Z`)]);
  until.getCell(2).numFmt = NUMBER_FORMATS.date;
  until.commit();
  cover
    .addRow([
      'Afdeling',
      document.department ? neutralizeFormula(document.department.name) : 'Hele organisatie',
    ])
    .commit();
  cover.addRow(['Categorie', categoryLabel(document.category) ?? 'Alle categorieën']).commit();
  cover.addRow(['Gemaakt op', new Date(document.generatedAt)]).commit();
  cover.commit();
  for (const table of document.tables) writeTable(workbook, table, taken);
  await workbook.commit();
}
