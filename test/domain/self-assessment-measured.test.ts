import { describe, expect, test } from 'vitest';
import {
  ACKNOWLEDGE_WITHIN_WORKING_DAYS,
  type AcknowledgementFacts,
  type AdjustmentYearFacts,
  acknowledgementDueDay,
  acknowledgementWorkingDays,
  addWorkingDays,
  assessRequirements,
  computeTermStartDay,
  DEFAULT_CALENDAR_SETTINGS,
  judgeAcknowledgements,
  judgeAdjustments,
  judgeBoardDecisions,
  judgeBoardDecisionTerm,
  SELF_ASSESSMENT_REQUIREMENTS,
  summarizeAcknowledgements,
  summarizeAdjustments,
  summarizeBoardDecisions,
  workingDaysBetween,
} from '../../src/domain/index.ts';
import { baseEvidence } from './self-assessment-fixture.ts';

// Decision 054: the acknowledgement within five working days (UK Code 6.2) and the board's decision on the
// committee's advice, judged from the year's facts with the domain calendar.

const settings = DEFAULT_CALENDAR_SETTINGS;
// Thursday before Easter 2025, 10:00 Amsterdam: day 0 is that Thursday; Easter Monday (21 April) is a day off
const thursday = new Date('2025-04-17T10:00:00+02:00');
const message = (sentAt: string | null, receivedAt = thursday): AcknowledgementFacts => ({
  receivedAt,
  viaPortal: false,
  messageSentAt: sentAt === null ? null : new Date(sentAt),
});

describe('acknowledged within five working days (decision 054)', () => {
  test('the due day skips the weekend and Easter Monday, by the domain calendar', () => {
    const due = acknowledgementDueDay(thursday, settings);
    expect(due).toBe(addWorkingDays('2025-04-17', ACKNOWLEDGE_WITHIN_WORKING_DAYS, settings));
    // Fri 18, (Sat, Sun, Easter Monday off) Tue 22, Wed 23, Thu 24, Fri 25
    expect(due).toBe('2025-04-25');
    expect(workingDaysBetween('2025-04-17', '2025-04-28', settings)).toBe(6);
  });

  test('on the fifth working day is on time; the next working day is late', () => {
    expect(acknowledgementWorkingDays(thursday, new Date('2025-04-25T16:00:00+02:00'), settings)).toBe(5);
    expect(acknowledgementWorkingDays(thursday, new Date('2025-04-28T09:00:00+02:00'), settings)).toBe(6);
    const summary = summarizeAcknowledgements(
      [message('2025-04-25T16:00:00+02:00'), message('2025-04-28T09:00:00+02:00')],
      settings,
      new Date('2025-12-31T12:00:00+01:00'),
    );
    expect(summary).toMatchObject({ counted: 2, onTime: 1, lateAcknowledged: 1, lateMedianWorkingDays: 6 });
  });

  test('received after the cut-off or on a day off: day 0 is the next working day (policy 2.3)', () => {
    // Good Friday 17:30 (a working day by default, after the 17:00 cut-off): day 0 is Tuesday 22 April
    const late = new Date('2025-04-18T17:30:00+02:00');
    expect(computeTermStartDay(late, settings)).toBe('2025-04-22');
    expect(acknowledgementDueDay(late, settings)).toBe(addWorkingDays('2025-04-22', 5, settings));
    // an e-mail on the Saturday itself is before day 0: 0 working days, on time
    expect(acknowledgementWorkingDays(late, new Date('2025-04-19T10:00:00+02:00'), settings)).toBe(0);
  });

  test('the portal’s confirmation acknowledges at once; unacknowledged ones are late only after the term', () => {
    const facts: AcknowledgementFacts[] = [
      { receivedAt: thursday, viaPortal: true, messageSentAt: null },
      { receivedAt: thursday, viaPortal: true, messageSentAt: new Date('2025-05-30T10:00:00+02:00') },
      message(null),
    ];
    // on the due day itself the unacknowledged one is still pending, the day after it is late
    const onDueDay = summarizeAcknowledgements(facts, settings, new Date('2025-04-25T20:00:00+02:00'));
    expect(onDueDay).toMatchObject({ counted: 2, onTime: 2, byPortal: 2, pending: 1, notAcknowledged: 0 });
    const after = summarizeAcknowledgements(facts, settings, new Date('2025-04-28T08:00:00+02:00'));
    expect(after).toMatchObject({ counted: 3, onTime: 2, pending: 0, notAcknowledged: 1 });
  });

  test('the median of the late ones, and the judgement: 95 % met, 80 % partly, less not met, none not measurable', () => {
    const now = new Date('2025-12-31T12:00:00+01:00');
    const late = (sentAt: string) => message(sentAt);
    const summary = summarizeAcknowledgements(
      [
        late('2025-04-28T10:00:00+02:00'), // 6
        late('2025-05-02T10:00:00+02:00'), // 10 (Mon 28 – Fri 2 May; Kings Day 2025 is a Saturday)
        late('2025-05-06T10:00:00+02:00'), // 11 (5 May off only in lustrum years: 2025 is one)
      ],
      settings,
      now,
    );
    expect(summary.lateMedianWorkingDays).toBe(
      acknowledgementWorkingDays(thursday, new Date('2025-05-02T10:00:00+02:00'), settings),
    );
    const judge = (onTime: number, counted = 20, notAcknowledged = 0) =>
      judgeAcknowledgements({
        counted,
        onTime,
        lateAcknowledged: counted - onTime - notAcknowledged,
        notAcknowledged,
        pending: 0,
        byPortal: 0,
        byMessage: counted - notAcknowledged,
        lateMedianWorkingDays: counted === onTime ? null : 7.5,
      });
    expect(judge(19).status).toBe('met');
    expect(judge(16).status).toBe('partly');
    expect(judge(15, 20, 2).status).toBe('not_met');
    expect(judge(15, 20, 2).missing?.en).toBe('5 complaints not acknowledged within 5 working days.');
    expect(judge(0, 0).status).toBe('not_measurable');
    const figures = judge(16).figures.map((f) => [f.label.en, f.value]);
    expect(figures).toContainEqual(['Acknowledged within 5 working days', '16 (80,0%)']);
    expect(figures).toContainEqual(['Acknowledged late: median working days after receipt', '7,5']);
  });
});

