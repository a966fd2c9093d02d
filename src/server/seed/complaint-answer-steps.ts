import type { Assessment } from '../../domain/index.ts';
import type { HistoryInput, Simulation } from './complaint-simulation.ts';
import { complainantReacts } from './complaint-texts.ts';
import type { Random } from './random.ts';

// The later steps of a complaint: assessment with its approvals (policy 2.4), what a repeat demands (2.6),
// payment and closing, and the regional complaints committee (1.3).

export function assess(sim: Simulation, input: HistoryInput, random: Random): Assessment | null {
  const rung = sim.state.repeat?.rung;
  const manager = sim.state.repeat?.managingManagerId ?? input.departmentManagerId;
  const handler = sim.state.handlerId ?? input.handlerId;
  let assessment: Assessment;
  const kindA = rung !== 'stand_by' && rung !== 'last_response' && random.chance(0.55);
  if (kindA) {
    const damage = random.chance(0.2);
    assessment = {
      kind: 'policy_not_followed',
      verdict: random.chance(0.6) ? 'upheld' : 'partly_upheld',
      apologyOffered: true,
      errorAdmitted: true,
      demonstrableDamage: damage,
      compensation: damage ? { amountCents: random.int(5, 150) * 500, approval: null, paidAt: null } : null,
    };
  } else {
    const finding =
      rung === 'stand_by' || rung === 'last_response'
        ? 'policy_right'
        : random.weighted({
            policy_right: 70,
            policy_wrong: 10,
            policy_wrong_in_this_case: 10,
            policy_missing: 10,
          });
    assessment = {
      kind: 'disagrees_with_policy',
      verdict:
        finding === 'policy_right'
          ? random.chance(0.85)
            ? 'not_upheld'
            : 'partly_upheld'
          : random.chance(0.5)
            ? 'upheld'
            : 'partly_upheld',
      discussedWithColleagues: true,
      finding,
      explanation:
        finding === 'policy_right'
          ? 'Uitgelegd dat wij volgens het onderhoudsbeleid handelen en waarom.'
          : null,
      managerDecision: null,
    };
  }
  const suggestions = random.chance(0.15) ? 'Afspraken met de aannemer over oplevering aanscherpen.' : null;
  sim.update({ assessment });
  sim.columns.improvement_suggestions = suggestions;
  sim.event('assessment_recorded', handler, {
    payload: {
      kind: assessment.kind,
      verdict: assessment.verdict,
      improvementSuggestions: suggestions !== null,
    },
  });
  if (assessment.kind === 'policy_not_followed' && assessment.compensation !== null) {
    if (!sim.advance(1, 8) || !sim.requestApproval('compensation', handler, manager)) return null;
    const compensation = { ...assessment.compensation, approval: sim.approval(manager, 'manager') };
    assessment = { ...assessment, compensation };
    sim.update({ assessment });
    sim.event('approval_given', manager, {
      payload: { subject: 'compensation', amountCents: compensation.amountCents },
    });
  }
  if (assessment.kind === 'disagrees_with_policy' && assessment.finding === 'policy_wrong_in_this_case') {
    if (!sim.advance(1, 8) || !sim.requestApproval('manager_decision', handler, manager)) return null;
    const text = 'In dit geval maken wij een uitzondering en vergoeden wij de kosten.';
    assessment = { ...assessment, managerDecision: { approval: sim.approval(manager, 'manager'), text } };
    sim.update({ assessment });
    sim.event('approval_given', manager, { summary: text, payload: { subject: 'manager_decision' } });
  }
  return assessment;
}

