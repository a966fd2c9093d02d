// The learning module's scheduled work; the job runner (src/server/jobs/job-runner.ts) schedules it.
import type { ScheduledJob } from '../../jobs/job-runner.ts';
import { refreshThemes } from './themes.service.ts';

export function themeJobs(): ScheduledJob[] {
  return [
    // issue 26 (decision 049): the quarter's themes per organisation — what the MT asked for within a minute,
    // the current quarter daily, the previous one once
    { name: 'complaint-themes', cron: '* * * * *', run: (owner, now) => refreshThemes(owner, now) },
  ];
}