describe('the board’s decision on the committee’s advice (decision 054)', () => {
  // a ruling on Sunday 1 June 2025, the board's decision on Tuesday 10 June: Whit Monday (9 June) is a day off
  const ruling = new Date('2025-06-01T10:00:00Z');
  test('working days from ruling to decision by the domain calendar', () => {
    const b = summarizeBoardDecisions(
      [
        {
          rulingAt: ruling,
          boardDecisionAt: new Date('2025-06-10T10:00:00Z'),
          adoptsAdvice: true,
          followedUp: true,
        },
        { rulingAt: ruling, boardDecisionAt: null, adoptsAdvice: false, followedUp: false },
      ],
      settings,
    );
    expect(b).toMatchObject({ ruled: 2, boardDecided: 1, adoptedAdvice: 1, followedUp: 1 });
    expect(b.decisionWorkingDays).toEqual([workingDaysBetween('2025-06-01', '2025-06-10', settings)]);
    expect(b.decisionWorkingDays).toEqual([6]);
  });

  test('decided and followed up is met, some open partly, none decided not met, no rulings not measurable', () => {
    const at = (ruled: number, boardDecided: number, followedUp: number) =>
      judgeBoardDecisions({
        ruled,
        boardDecided,
        adoptedAdvice: boardDecided,
        followedUp,
        decisionWorkingDays: [],
      });
    expect(at(2, 2, 2).status).toBe('met');
    expect(at(2, 2, 1).status).toBe('partly');
    expect(at(2, 1, 0).missing?.nl).toBe(
      '1 uitspraken nog zonder besluit van het bestuur. 1 besluiten zonder vastgelegde opvolging naar de klager.',
    );
    expect(at(2, 1, 0).status).toBe('partly');
    expect(at(2, 0, 0).status).toBe('not_met');
    expect(at(0, 0, 0).status).toBe('not_measurable');
  });

  test('the regulation’s term stays not measurable, with how long the board took beside it', () => {
    const term = judgeBoardDecisionTerm({
      ruled: 1,
      boardDecided: 1,
      adoptedAdvice: 1,
      followedUp: 1,
      decisionWorkingDays: [6],
    });
    expect(term.status).toBe('not_measurable');
    expect(term.figures.map((f) => [f.label.en, f.value])).toContainEqual([
      'Median working days from ruling to decision',
      '6',
    ]);
    expect(term.missing?.en).toContain('rent tribunal');
  });
});

