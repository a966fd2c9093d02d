import type { ReportDocument, ReportKind } from '../../../contract/reports.ts';
import {
  isValidPeriod,
  type Quarter,
  quarterRange,
  type ReportPeriod,
  yearPeriod,
} from '../../../domain/index.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import { buildReport } from './document/report-builder.ts';
import { departmentName } from './measures/measures.repository.ts';

// Which period a report covers, and the checks before building it.

export function quarterPeriod(quarter: Quarter): ReportPeriod {
  return { ...quarterRange(quarter), label: quarter };
}

export function annualPeriod(year: number): ReportPeriod {
  return yearPeriod(year);
}

export function customPeriod(from: string, until: string, field: 'body' | 'querystring'): ReportPeriod {
  if (!isValidPeriod(from, until)) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          in: field,
          path: 'until',
          code: 'invalid_period',
          messages: {
            nl: 'De einddatum moet na de begindatum liggen.',
            en: 'The end date must be after the start date.',
          },
        },
      ],
    });
  }
  return { from, until, label: `${from} – ${until}` };
}

/** A period of more than one quarter is rendered as PDF or workbook by a report job, never in the request. */
export function mayRenderDirectly(period: ReportPeriod): boolean {
  const days = (Date.parse(period.until) - Date.parse(period.from)) / 86_400_000;
  return days <= 92;
}

export async function loadReport(
  trx: Scoped,
  request: { kind: ReportKind; period: ReportPeriod; departmentId: string | null; category?: string | null },
  options: { now: Date; progress?: (fraction: number) => Promise<void> },
): Promise<ReportDocument> {
  if (request.departmentId !== null && (await departmentName(trx, request.departmentId)) === null) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          in: 'querystring',
          path: 'departmentId',
          code: 'invalid_reference',
          messages: {
            nl: 'Deze afdeling bestaat niet (meer).',
            en: 'This department does not exist (any more).',
          },
        },
      ],
    });
  }
  return buildReport(trx, request, options);
}
