import type { z } from 'zod';
import type { changeHousingComplexInput } from '../../../contract/complaints.ts';
import { decideHousingComplexChange, getActionRule } from '../../../domain/index.ts';
import { AppError, unknownReference } from '../../http/app-error.ts';
import * as repository from './complaint.repository.ts';
import type { Write } from './complaint-actions.service.ts';
import { mutateComplaint } from './complaint-mutation.service.ts';

/** policy 2.2: the complex a complaint is registered with is corrected with a reason, kept on the timeline. */
export function changeHousingComplex(w: Write, input: z.infer<typeof changeHousingComplexInput>) {
  return mutateComplaint(
    w.db,
    w.principal,
    w.id,
    { permission: getActionRule('housing-complex').permission, ifMatch: w.ifMatch },
    async ({ trx, row }) => {
      const decided = decideHousingComplexChange({
        currentComplexId: row.housing_complex_id,
        newComplexId: input.housingComplexId,
        reason: input.reason,
      });
      if (!decided.ok) throw new AppError(decided.reason);
      const [from, to] = await Promise.all([
        decided.from === null ? null : repository.findHousingComplexLabel(trx, decided.from),
        decided.to === null ? null : repository.findHousingComplexLabel(trx, decided.to),
      ]);
      if (decided.to !== null && to === undefined) throw unknownReference('housingComplexId');
      return {
        columns: { housing_complex_id: decided.to },
        events: [
          {
            type: 'housing_complex_changed',
            summary: decided.reason,
            payload: { from: from ?? null, to: to ?? null, reason: decided.reason },
          },
        ],
      };
    },
  );
}
