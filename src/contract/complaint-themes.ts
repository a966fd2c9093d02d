import { z } from 'zod';
import { quarter } from './learning.ts';

// The quarter's recurring themes (issue 26, decision 049) as the MT review shows them.

const named = z.object({ id: z.uuid(), name: z.string(), count: z.number().int() });

export const complaintTheme = z
  .object({
    key: z.string(),
    name: z.string(),
    size: z.number().int(),
    cohesion: z.number(),
    terms: z.array(z.object({ lexeme: z.string(), word: z.string(), weight: z.number() })),
    trend: z.enum(['new', 'up', 'down', 'level', 'unknown']),
    /** Sizes of the matching theme in the four quarters before (oldest first); null where none matched or none ran. */
    earlier: z.array(z.object({ quarter, size: z.number().int().nullable() })),
    departments: z.array(named),
    complexes: z.array(named),
    /** The most typical members the reader may know of (references only, never texts). */
    examples: z.array(z.object({ id: z.uuid(), reference: z.string() })),
    /** Members the reader may not know of: counted in the size, never shown. */
    hiddenMembers: z.number().int(),
    /** An improvement action made from this theme or from a matching theme of an earlier quarter. */
    action: z
      .object({
        id: z.uuid(),
        title: z.string(),
        status: z.string(),
        fromQuarter: quarter,
        sizeBefore: z.number().int(),
        sizeNow: z.number().int(),
      })
      .nullable(),
  })
  .meta({ id: 'ComplaintTheme' });

export const quarterThemes = z
  .object({
    quarter,
    status: z.enum(['not_computed', 'requested', 'computed']),
    computedAt: z.string().nullable(),
    requestedAt: z.string().nullable(),
    complaints: z.number().int().nullable(),
    leftOut: z.number().int().nullable(),
    themes: z.array(complaintTheme),
  })
  .meta({ id: 'QuarterThemes' });

export const themeRequest = z.object({ quarter, requestedAt: z.string() }).meta({ id: 'ThemeRunRequest' });
