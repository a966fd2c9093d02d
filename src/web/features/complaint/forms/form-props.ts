import type { ComplaintDetail } from '../../../../contract/complaints.ts';

/** What every action form gets from the case page. */
export type ActionFormProps = {
  complaint: ComplaintDetail;
  onDone: (updated: ComplaintDetail) => void;
  onCancel: () => void;
};
