import type { z } from 'zod';
import type {
  AssessmentInputBody,
  answerInput,
  approvalInput,
  approvalRefusalInput,
  approvalRequestInput,
  boardDecisionInput,
  boardTrackDecisionInput,
  committeeFollowUpInput,
  committeeReferenceInput,
  committeeRulingInput,
  contactInput,
  extensionInput,
  TriageInputBody,
  withdrawInput,
} from '../../../contract/complaints.ts';
import {
  type Approval,
  type Assessment,
  type CommitteeCase,
  type ComplaintActionPath,
  type ComplaintCategory,
  type ComplaintSubject,
  checkBoardTrackOpen,
  confidentialityOnCriminalSuspicion,
  findCommitteePrecedent,
  getActionRule,
  isActionOffered,
  isResponsibleManager,
  type ManagerTakesReason,
  type Role,
  referPolicyFinding,
  type TriageInput,
} from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { AppError, unknownReference } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { domainActor, toAccess } from './access/complaint-access.ts';
import * as repository from './complaint.repository.ts';
import {
  confidentialityColumns,
  confidentialityOf,
  markedConfidentialEvent,
} from './complaint-confidentiality.service.ts';
import {
  type MutationContext,
  type MutationResult,
  mutateComplaint,
  transition,
} from './complaint-mutation.service.ts';
import { requireRepeatManager, routingStart, withRoute } from './complaint-transfer.service.ts';
import { reviveDates } from './mappers/complaint-state.mapper.ts';
import { type RoutingAsk, routeComplaint } from './routing/complaint-routing.ts';

type TriageSubjectInput = Extract<TriageInputBody, { outcome: 'complaint' }>['subject'];

export type Write = { db: Database; principal: Principal; id: string; ifMatch: number | undefined };

/**
 * One write on the complaint in `w`: the step on `path` in the domain's action catalogue, checked against its
 * permission and the caller's If-Match.
 */
function write(
  w: Write,
  path: ComplaintActionPath,
  mutate: (ctx: MutationContext) => Promise<MutationResult> | MutationResult,
) {
  const { permission } = getActionRule(path);
  return mutateComplaint(w.db, w.principal, w.id, { permission, ifMatch: w.ifMatch }, mutate);
}

function approvalOf(ctx: MutationContext, role: Role): Approval {
  return { byUserId: domainActor(ctx.principal, role).userId, role, at: ctx.now };
}

/** A step outside the lifecycle is accepted only in the statuses the catalogue offers it in. */
function requireOffered(ctx: MutationContext, path: ComplaintActionPath) {
  if (!isActionOffered(path, ctx.state.status)) throw new AppError('transition_not_allowed');
}

/** Is it a complaint, not a complaint, or outside the procedure (policy 1.2, 2.5)? */
export function triage(w: Write, input: TriageInputBody) {
  return write(w, 'triage', async (ctx) => {
    const flags = {
      suspectedCriminalOffence: input.suspectedCriminalOffence,
      allegesDiscriminationByStaff: input.allegesDiscriminationByStaff,
    };
    // policy 2.5 f: another complaint on this matter at the regional committee makes this one a precedent case
    const matter = await repository.listMatter(ctx.trx, ctx.row.matter_id);
    const precedent = findCommitteePrecedent(
      matter
        .filter((c) => c.id !== ctx.row.id && c.committee !== null)
        .map((c) => ({ matterId: c.matter_id, committee: reviveDates<CommitteeCase>(c.committee) })),
      ctx.row.matter_id,
    );
    if (input.outcome === 'not_a_complaint') {
      return transition(ctx, {
        type: 'refer_as_not_a_complaint',
        triage: { outcome: 'not_a_complaint', kind: input.kind, note: input.note ?? null, ...flags },
      });
    }
    if (input.outcome === 'outside_procedure') {
      const result = transition(ctx, {
        type: 'decline_outside_procedure',
        triage: {
          outcome: 'outside_procedure',
          ground: input.ground,
          referralDetail: input.referralDetail ?? null,
          ...flags,
        },
        precedent,
      });
      return withCriminalSuspicion(ctx, result, input.suspectedCriminalOffence, {});
    }
    const subject = await resolveSubject(ctx, input.subject);
    const triageInput: TriageInput = {
      outcome: 'complaint',
      category: input.category,
      subject: subject.domain,
      ...flags,
    };
    const accepted = transition(ctx, { type: 'accept_as_complaint', triage: triageInput, precedent });
    // policy 1.3: the complaint goes to the person (or department) it concerns
    const result = await routeAtTriage(
      ctx,
      accepted,
      input.category,
      subject.routing,
      input.managerTakes ?? null,
      input.suspectedCriminalOffence,
    );
    // policy 1.3: a complaint about an employee is talked through with them, so that alone is no reason for
    // confidentiality (marking it stays possible, with a reason); a suspected offence is (policy 2.5)
    return withCriminalSuspicion(ctx, result, input.suspectedCriminalOffence, {
      ...subject.columns,
      ...result.columns,
    });
  });
}

