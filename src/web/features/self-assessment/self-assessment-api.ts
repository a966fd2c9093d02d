import { selfAssessment } from '../../../contract/self-assessment.ts';
import { ApiError, api, apiRequest } from '../../lib/api-client.ts';

// Issue 26 (decision 050): the annual self-assessment.

export const selfAssessmentKeys = { year: (year: number) => ['self-assessment', year] as const };

/** The stored assessment of a year, or null before it was made. */
export async function fetchSelfAssessment(year: number) {
  try {
    return await api.get(`/api/self-assessments/${year}`, { schema: selfAssessment });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const makeSelfAssessment = (year: number) =>
  api.post(`/api/self-assessments/${year}`, undefined, { schema: selfAssessment });

export const publishSelfAssessment = (year: number, published: boolean) =>
  apiRequest('PUT', `/api/self-assessments/${year}/publication`, {
    body: { published },
    schema: selfAssessment,
  });

export const selfAssessmentPdfUrl = (year: number) => `/api/self-assessments/${year}/pdf`;
