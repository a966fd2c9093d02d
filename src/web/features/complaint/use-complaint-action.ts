import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { isApiError } from '../../lib/api-client.ts';
import {
  type ComplaintActionPath,
  complaintKeys,
  postComplaintAction,
} from '../complaints/complaints-api.ts';
import { adjustmentKeys } from './adjustments-api.ts';

/**
 * One step on the complaint, on the version the user looked at. The answer replaces the cached detail;
 * a 412 (someone else changed it) reloads the detail so the user sees what changed before trying again.
 */
export function useComplaintAction(complaint: ComplaintDetail, path: ComplaintActionPath) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => postComplaintAction(complaint, path, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(complaintKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all, refetchType: 'none' });
      // decision 053: a step may open a call-back (a message) or close it (a phone contact)
      void queryClient.invalidateQueries({ queryKey: adjustmentKeys.of(updated.id) });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 412)
        void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaint.id) });
    },
  });
}