/**
 * Applies the route the triage's subject asks for. In an employee-caused repeat the manager decides who
 * handles it (policy 2.6), so only the concerned department is recorded there.
 */
async function routeAtTriage(
  ctx: MutationContext,
  accepted: MutationResult,
  category: ComplaintCategory,
  subject: Extract<RoutingAsk, { kind: 'triage' }>['subject'],
  managerTakes: ManagerTakesReason | null,
  suspectedCriminalOffence: boolean,
): Promise<MutationResult> {
  // policy 1.3: the organisation's rule may send a complaint about an employee's conduct to their manager
  const routed = await routeComplaint(ctx.trx, routingStart(ctx.row), {
    kind: 'triage',
    category,
    subject,
    managerTakes,
    suspectedCriminalOffence,
  });
  if (ctx.state.repeat?.managingManagerId)
    return { ...accepted, columns: { concerned_department_id: routed.route.concernedDepartmentId } };
  return withRoute(ctx, accepted, routed);
}

/** policy 2.5: a suspected criminal offence makes the complaint confidential with that reason. */
function withCriminalSuspicion(
  ctx: MutationContext,
  result: MutationResult,
  suspected: boolean,
  columns: Record<string, unknown>,
): MutationResult {
  if (!suspected) return { ...result, columns };
  const current = confidentialityOf(ctx.row);
  const { confidentiality, changed } = confidentialityOnCriminalSuspicion(current);
  if (!changed) return { ...result, columns };
  return {
    ...result,
    columns: { ...columns, ...confidentialityColumns(confidentiality) },
    events: [...result.events, markedConfidentialEvent(confidentiality, current)],
  };
}

async function resolveSubject(
  ctx: MutationContext,
  subject: TriageSubjectInput,
): Promise<{
  domain: ComplaintSubject;
  columns: Record<string, unknown>;
  routing: Extract<RoutingAsk, { kind: 'triage' }>['subject'];
}> {
  const none = { subject_employee_id: null, subject_department_id: null, subject_contractor_id: null };
  if (subject.kind === 'employee') {
    if ((await repository.findStaffMember(ctx.trx, subject.employeeId)) === undefined)
      throw unknownReference('subject.employeeId');
    return {
      domain: { kind: 'employee', employeeId: subject.employeeId },
      columns: { ...none, subject_employee_id: subject.employeeId },
      routing: subject,
    };
  }
  if (subject.kind === 'department') {
    if ((await repository.findDepartment(ctx.trx, subject.departmentId)) === undefined)
      throw unknownReference('subject.departmentId');
    return {
      domain: { kind: 'department', departmentId: subject.departmentId },
      columns: { ...none, subject_department_id: subject.departmentId },
      routing: subject,
    };
  }
  if (subject.kind === 'none') return { domain: subject, columns: none, routing: subject };
  const contractor = await repository.findContractor(ctx.trx, subject.contractorId);
  if (contractor === undefined) throw unknownReference('subject.contractorId');
  return {
    domain: { kind: 'contractor', contractorName: contractor.name },
    columns: { ...none, subject_contractor_id: contractor.id },
    routing: { kind: 'contractor', responsibleDepartmentId: contractor.responsible_department_id },
  };
}

/** policy 2.6: a repeat after the last response is recorded and closed without a new answer. */
export function recordWithoutAnswerDuty(w: Write) {
  return write(w, 'record-without-answer-duty', (ctx) =>
    transition(ctx, { type: 'record_without_answer_duty' }),
  );
}

