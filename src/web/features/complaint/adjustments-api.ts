import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type AdjustmentsInput,
  type ComplainantAdjustments,
  complainantAdjustments,
  personAdjustments,
} from '../../../contract/adjustments.ts';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { apiRequest } from '../../lib/api-client.ts';
import { complaintKeys } from '../complaints/complaints-api.ts';

// Issue 26 (decision 051): the complainant's adjustments, read and changed on the case page.

export const adjustmentKeys = {
  of: (complaintId: string) => ['complaints', 'detail', complaintId, 'adjustments'] as const,
  ofPerson: (personId: string) => ['persons', personId, 'adjustments'] as const,
};

/** A picked complainant's recorded adjustments, shown at intake; nothing is fetched until one is picked. */
export function usePersonAdjustments(personId: string) {
  return useQuery({
    queryKey: adjustmentKeys.ofPerson(personId),
    queryFn: () => apiRequest('GET', `/api/persons/${personId}/adjustments`, { schema: personAdjustments }),
    enabled: personId !== '',
  });
}

export function useAdjustments(complaintId: string) {
  return useQuery({
    queryKey: adjustmentKeys.of(complaintId),
    queryFn: () =>
      apiRequest('GET', `/api/complaints/${complaintId}/adjustments`, { schema: complainantAdjustments }),
  });
}

/** Saves the whole set on the given version of the complaint (If-Match). */
export function saveAdjustments(
  complaint: Pick<ComplaintDetail, 'id' | 'version'>,
  input: AdjustmentsInput,
): Promise<ComplainantAdjustments> {
  return apiRequest('PUT', `/api/complaints/${complaint.id}/adjustments`, {
    body: input,
    schema: complainantAdjustments,
    headers: { 'if-match': `"${complaint.version}"` },
  });
}

/** Saves the whole set on the version of the complaint on screen; the timeline then shows the change. */
export function useSaveAdjustments(complaint: ComplaintDetail) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AdjustmentsInput) => saveAdjustments(complaint, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(adjustmentKeys.of(complaint.id), saved);
      void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaint.id), exact: true });
    },
  });
}
