// Marking and lifting confidentiality (policy 1.3, 2.5): who may is `complaint.mark_confidential` /
// `complaint.lift_confidential` in the domain's permissions; what the flag becomes is domain/confidentiality.ts.

import type { ConfidentialityInputBody, LiftConfidentialityInputBody } from '../../../contract/complaints.ts';
import { errorCatalog } from '../../../contract/errors.ts';
import {
  CONFIDENTIALITY_REASONS,
  type Confidentiality,
  type ConfidentialityProblem,
  type ConfidentialityReason,
  decideLiftConfidentiality,
  decideMarkConfidential,
  getActionRule,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import type { ComplaintRow } from './complaint.repository.ts';
import { type EventSpec, mutateComplaint } from './complaint-mutation.service.ts';

type Write = { db: Database; principal: Principal; id: string; ifMatch: number | undefined };

export function confidentialityOf(
  row: Pick<ComplaintRow, 'confidential' | 'confidential_reason_code' | 'confidential_reason'>,
): Confidentiality {
  if (!row.confidential || row.confidential_reason_code === null) return null;
  return { reason: row.confidential_reason_code as ConfidentialityReason, text: row.confidential_reason };
}

export function confidentialityColumns(confidentiality: Confidentiality) {
  return {
    confidential: confidentiality !== null,
    confidential_reason_code: confidentiality?.reason ?? null,
    confidential_reason: confidentiality?.text ?? null,
  };
}

/** The timeline says why in words (summary) and in code (payload). */
export function markedConfidentialEvent(
  confidentiality: NonNullable<Confidentiality>,
  previous: Confidentiality,
): EventSpec {
  const label = CONFIDENTIALITY_REASONS[confidentiality.reason].nl;
  return {
    type: 'marked_confidential',
    summary: confidentiality.text === null ? label : `${label}: ${confidentiality.text}`,
    payload: {
      reason: confidentiality.reason,
      ...(previous === null ? {} : { previousReason: previous.reason }),
    },
  };
}

const FIELDS: Partial<Record<ConfidentialityProblem, 'reason' | 'text'>> = {
  confidential_reason_required: 'reason',
  confidential_reason_text_required: 'text',
  confidentiality_lift_reason_required: 'reason',
};

/** The domain's refusal as an API error; a missing reason names its field (422). */
export function confidentialityProblem(
  reason: ConfidentialityProblem,
  paths: Record<'reason' | 'text', string> = { reason: 'reason', text: 'text' },
): AppError {
  const field = FIELDS[reason];
  if (field === undefined) return new AppError(reason);
  return new AppError(reason, {
    fieldErrors: [
      {
        in: 'body',
        path: paths[field],
        code: reason,
        messages: { nl: errorCatalog[reason].nl, en: errorCatalog[reason].en },
      },
    ],
  });
}

export function markConfidential(w: Write, input: ConfidentialityInputBody) {
  return mutateComplaint(
    w.db,
    w.principal,
    w.id,
    { permission: getActionRule('confidential').permission, ifMatch: w.ifMatch },
    (ctx) => {
      const current = confidentialityOf(ctx.row);
      const decided = decideMarkConfidential(current, input);
      if (!decided.ok) throw confidentialityProblem(decided.reason);
      return {
        columns: confidentialityColumns(decided.confidentiality),
        events: [markedConfidentialEvent(decided.confidentiality, current)],
      };
    },
  );
}

export function liftConfidentiality(w: Write, input: LiftConfidentialityInputBody) {
  return mutateComplaint(
    w.db,
    w.principal,
    w.id,
    { permission: getActionRule('confidential/lift').permission, ifMatch: w.ifMatch },
    (ctx) => {
      const decided = decideLiftConfidentiality(confidentialityOf(ctx.row), input.reason);
      if (!decided.ok) throw confidentialityProblem(decided.reason);
      return {
        columns: confidentialityColumns(decided.confidentiality),
        events: [
          {
            type: 'confidentiality_lifted',
            summary: decided.reason,
            payload: { previousReason: decided.previous.reason },
          },
        ],
      };
    },
  );
}
