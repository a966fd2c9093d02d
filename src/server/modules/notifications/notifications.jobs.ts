// The notifications module's scheduled work; the job runner (src/server/jobs/job-runner.ts) schedules it.
import type { ScheduledJob } from '../../jobs/job-runner.ts';
import { warnAboutAdjustments } from './adjustment-warnings.service.ts';
import { runSatisfactionRequests } from './satisfaction-requests.service.ts';
import { runBoardFastLane, runTermMonitor, sendDailyDigests } from './term-monitor.service.ts';

export function notificationJobs(options: { publicUrl: string }): ScheduledJob[] {
  return [
    // policy 2.5: the board within a minute; policy 2.6: the manager of an employee-caused repeat too
    {
      name: 'board-fast-lane',
      cron: '* * * * *',
      run: (owner, now) => runBoardFastLane(owner, now, options),
    },
    // policy 2.3: at the start of the working day and hourly during office hours
    {
      name: 'term-monitor',
      cron: '0 7-18 * * 1-5',
      run: (owner, now) => runTermMonitor(owner, now, options),
    },
    {
      name: 'daily-digest',
      cron: '30 7 * * 1-5',
      run: (owner, now) => sendDailyDigests(owner, now, options),
    },
    // issue 26 (decision 051): adjustments not followed, with the term monitor's hours
    {
      name: 'adjustment-warnings',
      cron: '15 7-18 * * 1-5',
      run: (owner, now) => warnAboutAdjustments(owner, now),
    },
    // issue 9: the satisfaction question two working days after the answer, once
    {
      name: 'satisfaction-requests',
      cron: '0 9 * * 1-5',
      run: (owner, now) => runSatisfactionRequests(owner, now),
    },
  ];
}
