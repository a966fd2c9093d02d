import {
  addWorkingDays,
  type BoardTrackDecisionKind,
  type CalendarSettings,
  CONFIDENTIALITY_REASONS,
  openComplaint,
  toLocalDate,
} from '../../domain/index.ts';
import { afterAnswer, assess, obtainRequirements } from './complaint-answer-steps.ts';
import {
  DAY,
  type History,
  type HistoryInput,
  HOUR,
  officeTime,
  Simulation,
} from './complaint-simulation.ts';
import {
  complainantReacts,
  complainantWrites,
  summarizeContact,
  summarizeReply,
  writeAnswer,
} from './complaint-texts.ts';
import type { Random } from './random.ts';

// Walks one complaint through the real lifecycle of src/domain, step by step, up to the reference date:
// every status, term, approval and timeline event is what the application itself would have stored.

export type { History, HistoryInput, Nature } from './complaint-simulation.ts';
export { officeTime } from './complaint-simulation.ts';
export { toStateRow } from './state-row.ts';

const WRITTEN_ONLY_REASONS = [
  'Klager is slechthorend en heeft gevraagd alleen schriftelijk te communiceren.',
  'Klager wil uitdrukkelijk alleen per e-mail contact; telefonisch niet bereikbaar na meerdere pogingen.',
];
const WITHDRAWAL_REASONS = [
  'Klager geeft aan dat het probleem inmiddels is opgelost.',
  'Klager ziet af van de klacht na het telefoongesprek.',
];
const NOTES = [
  'Foto’s van de schade ontvangen per e-mail en bij het dossier gevoegd.',
  'Navraag gedaan bij de aannemer; de werkbon klopt niet met wat klager zegt.',
  'Overlegd met de opzichter over de mogelijke oplossing.',
  'Klager heeft een kopie van de eerdere brief gestuurd.',
];
const ASSESSMENT_NOTES = [
  'Werkbon en foto’s van de aannemer opgevraagd en vergeleken met de melding.',
  'Beoordeling besproken in het teamoverleg; collega’s herkennen het probleem in dit complex.',
  'Klachtenhistorie van dit adres nagekeken: eerdere meldingen over hetzelfde gebrek.',
  'Opzichter heeft de situatie ter plaatse beoordeeld; verslag toegevoegd.',
];
const REFERRAL_CALLS = [
  'Klager gebeld en uitgelegd dat de melding als reparatieverzoek is doorgezet; de planner neemt contact op.',
  'Telefonisch toegelicht dat dit geen klacht is maar een melding, en wie het nu oppakt.',
  'Klager gebeld; zij begrijpt dat de melding naar de wijkbeheerder is doorgestuurd.',
];
const BOARD_DECISION_TEXTS: Record<BoardTrackDecisionKind, string> = {
  report_to_police: 'De directie doet aangifte; het dossier gaat naar de politie.',
  internal_investigation: 'De directie laat eerst intern onderzoek doen naar wat er is gebeurd.',
  back_to_procedure: 'Er is geen reden voor een strafrechtelijk vervolg; de klacht wordt gewoon behandeld.',
  no_further_action: 'Na bespreking in de directie volgt geen verdere actie.',
};
const EXTENSION_REASONS = [
  'De aannemer kan pas later langskomen om de schade te beoordelen.',
  'Voor een goede beoordeling is advies van de opzichter nodig.',
  'De behandelaar is ziek; een collega neemt het over.',
];

