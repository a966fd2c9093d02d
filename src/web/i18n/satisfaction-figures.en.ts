import type { SatisfactionFiguresMessages } from './satisfaction-figures.nl.ts';

/** Issue 26: English copy of the satisfaction figures; same shape as the Dutch one. */
export const satisfactionFiguresEn: SatisfactionFiguresMessages = {
  title: (period: string) => `Complainants' satisfaction, ${period}`,
  intro: (minimum: number) =>
    `From the satisfaction forms of the complaints answered in the period. The number of answers stands beside every score; below ${minimum} answers no score is shown.`,
  reportLink: 'All satisfaction figures in the report',
};
