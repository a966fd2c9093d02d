import { z } from 'zod';
import { COMPLAINT_CATEGORIES } from '../domain/complaint-category.ts';

const category = z
  .enum(Object.keys(COMPLAINT_CATEGORIES) as [string, ...string[]])
  .optional()
  .describe('Only complaints of this category (policy 1.2)');

// Quarterly and annual reports (policy 2.2, 3.2): one document of tables that the web page, the PDF,
// the Excel workbook and the CSV files all render, so their numbers cannot differ.

export const cellKind = z.enum(['count', 'rate', 'decimal', 'euro', 'text', 'date']);
export type CellKind = z.infer<typeof cellKind>;

export const reportCell = z.object({
  /** Counts are integers, rates fractions (0.833), euros with cents as decimals, dates 'YYYY-MM-DD'. */
  value: z.union([z.number(), z.string()]).nullable(),
  /** Query string for GET /api/reports/complaints listing the complaints behind this number. */
  drill: z.string().nullable(),
});
export type ReportCell = z.infer<typeof reportCell>;

export const reportRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  /** Overrides the column's kind (the summary table mixes counts, rates and amounts). */
  kind: cellKind.nullable(),
  cells: z.array(reportCell),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportTable = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    columns: z.array(z.object({ key: z.string(), label: z.string(), kind: cellKind })),
    rows: z.array(reportRow),
  })
  .meta({ id: 'ReportTable' });
export type ReportTable = z.infer<typeof reportTable>;

export const reportKind = z.enum(['quarterly', 'annual']);
export type ReportKind = z.infer<typeof reportKind>;

export const reportDocument = z
  .object({
    kind: reportKind,
    organizationName: z.string(),
    period: z.object({ from: z.string(), until: z.string(), label: z.string() }),
    department: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /** The category filter, when the report is limited to one. */
    category: z.string().nullable(),
    generatedAt: z.string(),
    tables: z.array(reportTable),
  })
  .meta({ id: 'ReportDocument' });
export type ReportDocument = z.infer<typeof reportDocument>;

export const quarterlyQuery = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .meta({ example: '2026-Q3' }),
  departmentId: z.uuid().optional(),
  category,
});

export const annualQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2999),
  departmentId: z.uuid().optional(),
  category,
});

export const exportFormat = z.enum(['pdf', 'xlsx', 'csv']);
export type ExportFormat = z.infer<typeof exportFormat>;

export const exportQuery = z.object({
  format: exportFormat,
  /** CSV is one table; omitted means every table in one file, separated by a blank line. */
  table: z
    .string()
    .regex(/^[a-z_]{1,60}$/)
    .optional(),
});

const quarterText = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/)
  .meta({ example: '2026-Q3' });
const tableId = z
  .string()
  .regex(/^[a-z_]{1,60}$/)
  .nullish();

export const reportJobInput = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('quarterly'),
      quarter: quarterText,
      departmentId: z.uuid().nullish(),
      category,
      format: exportFormat,
      table: tableId,
    }),
    z.object({
      kind: z.literal('annual'),
      year: z.number().int().min(2000).max(2999),
      departmentId: z.uuid().nullish(),
      category,
      format: exportFormat,
      table: tableId,
    }),
    z.object({
      kind: z.literal('dossier'),
      housingComplexId: z.uuid(),
      from: z.iso.date(),
      until: z.iso.date(),
    }),
  ])
  .describe('A report (quarterly or annual) as PDF, Excel or CSV, or a complex dossier as ZIP');
export type ReportJobInput = z.infer<typeof reportJobInput>;

export const reportJob = z
  .object({
    id: z.uuid(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    /** 0–100. */
    progress: z.number().int(),
    format: z.string(),
    fileName: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    downloadUrl: z.string().nullable(),
  })
  .meta({ id: 'ReportJob' });
export type ReportJob = z.infer<typeof reportJob>;

export const drillQuery = z.object({
  from: z.iso.date(),
  until: z.iso.date(),
  departmentId: z.uuid().optional(),
  category,
  set: z.string().regex(/^[a-z_]{1,60}$/),
  dimension: z
    .string()
    .regex(/^[a-z_]{1,60}$/)
    .optional(),
  /** The group's key; the literal 'null' for complaints without a value for the dimension. */
  key: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const drillList = z
  .object({
    /** Every complaint the figure counts, also those the reader may not open. */
    total: z.number().int(),
    /** Complaints counted in the figure but not listed: the reader may not open them (issue 20). */
    withheld: z.number().int(),
    items: z.array(
      z.object({
        id: z.uuid(),
        reference: z.string(),
        status: z.string(),
        category: z.string().nullable(),
        channel: z.string(),
        confidential: z.boolean(),
        receivedAt: z.string(),
        answeredAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ReportDrillList' });
