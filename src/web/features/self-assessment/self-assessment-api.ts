import {
  type SelfAssessmentLocale,
  selfAssessment,
  selfAssessmentSlot,
} from '../../../contract/self-assessment.ts';
import { api, apiRequest } from '../../lib/api-client.ts';

// Issue 26 (decision 050): the annual self-assessment.

export const selfAssessmentKeys = { year: (year: number) => ['self-assessment', year] as const };

/** The stored assessment of a year, or null before it was made. */
export async function fetchSelfAssessment(year: number) {
  return (await api.get(`/api/self-assessments/${year}`, { schema: selfAssessmentSlot })).assessment;
}

export const makeSelfAssessment = (year: number) =>
  api.post(`/api/self-assessments/${year}`, undefined, { schema: selfAssessment });

export const publishSelfAssessment = (year: number, published: boolean) =>
  apiRequest('PUT', `/api/self-assessments/${year}/publication`, {
    body: { published },
    schema: selfAssessment,
  });

/** The PDF in the screen's language (decision 054). */
export const selfAssessmentPdfUrl = (year: number, locale: SelfAssessmentLocale) =>
  `/api/self-assessments/${year}/pdf?lang=${locale}`;
