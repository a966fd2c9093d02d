import type { z } from 'zod';
import type { quarterThemes } from '../../../../contract/complaint-themes.ts';
import type { quarterFigures } from '../../../../contract/learning.ts';
import { satisfactionScoreShown, tooFewAnswersText } from '../../../../domain/index.ts';

// The quarter the MT discussed, in its meeting record (policy 3.1, issue 26): the figures of the agenda and the
// quarter's recurring themes (decision 049) by name, size and trend — never a complaint's text or reference.

export type QuarterFigures = z.infer<typeof quarterFigures>;
export type QuarterThemes = Pick<z.infer<typeof quarterThemes>, 'status'> & {
  themes: Pick<z.infer<typeof quarterThemes>['themes'][number], 'name' | 'size' | 'trend'>[];
};

const MUTED = '#57606a';
const decimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

const TREND: Record<QuarterThemes['themes'][number]['trend'], string> = {
  new: 'nieuw',
  up: 'meer dan vorig kwartaal',
  down: 'minder dan vorig kwartaal',
  level: 'gelijk aan vorig kwartaal',
  unknown: 'vorig kwartaal niet berekend',
};

/** Satisfaction as the domain allows it (decision 050): the means only on enough answers, else why not. */
export function satisfactionText(figures: QuarterFigures): string {
  const s = figures.satisfaction;
  if (s === null) return 'geen antwoorden';
  if (!satisfactionScoreShown(s.responses) || s.averageHandling === null || s.averageOutcome === null)
    return tooFewAnswersText(s.responses);
  return `behandeling ${decimal.format(s.averageHandling)}, uitkomst ${decimal.format(s.averageOutcome)} (n=${s.responses})`;
}

export function figuresBlock(figures: QuarterFigures) {
  const rows: [string, string][] = [
    ['Ontvangen klachten', String(figures.received)],
    ['Beantwoord', String(figures.answered)],
    [
      'Op tijd beantwoord',
      figures.onTimeRate === null ? '–' : `${figures.answeredOnTime} (${percent.format(figures.onTimeRate)})`,
    ],
    ['Herhaalde klachten', String(figures.repeats)],
    ['Tevredenheid (gemiddeld, 1–5)', satisfactionText(figures)],
  ];
  return {
    table: {
      widths: [160, '*'],
      body: rows.map(([k, v]) => [{ text: k, color: MUTED }, { text: v }]),
    },
    layout: 'noBorders',
  };
}

export function themesBlock(themes: QuarterThemes) {
  if (themes.status === 'not_computed')
    return [{ text: 'De thema’s van dit kwartaal zijn nog niet berekend.', color: MUTED }];
  if (themes.themes.length === 0) return [{ text: 'Geen terugkerende thema’s gevonden.', color: MUTED }];
  return [
    {
      table: {
        headerRows: 1,
        widths: ['*', 60, 150],
        body: [
          [
            { text: 'Thema', bold: true },
            { text: 'Klachten', bold: true },
            { text: 'Trend', bold: true },
          ],
          ...themes.themes.map((t) => [t.name, String(t.size), TREND[t.trend]]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
}
