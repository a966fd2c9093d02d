import type { ListParams } from './complaint-list-api.ts';

export const COMPLAINT_PAGE_SIZE = 25;

export type ComplaintFilterValues = {
  q: string;
  status: string;
  category: string;
  receivedFrom: string;
  receivedTo: string;
  overdue: boolean;
};

export const NO_FILTERS: ComplaintFilterValues = {
  q: '',
  status: '',
  category: '',
  receivedFrom: '',
  receivedTo: '',
  overdue: false,
};

export function filterParams(values: ComplaintFilterValues): ListParams {
  return {
    q: values.q.trim(),
    status: values.status,
    category: values.category,
    receivedFrom: values.receivedFrom,
    receivedTo: values.receivedTo,
    overdue: values.overdue,
  };
}