export function simulateComplaint(
  input: HistoryInput,
  settings: CalendarSettings,
  now: Date,
  random: Random,
): History {
  const opened = openComplaint(
    {
      receivedAt: input.receivedAt,
      channel: input.channel,
      responsibleManagerId: input.departmentManagerId,
      managementAssistantIds: input.assistantIds,
      repeat: input.repeat,
    },
    settings,
    input.registeredAt,
  );
  if (!opened.ok) throw new Error(`generator bug: ${opened.reason}`);
  const managerLed = input.repeat?.kind === 'employee_response';
  const state = { ...opened.state, handlerId: managerLed ? null : input.handlerId };
  const sim = new Simulation(input, state, settings, now, random);
  sim.event('registered', input.registeredBy, {
    payload: {
      channel: input.channel,
      receivedAt: input.receivedAt.toISOString(),
      dueAt: state.term.dueAt.toISOString(),
      repeatRung: state.repeat?.rung ?? null,
    },
  });
  sim.effects(opened.effects, input.registeredBy);
  runLifecycle(sim, input, random);
  const last = sim.events.at(-1);
  return {
    state: sim.state,
    columns: sim.columns,
    events: sim.events,
    boardNotifications: sim.boardNotifications,
    version: sim.version,
    lastEventAt: (last?.at as Date | undefined) ?? input.registeredAt,
  };
}

function runLifecycle(sim: Simulation, input: HistoryInput, random: Random) {
  const handler = input.handlerId;
  const flags = {
    suspectedCriminalOffence: input.suspectedCriminalOffence,
    allegesDiscriminationByStaff: false,
  };
  if (!sim.advance(0.5, 30)) return;
  const repeat = sim.state.repeat;
  if (repeat !== null && !repeat.answerDuty) {
    sim.transition({ type: 'record_without_answer_duty' }, handler); // policy 2.6
    return;
  }
  const nature = input.nature;
  if (nature.outcome === 'not_a_complaint') {
    const note = nature.kind === 'other' ? 'Doorgezet naar de wijkbeheerder.' : null;
    sim.transition(
      {
        type: 'refer_as_not_a_complaint',
        triage: { outcome: 'not_a_complaint', kind: nature.kind, note, ...flags },
      },
      handler,
    );
    // The handler usually phones to say where the signal went (referred to its own process, policy 2.1).
    if (random.chance(0.7) && sim.advance(1, 48)) {
      sim.update({ contacts: [...sim.state.contacts, { kind: 'phone', at: sim.clock }] });
      sim.event('contact_logged', handler, {
        contact_kind: 'phone',
        contact_direction: 'outbound',
        summary: random.pick(REFERRAL_CALLS),
        payload: { contactAt: sim.clock.toISOString() },
      });
    }
    return;
  }
  const outside =
    nature.outcome === 'outside_procedure'
      ? nature
      : input.precedentReference !== null
        ? { ground: 'handled_by_committee' as const, referralDetail: input.precedentReference }
        : null;
  if (outside !== null) {
    sim.transition(
      {
        type: 'decline_outside_procedure',
        triage: {
          outcome: 'outside_procedure',
          ground: outside.ground,
          referralDetail: outside.referralDetail,
          ...flags,
        },
        precedent: null,
      },
      handler,
    );
    markConfidential(sim, handler, input.suspectedCriminalOffence);
    if (sim.state.status === 'with_board' && !runBoardTrack(sim, input, random)) return;
    if (!sim.advance(2, 60)) return;
    const decided = sim.transition({ type: 'send_explanation' }, handler);
    const sent = decided.effects.find((e) => e.type === 'send_explanation');
    sim.columns.answer_text = sent?.type === 'send_explanation' ? sent.text : null;
    if (random.chance(0.35) && sim.advance(4, 96)) sim.complainantMessage(complainantReacts(random));
    return;
  }
  if (nature.outcome !== 'complaint') return;
  const discrimination = nature.category === 'treated_wrongly' && random.chance(0.04);
  sim.transition(
    {
      type: 'accept_as_complaint',
      triage: {
        outcome: 'complaint',
        category: nature.category,
        subject: nature.subject,
        ...flags,
        allegesDiscriminationByStaff: discrimination,
      },
      precedent: null,
    },
    handler,
  );
  Object.assign(sim.columns, nature.subjectColumn);
  // policy 1.3: a complaint about an employee is talked through with them, so it is not confidential for that
  markConfidential(sim, handler, input.suspectedCriminalOffence);
  if (sim.state.status === 'with_board' && !runBoardTrack(sim, input, random)) return;
  handleComplaint(sim, input, random);
}

