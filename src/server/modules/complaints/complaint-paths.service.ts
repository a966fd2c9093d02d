import type { z } from 'zod';
import type { letterPostedInput, policyFindingInput } from '../../../contract/complaints.ts';
import {
  chooseExplanationDelivery,
  decidePolicyFinding,
  getActionRule,
  mayMarkLetterPosted,
} from '../../../domain/index.ts';
import { AppError } from '../../http/app-error.ts';
import { domainActor, toAccess } from './access/complaint-access.ts';
import { complainantHasEmail } from './complainant-contact.repository.ts';
import type { Write } from './complaint-actions.service.ts';
import { mutateComplaint, transition } from './complaint-mutation.service.ts';

// Issue 19's "other paths": the manager's choice on a policy finding, the explanation by post.

/**
 * policy 2.4, 3.1: the manager puts a wrong or missing policy on the MT's agenda (the MT item follows from
 * that one event, exactly once) or decides this case as an exception; also on a withdrawn complaint.
 */
export function decidePolicyFindingRoute(w: Write, input: z.infer<typeof policyFindingInput>) {
  return mutateComplaint(
    w.db,
    w.principal,
    w.id,
    { permission: getActionRule('policy-finding').permission, ifMatch: w.ifMatch },
    (ctx) => {
      const approval = {
        byUserId: domainActor(ctx.principal, 'manager').userId,
        role: 'manager' as const,
        at: ctx.now,
      };
      const decided = decidePolicyFinding(ctx.state.assessment, input, approval);
      if (!decided.ok) throw new AppError(decided.reason);
      return {
        state: { ...ctx.state, assessment: decided.assessment },
        // The exception is a manager decision like any other: the MT reviews every exception (policy 3.1)
        events:
          input.route === 'exception'
            ? [
                {
                  type: 'approval_given',
                  summary: input.text,
                  payload: { subject: 'manager_decision', route: 'exception' },
                },
              ]
            : [],
        effects: decided.effects,
      };
    },
  );
}

/**
 * policy 2.5: the explanation goes by e-mail when we have an address; otherwise the system prepares a letter
 * for the "te posten" list and the complaint waits (its term running) until somebody posts it.
 */
export function explainOutsideProcedure(w: Write) {
  return mutateComplaint(
    w.db,
    w.principal,
    w.id,
    { permission: getActionRule('explanation').permission, ifMatch: w.ifMatch },
    async (ctx) => {
      // policy 2.5: on the board's track the neutral text is kept on the track, not as the complaint's answer
      if (ctx.state.status === 'with_board') return transition(ctx, { type: 'send_explanation' });
      const delivery = chooseExplanationDelivery(await complainantHasEmail(ctx.trx, ctx.row.id));
      const result = transition(ctx, {
        type: delivery === 'email' ? 'send_explanation' : 'prepare_explanation_letter',
      });
      const text = result.effects?.flatMap((e) =>
        e.type === 'send_explanation' || e.type === 'prepare_explanation_letter' ? [e.text] : [],
      )[0];
      return { ...result, columns: { answer_text: text ?? null } };
    },
  );
}

/** policy 2.5: the day the letter was posted is the day the explanation was given. */
export function markLetterPosted(w: Write, input: z.infer<typeof letterPostedInput>) {
  return mutateComplaint(
    w.db,
    w.principal,
    w.id,
    { permission: getActionRule('letter-posted').permission, ifMatch: w.ifMatch },
    (ctx) => {
      if (ctx.principal.kind !== 'staff' || !mayMarkLetterPosted(ctx.principal, toAccess(ctx.row)))
        throw new AppError('forbidden');
      const result = transition(ctx, { type: 'record_letter_posted', postedOn: input.postedOn });
      return {
        ...result,
        events: result.events.map((e) => ({
          ...e,
          type: 'letter_posted',
          payload: { ...e.payload, postedOn: input.postedOn },
        })),
      };
    },
  );
}
