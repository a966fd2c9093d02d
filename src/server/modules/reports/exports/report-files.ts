import { PassThrough } from 'node:stream';
import type { ExportFormat, ReportDocument } from '../../../../contract/reports.ts';
import { AppError } from '../../../http/app-error.ts';
import { renderCsv } from './csv-export.ts';
import { writeWorkbook } from './excel-export.ts';
import { renderReportPdf } from './pdf-export.ts';

// One report document, three file formats; names say what is in them.

export type ReportFile = { body: Buffer; contentType: string; fileName: string };

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  zip: 'application/zip',
} as const;

export function contentTypeOf(format: keyof typeof CONTENT_TYPES): string {
  return CONTENT_TYPES[format];
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

export function reportFileName(document: ReportDocument, extension: string, table?: string): string {
  const parts = [
    document.kind === 'annual' ? 'jaarrapportage-klachten' : 'kwartaalrapportage-klachten',
    document.period.label,
  ];
  if (document.department) parts.push(slug(document.department.name));
  if (table) parts.push(table.replaceAll('_', '-'));
  return `${parts.join('-')}.${extension}`;
}

async function workbookBuffer(document: ReportDocument): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await writeWorkbook(document, stream);
  stream.end();
  await done;
  return Buffer.concat(chunks);
}

export async function renderReportFile(
  document: ReportDocument,
  format: ExportFormat,
  table?: string | null,
): Promise<ReportFile> {
  if (format === 'csv') {
    if (table && !document.tables.some((t) => t.id === table)) {
      throw new AppError('validation_failed', {
        fieldErrors: [
          {
            in: 'querystring',
            path: 'table',
            code: 'invalid_reference',
            messages: {
              nl: `Onbekende tabel. Kies uit: ${document.tables.map((t) => t.id).join(', ')}.`,
              en: `Unknown table. Choose from: ${document.tables.map((t) => t.id).join(', ')}.`,
            },
          },
        ],
      });
    }
    return {
      body: Buffer.from(renderCsv(document, table ?? undefined), 'utf8'),
      contentType: CONTENT_TYPES.csv,
      fileName: reportFileName(document, 'csv', table ?? undefined),
    };
  }
  if (format === 'xlsx') {
    return {
      body: await workbookBuffer(document),
      contentType: CONTENT_TYPES.xlsx,
      fileName: reportFileName(document, 'xlsx'),
    };
  }
  return {
    body: await renderReportPdf(document),
    contentType: CONTENT_TYPES.pdf,
    fileName: reportFileName(document, 'pdf'),
  };
}
