import {
  type SectorBenchmarkChoice,
  sectorBenchmark,
  sectorBenchmarkChoice,
} from '../../../contract/sector-benchmark.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

// Issue 24: the anonymised sector benchmark (decision 040).

export const sectorKeys = {
  benchmark: (period: string) => ['sector-benchmark', period] as const,
  choice: ['admin', 'sector-benchmark'] as const,
};

export const fetchSectorBenchmark = (quarter: string) =>
  api.get(`/api/reports/sector-benchmark?quarter=${encodeURIComponent(quarter)}`, {
    schema: sectorBenchmark,
  });

export const fetchSectorBenchmarkChoice = () =>
  api.get('/api/admin/sector-benchmark', { schema: sectorBenchmarkChoice });

export const saveSectorBenchmarkChoice = (input: SectorBenchmarkChoice) =>
  apiRequest('PUT', '/api/admin/sector-benchmark', { body: input, schema: sectorBenchmarkChoice });
