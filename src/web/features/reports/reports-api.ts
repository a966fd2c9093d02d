import { z } from 'zod';
import { drillList, type ReportJobInput, reportDocument, reportJob } from '../../../contract/reports.ts';
import { department } from '../../../contract/staff.ts';
import { api } from '../../lib/api-client.ts';
import { appNow } from '../../lib/app-clock.ts';

export type ReportFilter = {
  kind: 'quarterly' | 'annual';
  quarter: string;
  year: number;
  departmentId: string;
  category: string;
};

/** The query string of a report (and of its exports) for the chosen filters. */
export function reportQuery(filter: ReportFilter): string {
  const params = new URLSearchParams(
    filter.kind === 'quarterly' ? { quarter: filter.quarter } : { year: String(filter.year) },
  );
  if (filter.departmentId) params.set('departmentId', filter.departmentId);
  if (filter.category) params.set('category', filter.category);
  return params.toString();
}

export const fetchReport = (filter: ReportFilter) =>
  api.get(`/api/reports/${filter.kind}?${reportQuery(filter)}`, { schema: reportDocument });
export const fetchDrill = (drill: string) =>
  api.get(`/api/reports/complaints?${drill}`, { schema: drillList });
export const fetchDepartments = () => api.get('/api/departments', { schema: z.array(department) });
export const startReportJob = (input: ReportJobInput) =>
  api.post('/api/reports/jobs', input, { schema: reportJob });
export const fetchReportJob = (id: string) => api.get(`/api/reports/jobs/${id}`, { schema: reportJob });

/** The current quarter and the seven before it, newest first. */
export function recentQuarters(today = appNow()): string[] {
  let year = today.getFullYear();
  let quarter = Math.floor(today.getMonth() / 3) + 1;
  const list: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    list.push(`${year}-Q${quarter}`);
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return list;
}
