import type { SectorBenchmarkMessages } from './sector-benchmark.nl.ts';

/** Issue 24: English copy of the sector benchmark; same shape as the Dutch one. */
export const sectorBenchmarkEn: SectorBenchmarkMessages = {
  title: (period: string) => `Compared with the sector, ${period}`,
  intro:
    'Your own figures beside those of the other participating corporations: the median and the interquartile range (P25–P75). No corporation is named or identifiable.',
  invitationTitle: 'Take part in the sector benchmark',
  invitation:
    'See how your corporation compares with others: answered on time, complaints per 1,000 homes, referrals to the complaints committee, satisfaction and repeat complaints. Only participating corporations count and nobody is named. An administrator turns participation on under Administration → Organisation.',
  measure: 'Measure',
  own: 'Own figure',
  p25: 'P25',
  median: 'Sector median',
  p75: 'P75',
  noOwnValue: 'no data',
  withheld: (minimum: number) =>
    `Not shown: fewer than ${minimum} participating corporations have a figure, which could make a corporation identifiable.`,
  pending: 'Not computed yet; the sector figures are updated every hour.',
  corporations: (n: number) => `${n} corporations`,
  computedAt: (at: string) => `Sector figures computed on ${at}.`,
  measures: {
    on_time_share: 'Answered on time (term in force)',
    per_thousand_units: 'Complaints per 1,000 homes',
    committee_per_thousand_units: 'Referred to the complaints committee per 1,000 homes',
    satisfaction_handling: 'Satisfaction with the handling (1–5)',
    repeat_share: 'Repeat complaints (share)',
  },
  settingTitle: 'Sector benchmark',
  settingIntro:
    'When your corporation takes part, its quarterly figures count anonymously in the sector benchmark and the MT sees its own figures beside the participants’ median and quartiles. No complaints or names go to other corporations; a sector figure of fewer than five corporations is not shown. Changes are audit-logged and count from the next computation (hourly).',
  settingLabel: 'Take part in the anonymous sector benchmark',
  saved: 'Your choice has been saved.',
};