export function assignHandler(w: Write, handlerId: string) {
  return write(w, 'assign', async (ctx) => {
    // Anyone may pick up an unassigned complaint, but only for themselves; handing it to others is the manager's (policy 2.6)
    const principal = ctx.principal;
    if (
      principal.kind === 'staff' &&
      !isResponsibleManager(principal, toAccess(ctx.row)) &&
      handlerId !== principal.userId
    )
      throw new AppError('forbidden', { detail: 'Only the manager assigns a complaint to someone else.' });
    const handler = await repository.findStaffMember(ctx.trx, handlerId);
    if (handler === undefined) throw unknownReference('handlerId');
    if (!handler.active) throw new AppError('handler_inactive');
    const role: Role =
      ctx.principal.kind === 'staff' && ctx.principal.roles.includes('manager') ? 'manager' : 'employee';
    let result: MutationResult;
    if (ctx.state.status === 'new') {
      // Before triage the handler is simply picked up or handed on; the lifecycle starts with the triage
      requireRepeatManager(ctx);
      result = {
        state: { ...ctx.state, handlerId },
        events: [
          {
            type: 'assign_handler',
            payload: { handlerId, previousHandlerId: ctx.state.handlerId, from: 'new', to: 'new' },
          },
        ],
      };
    } else {
      const assigned = transition(ctx, { type: 'assign_handler', handlerId }, role);
      result = {
        ...assigned,
        events: assigned.events.map((e) => ({
          ...e,
          payload: { ...e.payload, handlerId, previousHandlerId: ctx.state.handlerId },
        })),
      };
    }
    // policy 1.3, 2.3: a handler of another department takes the complaint there; manager and cc follow
    if (handler.department_id === null || handler.department_id === ctx.row.department_id) return result;
    const routed = await routeComplaint(ctx.trx, routingStart(ctx.row), {
      kind: 'transfer',
      departmentId: handler.department_id,
      handlerId,
    });
    return withRoute(ctx, result, routed);
  });
}

/** policy 1.4: every contact moment is recorded, by whoever has it. */
export function logContact(w: Write, input: z.infer<typeof contactInput>) {
  return write(w, 'contacts', (ctx) => {
    const contactAt = input.at === undefined ? ctx.now : new Date(input.at);
    if (contactAt.getTime() > ctx.now.getTime() + 60_000) throw new AppError('received_in_future');
    return {
      events: [
        {
          type: 'contact_logged',
          contactKind: input.kind,
          contactDirection: input.direction,
          summary: input.summary,
          payload: { contactAt: contactAt.toISOString() },
        },
      ],
    };
  });
}

export function addNote(w: Write, text: string) {
  return write(w, 'notes', () => ({
    events: [{ type: 'note_added', summary: text }],
    noteText: text,
  }));
}

/** policy 2.3: "alleen bij uitzondering" in writing only — the reason is recorded. */
export function setWrittenOnlyReason(w: Write, reason: string) {
  return write(w, 'written-only', (ctx) => {
    requireOffered(ctx, 'written-only');
    return {
      state: { ...ctx.state, writtenOnlyReason: reason },
      events: [{ type: 'written_only_reason_recorded', summary: reason }],
    };
  });
}

/** policy 2.4: the assessment against policy; approvals already given stay only while their subject is unchanged. */
export function recordAssessment(w: Write, input: AssessmentInputBody) {
  return write(w, 'assessment', (ctx) => {
    requireOffered(ctx, 'assessment');
    const previous = ctx.state.assessment;
    let assessment: Assessment;
    if (input.kind === 'policy_not_followed') {
      const cents = input.compensationCents ?? null;
      const kept =
        previous?.kind === 'policy_not_followed' && previous.compensation?.amountCents === cents
          ? previous.compensation.approval
          : null;
      assessment = {
        kind: 'policy_not_followed',
        verdict: input.verdict,
        apologyOffered: input.apologyOffered,
        errorAdmitted: input.errorAdmitted,
        demonstrableDamage: input.demonstrableDamage,
        compensation: cents === null ? null : { amountCents: cents, approval: kept, paidAt: null },
      };
    } else {
      const same = previous?.kind === 'disagrees_with_policy' && previous.finding === input.finding;
      assessment = {
        kind: 'disagrees_with_policy',
        verdict: input.verdict,
        discussedWithColleagues: input.discussedWithColleagues,
        finding: input.finding,
        explanation: input.explanation ?? null,
        managerDecision: same ? previous.managerDecision : null,
        managementTeamAgenda: same ? (previous.managementTeamAgenda ?? null) : null,
      };
    }
    const suggestions = input.improvementSuggestions ?? null;
    return {
      state: { ...ctx.state, assessment },
      // policy 2.4: a wrong or missing policy goes to the accountable manager now, not only with the answer
      effects: referPolicyFinding(previous, assessment),
      columns: { improvement_suggestions: suggestions },
      events: [
        {
          type: 'assessment_recorded',
          payload: {
            kind: assessment.kind,
            verdict: assessment.verdict,
            improvementSuggestions: suggestions !== null,
          },
        },
      ],
    };
  });
}

export function requestApproval(w: Write, input: z.infer<typeof approvalRequestInput>) {
  return write(w, 'approval-requests', (ctx) => {
    requireOffered(ctx, 'approval-requests');
    return {
      events: [
        {
          type: 'approval_requested',
          summary: input.note ?? null,
          payload: {
            subject: input.subject,
            managerId: ctx.state.repeat?.managingManagerId ?? ctx.state.responsibleManagerId,
          },
        },
      ],
    };
  });
}

