import { type AnswerRequirements, NO_EXTRA_REQUIREMENTS } from './answer-guards.ts';

export const LAWYER_INVOLVEMENT = {
  none: 'Geen',
  written_by_lawyer: 'Geschreven door een jurist',
  lawyer_threatened: 'Dreigt met een jurist',
} as const;
export type LawyerInvolvement = keyof typeof LAWYER_INVOLVEMENT;

export const EMPLOYEE_RESPONSE_CAUSES = {
  late: 'Te laat',
  no_answer: 'Niet',
  poor_answer: 'Ongelukkig',
} as const;
export type EmployeeResponseCause = keyof typeof EMPLOYEE_RESPONSE_CAUSES;

/** An earlier repeat on the same matter where the complainant disagreed, oldest first. */
export type EarlierRepeat = Readonly<{ newFacts: boolean }>;

export type RepeatInput = Readonly<{ earlierComplaintId: string; lawyer: LawyerInvolvement }> &
  (
    | {
        readonly kind: 'disagrees_with_decision';
        readonly newFacts: boolean;
        readonly earlierRepeats: readonly EarlierRepeat[];
      }
    | {
        readonly kind: 'employee_response';
        readonly cause: EmployeeResponseCause;
        readonly employeeId: string;
        readonly managerId: string;
      }
  );

// The rungs of policy 2.6.
export const REPEAT_RUNGS = {
  reassess: 'Nieuwe feiten: opnieuw beoordelen (2.4)',
  stand_by: 'Geen nieuwe feiten: bij de beslissing blijven, met begrip',
  last_response: 'Weer geen nieuwe feiten: laatste reactie op deze kwestie',
  record_only: 'Vastgelegd, geen nieuwe antwoordplicht',
  manager_led: 'Ontstaan door reactie medewerker: leidinggevende stuurt',
} as const;
export type RepeatRung = keyof typeof REPEAT_RUNGS;

export type RepeatEffect =
  | { readonly type: 'request_legal_advice' }
  | { readonly type: 'consult_manager'; readonly managerId: string }
  | {
      readonly type: 'count_employee_repeat_event';
      readonly employeeId: string;
      readonly cause: EmployeeResponseCause;
    };

export type RepeatClassification = Readonly<{
  earlierComplaintId: string;
  rung: RepeatRung;
  answerDuty: boolean;
  requirements: AnswerRequirements;
  /** The manager who decides the handler and owns the term, when 2.6 hands control to the manager. */
  managingManagerId: string | null;
  effects: readonly RepeatEffect[];
}>;

/** Trailing run of earlier repeats without new facts; new facts start the ladder again (policy 2.6). */
export function countRepeatsWithoutNewFacts(earlier: readonly EarlierRepeat[]): number {
  let streak = 0;
  for (const repeat of earlier) streak = repeat.newFacts ? 0 : streak + 1;
  return streak;
}

function chooseDisagreementRung(newFacts: boolean, earlier: readonly EarlierRepeat[]): RepeatRung {
  if (newFacts) return 'reassess'; // policy 2.6: new facts/evidence → procedure of 2.4
  const streak = countRepeatsWithoutNewFacts(earlier);
  if (streak === 0) return 'stand_by'; // policy 2.6: stand by the decision, show understanding
  if (streak === 1) return 'last_response'; // policy 2.6: "de laatste keer dat we reageren op deze kwestie"
  return 'record_only'; // policy 2.6: after the last response there is nothing new to answer
}

/** Which rung of policy 2.6 a repeat complaint is on, and what that demands of its answer. */
export function classifyRepeat(input: RepeatInput): RepeatClassification {
  const lawyer = input.lawyer !== 'none'; // policy 2.6: written by, or threatening, a lawyer
  const effects: RepeatEffect[] = lawyer ? [{ type: 'request_legal_advice' }] : [];
  if (input.kind === 'employee_response') {
    // policy 2.6: employee consults the manager; the manager decides the handler, approves, watches the term
    effects.push({ type: 'consult_manager', managerId: input.managerId });
    // policy 2.6: "komt dit vaker voor dan weegt dit mee in de beoordeling van deze medewerker"
    effects.push({ type: 'count_employee_repeat_event', employeeId: input.employeeId, cause: input.cause });
    return {
      earlierComplaintId: input.earlierComplaintId,
      rung: 'manager_led',
      answerDuty: true,
      requirements: {
        ...NO_EXTRA_REQUIREMENTS,
        managerApproval: true,
        approvingManagerId: input.managerId,
        legalAdvice: lawyer,
      },
      managingManagerId: input.managerId,
      effects,
    };
  }
  const rung = chooseDisagreementRung(input.newFacts, input.earlierRepeats);
  return {
    earlierComplaintId: input.earlierComplaintId,
    rung,
    // policy 2.6: a lawyer's escalation is always put to legal and answered, even past the last response
    answerDuty: rung !== 'record_only' || lawyer,
    requirements: {
      ...NO_EXTRA_REQUIREMENTS,
      legalAdvice: lawyer,
      standByDecision: rung === 'stand_by' || rung === 'last_response',
      lastResponseStatement: rung === 'last_response',
    },
    managingManagerId: null,
    effects,
  };
}
