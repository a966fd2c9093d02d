import { z } from 'zod';
import { errorCodes } from './errors.ts';

export const localizedText = z.object({ nl: z.string(), en: z.string() }).meta({
  description: 'The same text in Dutch and English.',
});

export const fieldError = z
  .object({
    in: z.enum(['body', 'querystring', 'params', 'headers']).describe('Which part of the request'),
    path: z.string().describe('Dotted path of the field, e.g. `complainant.email`; empty for the whole part'),
    code: z.string().describe('Validation rule that failed, e.g. `too_small`'),
    messages: localizedText,
  })
  .meta({ id: 'FieldError' });

/** RFC 9457 problem details, as every error response carries them (application/problem+json). */
export const problem = z
  .object({
    type: z.string().describe('URI identifying the problem type'),
    title: z.string().describe('Short summary in the requested language (Dutch by default)'),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional().describe('The request path'),
    code: z.enum(errorCodes as [string, ...string[]]).describe('Stable machine-readable error code'),
    messages: localizedText,
    requestId: z.string().describe('Quote this id when reporting a problem'),
    errors: z.array(fieldError).optional().describe('Field-level problems (validation_failed)'),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problem>;
export type FieldError = z.infer<typeof fieldError>;
