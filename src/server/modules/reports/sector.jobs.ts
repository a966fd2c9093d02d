// The reports module's scheduled work; the job runner (src/server/jobs/job-runner.ts) schedules it.
import type { ScheduledJob } from '../../jobs/job-runner.ts';
import { refreshSectorBenchmark } from './sector.service.ts';

export function sectorJobs(): ScheduledJob[] {
  return [
    // issue 24: the anonymised sector benchmark's quartiles, hourly (an opt-in or opt-out counts from the next run)
    { name: 'sector-benchmark', cron: '20 * * * *', run: (owner, now) => refreshSectorBenchmark(owner, now) },
  ];
}
