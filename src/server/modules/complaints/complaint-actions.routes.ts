import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  answerInput,
  approvalInput,
  approvalRefusalInput,
  approvalRequestInput,
  assessmentInput,
  assignInput,
  boardDecisionInput,
  boardTrackDecisionInput,
  changeComplainantLocaleInput,
  changeHousingComplexInput,
  committeeFollowUpInput,
  committeeReferenceInput,
  committeeRulingInput,
  compensationPaidInput,
  complaintDetail,
  complaintIdParams,
  confidentialityInput,
  contactInput,
  extensionInput,
  legalAdviceInput,
  letterPostedInput,
  liftConfidentialityInput,
  mergeInput,
  noteInput,
  policyFindingInput,
  transferInput,
  triageInput,
  withdrawInput,
  writtenOnlyInput,
} from '../../../contract/complaints.ts';
import {
  type ComplaintActionPath,
  getActionRule,
  listActionStatuses,
  TOKEN_SCOPES,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { changeComplainantLocale } from './change-complainant-locale.service.ts';
import { changeHousingComplex } from './change-housing-complex.service.ts';
import * as actions from './complaint-actions.service.ts';
import { liftConfidentiality, markConfidential } from './complaint-confidentiality.service.ts';
import { mergeComplaint } from './complaint-merge.service.ts';
import { parseIfMatch } from './complaint-mutation.service.ts';
import * as paths from './complaint-paths.service.ts';
import { transferComplaint } from './complaint-transfer.service.ts';
import { anyCaller, sendWithEtag } from './complaints.routes.ts';

const ifMatchHeaders = z.looseObject({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe('The ETag from the last read; a stale version is refused with 412 instead of overwriting.'),
});

type Action = {
  path: ComplaintActionPath;
  summary: string;
  description: string;
  body?: z.ZodType;
  run: (write: actions.Write, body: never) => ReturnType<typeof actions.close>;
};

// One route per step of the domain's action catalogue (complaint-action-catalogue.ts): what it does, its body and
// the service call. Who may take it and in which statuses come from the catalogue.
export const ACTION_ROUTES: Action[] = [
  {
    path: 'triage',
    summary: 'Triage: complaint, not a complaint, or outside the procedure',
    description: 'policy 1.2, 2.5. Who may: handler or their manager.',
    body: triageInput,
    run: actions.triage,
  },
  {
    path: 'record-without-answer-duty',
    summary: 'Record a repeat after the last response, without a new answer',
    description: 'policy 2.6',
    run: actions.recordWithoutAnswerDuty,
  },
  {
    path: 'assign',
    summary: 'Assign or reassign the handler',
    description:
      'policy 2.3, 2.6. The manager assigns; others may only pick up an unassigned complaint themselves. A handler of another department takes the complaint there (department, manager and cc follow).',
    body: assignInput,
    run: (w, b: z.infer<typeof assignInput>) => actions.assignHandler(w, b.handlerId),
  },
  {
    path: 'transfer',
    summary: 'Transfer to another department (doorzetten)',
    description:
      'policy 1.3, 2.3, 2.6. Handler, handling department, accountable manager and cc move together; a reason is required. Who may: the accountable manager, or the handler handing it on.',
    body: transferInput,
    run: (w, b: z.infer<typeof transferInput>) => transferComplaint(w.db, w.principal, w.id, w.ifMatch, b),
  },
  {
    path: 'contacts',
    summary: 'Log a contact moment (phone, in person, e-mail, letter)',
    description: 'policy 1.4, 2.3. Any staff member who can see the complaint.',
    body: contactInput,
    run: actions.logContact,
  },
  {
    path: 'notes',
    summary: 'Add a note',
    description: 'Any staff member who can see the complaint.',
    body: noteInput,
    run: (w, b: z.infer<typeof noteInput>) => actions.addNote(w, b.text),
  },
  {
    path: 'written-only',
    summary: 'Record why this complaint is answered in writing only',
    description: 'policy 2.3: only by exception.',
    body: writtenOnlyInput,
    run: (w, b: z.infer<typeof writtenOnlyInput>) => actions.setWrittenOnlyReason(w, b.reason),
  },
  {
    path: 'assessment',
    summary: 'Record the assessment against policy',
    description: 'policy 2.4: kind A (policy not followed) or kind B (disagrees with policy).',
    body: assessmentInput,
    run: actions.recordAssessment,
  },
  {
    path: 'approval-requests',
    summary: 'Ask the manager for approval',
    description: 'policy 2.3, 2.4, 2.6',
    body: approvalRequestInput,
    run: actions.requestApproval,
  },
  {
    path: 'approvals',
    summary: "Give the manager's approval (answer, compensation, decision on an exception)",
    description: 'policy 2.4, 2.6. Manager only.',
    body: approvalInput,
    run: actions.giveApproval,
  },
  {
    path: 'approval-refusals',
    summary: "Refuse what the handler asked the manager's approval for",
    description:
      'policy 2.3, 2.4, 2.6. Manager only; answers an open request (409 `approval_not_requested` without one, `approval_already_decided` once approved), with a reason.',
    body: approvalRefusalInput,
    run: actions.refuseApproval,
  },
  {
    path: 'legal-advice',
    summary: "Record the legal adviser's advice",
    description: 'policy 2.6. Legal adviser only.',
    body: legalAdviceInput,
    run: (w, b: z.infer<typeof legalAdviceInput>) => actions.recordLegalAdvice(w, b.summary),
  },
  {
    path: 'compensation-paid',
    summary: 'Record that the approved compensation was paid',
    description: 'policy 2.4',
    body: compensationPaidInput,
    run: (w, b: z.infer<typeof compensationPaidInput>) => actions.markCompensationPaid(w, b.paidAt),
  },
  {
    path: 'extensions',
    summary: 'Extend the term (manager), with reason and notice to the complainant',
    description: 'policy 2.3',
    body: extensionInput,
    run: actions.extendTerm,
  },
  {
    path: 'answer',
    summary: 'Answer the complaint (to the complainant, cc manager and management assistant)',
    description: 'policy 2.3, 2.4, 2.6. Refused with the first blocker while something is missing.',
    body: answerInput,
    run: actions.answer,
  },
  {
    path: 'policy-finding',
    summary: "The manager's choice on a wrong or missing policy: the MT agenda or an exception",
    description:
      'policy 2.4, 3.1. Manager only. The MT item is made once; the answer does not add it again. Also after a withdrawal.',
    body: policyFindingInput,
    run: paths.decidePolicyFindingRoute,
  },
  {
    path: 'explanation',
    summary:
      "Explain why the complaint is outside the procedure (by e-mail, or as a letter to post) or, on the board's track, that the board looks at it",
    description:
      'policy 2.5. Without an e-mail address the letter is prepared (`explanation_prepared`) and the complaint stays ' +
      "open until somebody records the day it was posted. On the board's track (suspected criminal offence) a neutral text: " +
      'not handled in the complaints procedure, the board looks at it.',
    run: paths.explainOutsideProcedure,
  },
  {
    path: 'letter-posted',
    summary: 'Record the day the prepared explanation letter was posted',
    description:
      'policy 2.5. Management assistants and whoever handles the complaint. The posting day counts as the day of the explanation.',
    body: letterPostedInput,
    run: paths.markLetterPosted,
  },
  { path: 'close', summary: 'Close the complaint', description: 'policy 2.4, 1.3', run: actions.close },
  {
    path: 'withdraw',
    summary: 'Record that the complainant withdrew the complaint',
    description: 'policy 1.3',
    body: withdrawInput,
    run: actions.withdraw,
  },
  {
    path: 'criminal-offence',
    summary:
      "Flag a suspected criminal offence (informs the board, makes the complaint confidential; an open complaint goes onto the board's track and its term stops)",
    description: 'policy 2.5',
    run: actions.flagCriminalOffence,
  },
  {
    path: 'board-track/decision',
    summary: "Record the board's decision on a suspected criminal offence (board only)",
    description:
      "policy 2.5. Not on the board's track: 409 not_on_board_track; after a final decision: 409 board_track_decided.",
    body: boardTrackDecisionInput,
    run: actions.decideBoardTrack,
  },
  {
    path: 'confidential',
    summary: 'Mark the complaint confidential, with a reason',
    description:
      'policy 1.3, 2.5. Who may: the handler, the accountable manager, MT, board or privacy officer. Already confidential: 409 `already_confidential`; no reason: 422.',
    body: confidentialityInput,
    run: markConfidential,
  },
  {
    path: 'confidential/lift',
    summary: 'Lift the confidentiality, with a reason',
    description:
      'policy 1.3, 2.5. Who may: the accountable manager, MT or board; a suspected criminal offence only the board. Not confidential: 409 `not_confidential`; no reason: 422.',
    body: liftConfidentialityInput,
    run: liftConfidentiality,
  },
  {
    path: 'committee',
    summary: 'Refer to the regional complaints committee',
    description: 'policy 1.3',
    run: actions.referToCommittee,
  },
  {
    path: 'committee/reference',
    summary: "Record the committee's case reference",
    description: 'policy 1.3',
    body: committeeReferenceInput,
    run: actions.recordCommitteeReference,
  },
  {
    path: 'committee/ruling',
    summary: "Record the committee's ruling",
    description: 'policy 1.3',
    body: committeeRulingInput,
    run: actions.recordCommitteeRuling,
  },
  {
    path: 'committee/board-decision',
    summary: "Record the board's decision on the committee's advice (board only)",
    description: 'policy 1.3',
    body: boardDecisionInput,
    run: actions.recordBoardDecision,
  },
  {
    path: 'committee/follow-up',
    summary: "Record the follow-up of the board's decision",
    description: 'policy 1.3',
    body: committeeFollowUpInput,
    run: actions.recordCommitteeFollowUp,
  },
  {
    path: 'housing-complex',
    summary: 'Change the housing complex the complaint is registered with, with a reason',
    description:
      'policy 2.2. Who may: handler or their manager. The timeline keeps from, to and the reason ' +
      '(event housing_complex_changed); the same complex again or an empty reason is refused with 422.',
    body: changeHousingComplexInput,
    run: changeHousingComplex,
  },
  {
    path: 'complainant-locale',
    summary: "Change the complainant's language (nl, en, tr, ar, pl)",
    description:
      'Issue 21, policy 1.1. Who may: whoever may see the complaint (as for a contact moment). Later mails and ' +
      'letters to the complainant are in this language (decision 028); ' +
      'the timeline keeps from and to (event complainant_locale_changed). The language it already has is ' +
      'refused with 422 complainant_locale_unchanged; an unknown language with 400.',
    body: changeComplainantLocaleInput,
    run: changeComplainantLocale,
  },
  {
    path: 'merge',
    summary: 'Merge this complaint (B), received twice, into another one (A)',
    description:
      'Issue 22 (decision 035). Who may: whoever may handle both complaints (handler or their manager). B gets ' +
      'the status `merged` and points to A (`mergedInto`); A keeps the reference and its timeline records the ' +
      'merge (event complaint_merged_in), B keeps its own timeline (event merged_into). B no longer counts in ' +
      "figures or term monitoring; its status link shows A's progress. The same merge again answers B unchanged; " +
      'B already merged elsewhere is a 409 already_merged; A merged or ended, or another complainant, is refused.',
    body: mergeInput,
    run: mergeComplaint,
  },
];

/** Who may take the step and when, as the catalogue says (shown in the OpenAPI description). */
function describeRule(path: ComplaintActionPath): string {
  const rule = getActionRule(path);
  const when = rule.lifecycle
    ? `the lifecycle step \`${rule.lifecycle}\` allows it`
    : 'the catalogue offers it';
  return `Permission \`${rule.permission}\`; ${when} in: ${listActionStatuses(path).join(', ')}.`;
}

export const complaintActionRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  for (const action of ACTION_ROUTES) {
    app.post(
      `/api/complaints/:id/${action.path}`,
      {
        config: { tokenScopes: TOKEN_SCOPES },
        schema: {
          tags: ['complaint actions'],
          summary: action.summary,
          description: `${action.description} ${describeRule(action.path)} Refused steps answer 409/422 with the domain's reason code.`,
          params: complaintIdParams,
          headers: ifMatchHeaders,
          ...(action.body ? { body: action.body } : {}),
          response: { 200: complaintDetail },
        },
      },
      async (request, reply) => {
        const write = {
          db,
          principal: anyCaller(request),
          id: request.params.id,
          ifMatch: parseIfMatch(request.headers['if-match']),
        };
        return sendWithEtag(reply, 200, await action.run(write, (request.body ?? {}) as never));
      },
    );
  }
};