/** policy 2.6: a manager-led repeat needs the manager's approval; a lawyer's involvement needs legal advice. */
export function obtainRequirements(sim: Simulation, input: HistoryInput): boolean {
  const requirements = sim.state.repeat?.requirements;
  if (requirements === undefined) return true;
  if (requirements.legalAdvice) {
    if (!sim.advance(4, 48)) return false;
    const summary = 'Advies: bij het eerdere besluit blijven en dat zorgvuldig onderbouwen.';
    sim.update({ legalAdvice: { approval: sim.approval(input.legalId, 'legal'), summary } });
    sim.event('legal_advice_given', input.legalId, { summary });
  }
  if (requirements.managerApproval && requirements.approvingManagerId !== null) {
    const handler = sim.state.handlerId ?? input.handlerId;
    if (!sim.advance(1, 8) || !sim.requestApproval('answer', handler, requirements.approvingManagerId))
      return false;
    sim.update({ managerApproval: sim.approval(requirements.approvingManagerId, 'manager') });
    sim.event('approval_given', requirements.approvingManagerId, { payload: { subject: 'answer' } });
  }
  return true;
}

export function afterAnswer(sim: Simulation, input: HistoryInput, random: Random, handler: string) {
  const assessment = sim.state.assessment;
  if (assessment?.kind === 'policy_not_followed' && assessment.compensation !== null) {
    if (!sim.advance(24, 15 * 24)) return;
    sim.update({
      assessment: { ...assessment, compensation: { ...assessment.compensation, paidAt: sim.clock } },
    });
    sim.event('compensation_paid', handler, {
      payload: { amountCents: assessment.compensation.amountCents, paidAt: sim.clock.toISOString() },
    });
  }
  // Some complainants react to the answer before the case is closed (the portal still takes messages then).
  if (random.chance(0.4)) {
    if (!sim.advance(2, 96)) return;
    sim.complainantMessage(complainantReacts(random));
  }
  const toCommittee = random.chance(assessment?.verdict === 'not_upheld' ? 0.08 : 0.015);
  if (random.chance(0.93) || toCommittee) {
    if (!sim.advance(24, 20 * 24)) return;
    sim.transition({ type: 'close' }, handler);
  }
  if (toCommittee) committeeCase(sim, input, random, handler);
}

/** policy 1.3: the regional complaints committee — referral, its reference, ruling, the board's decision, follow-up. */
function committeeCase(sim: Simulation, input: HistoryInput, random: Random, handler: string) {
  if (!sim.advance(5 * 24, 30 * 24)) return;
  sim.transition({ type: 'refer_to_committee' }, handler);
  if (!sim.advance(7 * 24, 20 * 24)) return;
  const reference = `RKC-${sim.clock.getUTCFullYear()}-${String(random.int(1, 999)).padStart(4, '0')}`;
  sim.transition({ type: 'record_committee_reference', reference }, handler, 'employee', { reference });
  if (!sim.advance(40 * 24, 90 * 24)) return;
  const verdict = random.weighted({ unfounded: 60, partly_well_founded: 30, well_founded: 10 });
  const summary =
    'De commissie adviseert de corporatie om de klager alsnog een passende oplossing te bieden.';
  sim.transition(
    { type: 'record_committee_ruling', ruling: { at: sim.clock, verdict, summary } },
    handler,
    'employee',
    { verdict },
    summary,
  );
  if (!sim.advance(10 * 24, 30 * 24)) return;
  const text = 'De directie neemt het advies van de commissie over.';
  sim.transition(
    {
      type: 'record_board_decision',
      decision: { approval: sim.approval(input.boardId, 'board'), adoptsAdvice: true, text },
    },
    input.boardId,
    'board',
    { adoptsAdvice: true },
    text,
  );
  if (!sim.advance(10 * 24, 30 * 24)) return;
  const followUp =
    'Klager schriftelijk geïnformeerd over het besluit van de directie en de uitvoering ervan.';
  sim.transition(
    { type: 'record_committee_follow_up', followUp: { at: sim.clock, text: followUp } },
    handler,
    'employee',
    {},
    followUp,
  );
  if (!sim.advance(24, 10 * 24)) return;
  sim.transition({ type: 'close' }, handler);
}