/** The manager says no to a requested approval (issue 22): on the timeline with the reason; the state stays. */
export function refuseApproval(w: Write, input: z.infer<typeof approvalRefusalInput>) {
  return write(w, 'approval-refusals', (ctx) => {
    requireOffered(ctx, 'approval-refusals');
    return {
      events: [{ type: 'approval_refused', summary: input.reason, payload: { subject: input.subject } }],
    };
  });
}

/** The manager's approvals (policy 2.3, 2.4, 2.6): of the answer, of compensation, or a decision on an exception. */
export function giveApproval(w: Write, input: z.infer<typeof approvalInput>) {
  return write(w, 'approvals', (ctx) => {
    requireOffered(ctx, 'approvals');
    const approval = approvalOf(ctx, 'manager');
    const event = {
      type: 'approval_given',
      summary: input.text ?? null,
      payload: { subject: input.subject },
    };
    if (input.subject === 'answer')
      return { state: { ...ctx.state, managerApproval: approval }, events: [event] };
    const assessment = ctx.state.assessment;
    if (input.subject === 'compensation') {
      if (assessment?.kind !== 'policy_not_followed' || assessment.compensation === null)
        throw new AppError('compensation_requires_demonstrable_damage');
      return {
        state: {
          ...ctx.state,
          assessment: { ...assessment, compensation: { ...assessment.compensation, approval } },
        },
        events: [
          { ...event, payload: { ...event.payload, amountCents: assessment.compensation.amountCents } },
        ],
      };
    }
    if (assessment?.kind !== 'disagrees_with_policy' || assessment.finding !== 'policy_wrong_in_this_case')
      throw new AppError('transition_not_allowed', {
        detail: 'A manager decision belongs to a “policy wrong in this case” assessment.',
      });
    if (input.text == null) throw new AppError('manager_decision_required');
    return {
      state: {
        ...ctx.state,
        assessment: { ...assessment, managerDecision: { approval, text: input.text } },
      },
      events: [event],
    };
  });
}

/** policy 2.6: the legal adviser's advice on a lawyer-escalated repeat. */
export function recordLegalAdvice(w: Write, summary: string) {
  return write(w, 'legal-advice', (ctx) => {
    requireOffered(ctx, 'legal-advice');
    return {
      state: { ...ctx.state, legalAdvice: { approval: approvalOf(ctx, 'legal'), summary } },
      events: [{ type: 'legal_advice_given', summary }],
    };
  });
}

/** policy 2.4: approved compensation is paid before the complaint closes. */
export function markCompensationPaid(w: Write, paidAt: string | undefined) {
  return write(w, 'compensation-paid', (ctx) => {
    requireOffered(ctx, 'compensation-paid');
    const assessment = ctx.state.assessment;
    if (assessment?.kind !== 'policy_not_followed' || assessment.compensation?.approval == null)
      throw new AppError('compensation_requires_approval');
    const at = paidAt === undefined ? ctx.now : new Date(paidAt);
    return {
      state: {
        ...ctx.state,
        assessment: { ...assessment, compensation: { ...assessment.compensation, paidAt: at } },
      },
      events: [
        {
          type: 'compensation_paid',
          payload: { amountCents: assessment.compensation.amountCents, paidAt: at.toISOString() },
        },
      ],
    };
  });
}

/** policy 2.3: only the manager moves the due date, with a reason and a notice to the complainant. */
export function extendTerm(w: Write, input: z.infer<typeof extensionInput>) {
  return write(w, 'extensions', (ctx) => {
    const result = transition(
      ctx,
      {
        type: 'extend_term',
        request: {
          newDueDay: input.newDueDay,
          reason: input.reason,
          managerApproval: approvalOf(ctx, 'manager'),
          noticeText: input.noticeText,
        },
      },
      'manager',
    );
    return {
      ...result,
      events: result.events.map((e) => ({
        ...e,
        summary: input.reason,
        payload: { ...e.payload, newDueDay: input.newDueDay },
      })),
    };
  });
}

/** policy 2.3: the answer goes to the complainant with a cc to the manager and management assistant. */
export function answer(w: Write, input: z.infer<typeof answerInput>) {
  return write(w, 'answer', (ctx) => {
    const result = transition(ctx, {
      type: 'answer',
      draft: {
        adoptsLegalAdvice: input.adoptsLegalAdvice,
        standsByEarlierDecision: input.standsByEarlierDecision,
        statesLastResponse: input.statesLastResponse,
      },
    });
    const sent = result.effects?.find((e) => e.type === 'send_answer');
    return {
      ...result,
      columns: {
        answer_text: input.text,
        answer_recipients: sent?.type === 'send_answer' ? JSON.stringify(sent.recipients) : null,
      },
    };
  });
}