describe('the complainants’ adjustments followed (decisions 051, 054)', () => {
  const route = (channel: 'email' | 'letter' | 'phone') => ({
    channel,
    largePrint: false,
    copyToRepresentative: false,
  });
  const fact = (over: Partial<AdjustmentYearFacts>): AdjustmentYearFacts => ({
    personId: 'p1',
    route: route('email'),
    callBackAsked: false,
    emailsToComplainant: 0,
    phoneContacts: 0,
    termEnded: true,
    ...over,
  });

  test('the term monitor’s rule at the end of each term: e-mail despite a preference, call-back missed or open', () => {
    const a = summarizeAdjustments([
      fact({ route: route('letter'), emailsToComplainant: 1 }),
      fact({ personId: 'p2', route: route('letter') }),
      fact({ personId: 'p3', callBackAsked: true, phoneContacts: 1 }),
      fact({ personId: 'p3', callBackAsked: true }),
      fact({ personId: 'p4', callBackAsked: true, termEnded: false }),
      // an e-mail to a complainant who prefers e-mail is what they asked for
      fact({ personId: 'p5', emailsToComplainant: 2 }),
    ]);
    expect(a).toEqual({
      complaints: 6,
      complainants: 5,
      emailedDespitePreference: 1,
      callBackAsked: 3,
      callBackMissed: 1,
      callBackOpen: 1,
    });
    const judged = judgeAdjustments(a);
    expect(judged.status).toBe('partly');
    expect(judged.missing?.nl).toBe(
      '2 keer een aanpassing niet gevolgd (e-mail ondanks voorkeur of terugbellen niet gedaan).',
    );
  });

  test('all followed is met, none followed not met, none recorded not measurable', () => {
    expect(judgeAdjustments(summarizeAdjustments([fact({ route: route('letter') })])).status).toBe('met');
    expect(
      judgeAdjustments(summarizeAdjustments([fact({ route: route('phone'), emailsToComplainant: 1 })]))
        .status,
    ).toBe('not_met');
    expect(judgeAdjustments(summarizeAdjustments([])).status).toBe('not_measurable');
  });

  test('UK-3-ACCESSIBILITY: the worse of the portal audit and the adjustments', () => {
    const base = {
      complaints: 2,
      complainants: 2,
      emailedDespitePreference: 0,
      callBackAsked: 0,
      callBackMissed: 0,
      callBackOpen: 0,
    };
    const evidence = (adjustments: typeof base) => ({ ...baseEvidence, adjustments });
    const status = (adjustments: typeof base) =>
      assessRequirements(SELF_ASSESSMENT_REQUIREMENTS.requirements, evidence(adjustments)).find(
        (r) => r.id === 'UK-3-ACCESSIBILITY',
      );
    expect(status(base)?.status).toBe('met');
    expect(status({ ...base, emailedDespitePreference: 1 })?.status).toBe('partly');
    expect(status({ ...base, emailedDespitePreference: 2 })?.status).toBe('not_met');
    // no adjustments recorded: judged on the audit alone, the figures still shown
    const none = status({ ...base, complaints: 0, complainants: 0 });
    expect(none?.status).toBe('met');
    expect(none?.figures.map((f) => f.label.en)).toContain('Complainants with an adjustment');
  });
});
