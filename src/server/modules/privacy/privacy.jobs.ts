// The privacy module's scheduled work; the job runner (src/server/jobs/job-runner.ts) schedules it.
import type { ScheduledJob } from '../../jobs/job-runner.ts';
import { type PrivacyDeps, runRetention } from './retention.service.ts';

export function privacyJobs(privacy: PrivacyDeps): ScheduledJob[] {
  return [
    // AVG storage limitation (privacy issue 12): anonymise what is due, purge the old access log; at night
    {
      name: 'retention',
      cron: '15 3 * * *',
      run: (owner, now) => runRetention(owner, now, privacy),
    },
  ];
}
