import { z } from 'zod';
import { ASSESSMENT_STATUSES } from '../domain/self-assessment.ts';
import { FRAMEWORKS } from '../domain/self-assessment-requirements-2026.ts';

// Issue 26 (decision 050): the annual complaint-handling self-assessment. Only aggregate figures: the same
// document is shown to staff, printed as PDF and, when the corporation publishes it, shown to tenants.

const text = z.object({ nl: z.string(), en: z.string() });

export const selfAssessmentYear = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2999)
    .describe('The calendar year assessed')
    .meta({ example: 2026 }),
});

export const assessedRequirement = z.object({
  id: z.string(),
  framework: z.enum(Object.keys(FRAMEWORKS) as [keyof typeof FRAMEWORKS, ...(keyof typeof FRAMEWORKS)[]]),
  section: z.string(),
  sectionNote: z.string().nullable().describe('Set when the section or paragraph number was not verified'),
  text,
  sourceUrl: z.string(),
  evidence: z.string().describe('Which evidence proves the requirement'),
  status: z.enum(ASSESSMENT_STATUSES),
  figures: z.array(z.object({ label: text, value: z.string() })),
  missing: text.nullable(),
});
export type AssessedRequirementDto = z.infer<typeof assessedRequirement>;

export const selfAssessmentDocument = z
  .object({
    year: z.number().int(),
    organizationName: z.string(),
    requirementsVersion: z.string(),
    requirementsDate: z.string(),
    generatedAt: z.string(),
    counts: z.object({
      met: z.number().int(),
      partly: z.number().int(),
      not_met: z.number().int(),
      not_measurable: z.number().int(),
    }),
    requirements: z.array(assessedRequirement),
  })
  .meta({ id: 'SelfAssessmentDocument' });
export type SelfAssessmentDocument = z.infer<typeof selfAssessmentDocument>;

export const selfAssessment = z
  .object({
    document: selfAssessmentDocument,
    publishedAt: z
      .string()
      .nullable()
      .describe('When it was published on the portal; null when not published'),
    publicPath: z.string().describe('Where tenants find it on the portal once published'),
  })
  .meta({ id: 'SelfAssessment' });
export type SelfAssessment = z.infer<typeof selfAssessment>;

/** A year's slot: the stored assessment, or null before it was made (not an error: the screen offers to make it). */
export const selfAssessmentSlot = z
  .object({ assessment: selfAssessment.nullable() })
  .meta({ id: 'SelfAssessmentSlot' });

export const selfAssessmentPublication = z
  .object({ published: z.boolean().describe('Publish on the portal for tenants (opt-in) or withdraw') })
  .meta({ id: 'SelfAssessmentPublication' });

/** The languages the self-assessment is written in: the requirements file holds Dutch and English texts. */
export const SELF_ASSESSMENT_LOCALES = ['nl', 'en'] as const;
export type SelfAssessmentLocale = (typeof SELF_ASSESSMENT_LOCALES)[number];

/** `?lang=en` for the PDF; Dutch by default. */
export const selfAssessmentPdfQuery = z.object({
  lang: z.enum(SELF_ASSESSMENT_LOCALES).default('nl').describe('The language of the PDF (Dutch by default)'),
});

/**
 * The portal path of a corporation's published self-assessment of a year (on its own host name): Dutch at
 * `/zelfevaluatie/<year>`, English at `/en/self-assessment/<year>` (beside the portal's English front door `/en`).
 */
export function selfAssessmentPublicPath(year: number | string, locale: SelfAssessmentLocale = 'nl'): string {
  return locale === 'en' ? `/en/self-assessment/${year}` : `/zelfevaluatie/${year}`;
}

/**
 * A figure's value is stored as made, with the Dutch decimal comma ("9 (75,0%)", "4,0"); counts carry no thousands
 * separator. In English the comma between digits becomes a point.
 */
export function figureValueIn(value: string, locale: SelfAssessmentLocale): string {
  return locale === 'en' ? value.replace(/(\d),(\d)/g, '$1.$2') : value;
}

/** A section note is written "Dutch / English" in the requirements file: the part in the reader's language. */
export function sectionNoteIn(note: string, locale: SelfAssessmentLocale): string {
  const [nl, en] = note.split(' / ');
  return (locale === 'en' ? en : nl)?.trim() || note;
}