/**
 * policy 2.5: the board's track — the complainant hears within the term that the complaint is not handled in
 * the procedure, the board decides (after an internal investigation, if it asks for one). True when the board
 * sends the complaint back into the procedure.
 */
function runBoardTrack(sim: Simulation, input: HistoryInput, random: Random): boolean {
  if (!sim.advance(1, 24)) return false;
  sim.transition({ type: 'send_explanation' }, input.handlerId);
  const decide = (kind: BoardTrackDecisionKind) => {
    const text = BOARD_DECISION_TEXTS[kind];
    sim.transition(
      { type: 'decide_board_track', decision: { kind, text } },
      input.boardId,
      'board',
      { decision: kind },
      text,
    );
  };
  if (!sim.advance(2, 72)) return false;
  let kind = random.pick([
    'report_to_police',
    'internal_investigation',
    'back_to_procedure',
    'no_further_action',
  ] as const);
  decide(kind);
  if (kind === 'internal_investigation') {
    if (!sim.advance(24, 240)) return false;
    kind = random.pick(['report_to_police', 'back_to_procedure', 'no_further_action'] as const);
    decide(kind);
  }
  return kind === 'back_to_procedure';
}

/** policy 2.5: a suspected criminal offence makes the complaint confidential, with that reason. */
function markConfidential(sim: Simulation, actor: string, suspectedCriminalOffence: boolean) {
  if (!suspectedCriminalOffence) return;
  sim.columns.confidential = true;
  sim.columns.confidential_reason_code = 'criminal_suspicion';
  sim.event('marked_confidential', actor, {
    summary: CONFIDENTIALITY_REASONS.criminal_suspicion.nl,
    payload: { reason: 'criminal_suspicion' },
  });
}

function handleComplaint(sim: Simulation, input: HistoryInput, random: Random) {
  const manager = sim.state.repeat?.managingManagerId ?? null;
  let handler = input.handlerId;
  if (manager !== null) {
    // policy 2.6: in an employee-caused repeat the manager decides who handles it
    if (!sim.advance(1, 16)) return;
    sim.transition({ type: 'assign_handler', handlerId: handler }, manager, 'manager', {
      handlerId: handler,
      previousHandlerId: null,
    });
  }
  handler = sim.state.handlerId ?? handler;
  if (!contactComplainant(sim, input, random, handler)) return;
  if (random.chance(0.03)) {
    if (!sim.advance(4, 60)) return;
    const reason = random.pick(WITHDRAWAL_REASONS);
    sim.transition({ type: 'withdraw', reason }, handler, 'employee', {}, reason);
    return;
  }
  const late = random.chance(0.12);
  if (random.chance(0.1) && !extendTerm(sim, input, random)) return;
  if (!sim.advance(4, 40)) return;
  const assessment = assess(sim, input, random);
  if (assessment === null) return;
  if (random.chance(0.45)) {
    if (!sim.advance(1, 24)) return;
    sim.note(random.pick(ASSESSMENT_NOTES), handler);
  }
  if (!obtainRequirements(sim, input)) return;
  const due = sim.state.term.dueAt.getTime();
  const target = late
    ? due + random.int(1, 10) * DAY
    : Math.min(due - 2 * HOUR, sim.clock.getTime() + random.int(2, 48) * HOUR);
  if (target > sim.clock.getTime()) sim.clock = officeTime(new Date(target - HOUR), random);
  if (sim.clock.getTime() > sim.nowTime()) return;
  const requirements = sim.state.repeat?.requirements;
  const decided = sim.transition(
    {
      type: 'answer',
      draft: {
        adoptsLegalAdvice: requirements?.legalAdvice ?? false,
        standsByEarlierDecision: requirements?.standByDecision ?? false,
        statesLastResponse: requirements?.lastResponseStatement ?? false,
      },
    },
    handler,
  );
  const sent = decided.effects.find((e) => e.type === 'send_answer');
  sim.columns.answer_text = writeAnswer(random, assessment.verdict, {
    surname: input.complainantSurname,
    handler: input.handlerName,
  });
  sim.columns.answer_recipients = sent?.type === 'send_answer' ? sent.recipients : null;
  afterAnswer(sim, input, random, handler);
}

