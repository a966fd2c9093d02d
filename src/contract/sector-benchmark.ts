import { z } from 'zod';
import { SECTOR_MEASURES } from '../domain/sector-benchmark.ts';

// Issue 24 (decision 040): the anonymised sector benchmark. A response names no other organisation: only the
// reader's own figures and the sector's quartiles over the opted-in corporations, or why they are withheld.

export const sectorBenchmarkChoice = z
  .object({
    optedIn: z.boolean().describe('Whether this corporation takes part in the anonymised sector benchmark'),
  })
  .meta({ id: 'SectorBenchmarkChoice' });
export type SectorBenchmarkChoice = z.infer<typeof sectorBenchmarkChoice>;

export const sectorBenchmarkQuery = z.object({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .describe('The quarter the figures cover')
    .meta({ example: '2026-Q3' }),
});

const sectorFigure = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('shown'),
    corporations: z.number().int().describe('How many opted-in corporations have a value for this measure'),
    p25: z.number(),
    p50: z.number(),
    p75: z.number(),
  }),
  z.object({
    status: z.literal('withheld'),
    minimum: z.number().int().describe('Fewer opted-in corporations than this had a value: nothing is shown'),
  }),
  z.object({
    status: z.literal('pending').describe('Not computed for this period yet (the hourly job computes it)'),
  }),
]);

export const sectorBenchmark = z
  .discriminatedUnion('optedIn', [
    z.object({ optedIn: z.literal(false), period: z.string() }),
    z.object({
      optedIn: z.literal(true),
      period: z.string().describe('The quarter or year the figures cover'),
      minimumGroup: z.number().int(),
      computedAt: z.iso.datetime().nullable().describe('When the sector figures were computed'),
      measures: z.array(
        z.object({
          measure: z.enum(SECTOR_MEASURES),
          own: z
            .number()
            .nullable()
            .describe(
              'This corporation’s own figure; null when there is nothing to measure or too few answers',
            ),
          ownTooFewAnswers: z
            .number()
            .int()
            .nullable()
            .describe(
              'The own satisfaction figure is withheld: it rests on this many answers, fewer than 5 (decision 050)',
            ),
          sector: sectorFigure,
        }),
      ),
    }),
  ])
  .meta({ id: 'SectorBenchmark' });
export type SectorBenchmark = z.infer<typeof sectorBenchmark>;