export function close(w: Write) {
  return write(w, 'close', (ctx) => transition(ctx, { type: 'close' }));
}

export function withdraw(w: Write, input: z.infer<typeof withdrawInput>) {
  return write(w, 'withdraw', (ctx) => {
    const result = transition(ctx, { type: 'withdraw', reason: input.reason });
    return { ...result, events: result.events.map((e) => ({ ...e, summary: input.reason })) };
  });
}

/** policy 2.5: a suspected criminal offence goes to the board at once; the complaint becomes confidential. */
export function flagCriminalOffence(w: Write) {
  return write(w, 'criminal-offence', async (ctx) => {
    const flagged = transition(ctx, { type: 'flag_criminal_offence' });
    // policy 2.5: the employee suspected does not go on handling the complaint about it; their manager takes it
    const suspect = ctx.row.subject_kind === 'employee' ? ctx.row.subject_employee_id : null;
    const result =
      suspect !== null && suspect === ctx.row.handler_id
        ? withRoute(
            ctx,
            flagged,
            await routeComplaint(ctx.trx, routingStart(ctx.row), {
              kind: 'triage',
              category: ctx.row.category as ComplaintCategory | null,
              subject: { kind: 'employee', employeeId: suspect },
              managerTakes: null,
              suspectedCriminalOffence: true,
            }),
          )
        : flagged;
    return withCriminalSuspicion(ctx, result, true, result.columns ?? {});
  });
}

/** policy 1.3: the complainant who is not satisfied can go to the regional complaints committee. */
export function referToCommittee(w: Write) {
  return write(w, 'committee', (ctx) => transition(ctx, { type: 'refer_to_committee' }));
}

export function recordCommitteeReference(w: Write, input: z.infer<typeof committeeReferenceInput>) {
  return write(w, 'committee/reference', (ctx) =>
    withPayload(transition(ctx, { type: 'record_committee_reference', reference: input.reference }), {
      reference: input.reference,
    }),
  );
}

export function recordCommitteeRuling(w: Write, input: z.infer<typeof committeeRulingInput>) {
  return write(w, 'committee/ruling', (ctx) => {
    const at = input.at === undefined ? ctx.now : new Date(input.at);
    const ruling = { at, verdict: input.verdict, summary: input.summary };
    return withPayload(
      transition(ctx, { type: 'record_committee_ruling', ruling }),
      { verdict: input.verdict },
      input.summary,
    );
  });
}

/** policy 1.3: the board decides on the committee's advice. */
export function recordBoardDecision(w: Write, input: z.infer<typeof boardDecisionInput>) {
  return write(w, 'committee/board-decision', (ctx) => {
    const decision = {
      approval: approvalOf(ctx, 'board'),
      adoptsAdvice: input.adoptsAdvice,
      text: input.text,
    };
    return withPayload(
      transition(ctx, { type: 'record_board_decision', decision }, 'board'),
      { adoptsAdvice: input.adoptsAdvice },
      input.text,
    );
  });
}

/** policy 2.5: the board decides on a suspected criminal offence; a refused decision changes nothing. */
export function decideBoardTrack(w: Write, input: z.infer<typeof boardTrackDecisionInput>) {
  return write(w, 'board-track/decision', (ctx) => {
    const problem = checkBoardTrackOpen(ctx.state.boardTrack);
    if (problem !== null) throw new AppError(problem);
    const decision = { kind: input.decision, text: input.text };
    return withPayload(
      transition(ctx, { type: 'decide_board_track', decision }, 'board'),
      { decision: input.decision },
      input.text,
    );
  });
}

export function recordCommitteeFollowUp(w: Write, input: z.infer<typeof committeeFollowUpInput>) {
  return write(w, 'committee/follow-up', (ctx) => {
    const followUp = { at: input.at === undefined ? ctx.now : new Date(input.at), text: input.text };
    return withPayload(transition(ctx, { type: 'record_committee_follow_up', followUp }), {}, input.text);
  });
}

function withPayload(
  result: MutationResult,
  payload: Record<string, unknown>,
  summary?: string,
): MutationResult {
  return {
    ...result,
    events: result.events.map((e, i) =>
      i === 0
        ? { ...e, payload: { ...e.payload, ...payload }, ...(summary === undefined ? {} : { summary }) }
        : e,
    ),
  };
}