function contactComplainant(sim: Simulation, input: HistoryInput, random: Random, handler: string): boolean {
  if (random.chance(0.08)) {
    if (!sim.advance(2, 24)) return false;
    const reason = random.pick(WRITTEN_ONLY_REASONS);
    sim.update({ writtenOnlyReason: reason });
    sim.event('written_only_reason_recorded', handler, { summary: reason });
    return true;
  }
  // Most complaints need more than one conversation: a first call, a follow-up, checking the repair.
  const count = random.weighted({ one: 30, two: 35, three: 22, four: 13 });
  for (let i = 0; i < { one: 1, two: 2, three: 3, four: 4 }[count]; i += 1) {
    if (!sim.advance(1, 30)) return false;
    const kind =
      i === 0
        ? random.weighted({ phone: 85, in_person: 15 })
        : random.weighted({ phone: 70, email: 20, letter: 10 });
    const direction = i === 0 || random.chance(0.7) ? 'outbound' : 'inbound';
    sim.update({ contacts: [...sim.state.contacts, { kind, at: sim.clock }] });
    sim.event('contact_logged', handler, {
      contact_kind: kind,
      contact_direction: direction,
      summary: summarizeContact(random, input.contractorName),
      payload: { contactAt: sim.clock.toISOString() },
    });
  }
  if (random.chance(0.55)) {
    if (!sim.advance(1, 24)) return false;
    sim.note(random.pick(NOTES), handler);
  }
  return waitingMessages(sim, input, random, handler);
}

/** While they wait, complainants ask through the portal how things stand; the handler answers most of them. */
function waitingMessages(sim: Simulation, input: HistoryInput, random: Random, handler: string): boolean {
  const messages = random.weighted({ none: 35, one: 40, two: 25 });
  for (let i = 0; i < { none: 0, one: 1, two: 2 }[messages]; i += 1) {
    if (!sim.advance(4, 72)) return false;
    sim.complainantMessage(complainantWrites(random));
    if (random.chance(0.25)) continue;
    if (!sim.advance(1, 24)) return false;
    const kind = random.weighted({ email: 60, phone: 40 });
    sim.update({ contacts: [...sim.state.contacts, { kind, at: sim.clock }] });
    sim.event('contact_logged', handler, {
      contact_kind: kind,
      contact_direction: 'outbound',
      summary: summarizeReply(random, input.contractorName),
      payload: { contactAt: sim.clock.toISOString() },
    });
  }
  return true;
}

function extendTerm(sim: Simulation, input: HistoryInput, random: Random): boolean {
  if (!sim.advance(2, 20) || sim.clock.getTime() > sim.state.term.dueAt.getTime()) return !sim.stopped;
  const manager = sim.state.repeat?.managingManagerId ?? input.departmentManagerId;
  const newDueDay = addWorkingDays(toLocalDate(sim.state.term.dueAt), random.int(3, 10), sim.settingsOf());
  const reason = random.pick(EXTENSION_REASONS);
  sim.transition(
    {
      type: 'extend_term',
      request: {
        newDueDay,
        reason,
        managerApproval: sim.approval(manager, 'manager'),
        noticeText: `Wij hebben meer tijd nodig voor uw klacht. U hoort uiterlijk ${newDueDay} van ons.`,
      },
    },
    manager,
    'manager',
    { newDueDay },
    reason,
  );
  return true;
}
