import { describe, expect, test } from 'vitest';
import {
  BOARD_TRACK_LEAVING_DECISIONS,
  type BoardTrack,
  type BoardTrackDecisionKind,
  isInReportPeriod,
  isInReportSet,
  type ReportCase,
  type ReportPeriod,
  type ReportSetName,
} from '../../src/domain/index.ts';

// The report sets as predicates on one complaint (docs/measures.md); the report SQL is tested against them in
// test/reports/measures-agree.test.ts.

const Q2: ReportPeriod = { from: '2026-04-01', until: '2026-07-01', label: '2026-Q2' };
const at = (iso: string) => new Date(iso);

const base: ReportCase = {
  receivedAt: at('2026-05-04T09:00:00+02:00'),
  answeredAt: null,
  closedAt: null,
  originalDueAt: at('2026-05-11T23:59:59.999+02:00'),
  dueAt: at('2026-05-11T23:59:59.999+02:00'),
  extensionCount: 0,
  triageOutcome: 'complaint',
  boardTrack: null,
  repeatOfId: null,
  repeatRung: null,
  committeeReferredAt: null,
  committeeRuledAt: null,
  compensationPaidAt: null,
};

const track = (decisions: BoardTrackDecisionKind[], sentAt: string | null): BoardTrack => ({
  startedAt: at('2026-05-05T10:00:00+02:00'),
  returnTo: 'in_progress',
  stoppedTerm: { originalDueAt: base.originalDueAt, dueAt: base.dueAt },
  explanation: sentAt === null ? null : { sentAt: at(sentAt), text: 'Uitleg.' },
  decisions: decisions.map((kind) => ({ kind, text: 'Besluit.', approval: {} as never })),
  endedAt: null,
});

describe('report sets (docs/measures.md)', () => {
  test('an instant is in the period by its Amsterdam day: [from, until)', () => {
    expect(isInReportPeriod(at('2026-03-31T22:00:00.000Z'), Q2)).toBe(true); // 1 April 00:00 Amsterdam
    expect(isInReportPeriod(at('2026-03-31T21:59:59.999Z'), Q2)).toBe(false);
    expect(isInReportPeriod(at('2026-06-30T21:59:59.999Z'), Q2)).toBe(true);
    expect(isInReportPeriod(at('2026-06-30T22:00:00.000Z'), Q2)).toBe(false); // 1 July
  });

  test('only back into the procedure takes a case off the board track (policy 2.5)', () => {
    expect(BOARD_TRACK_LEAVING_DECISIONS).toEqual(['back_to_procedure']);
  });

  const answered = { ...base, answeredAt: at('2026-05-11T23:59:59.999+02:00') };
  const extended = {
    ...base,
    dueAt: at('2026-05-15T23:59:59.999+02:00'),
    extensionCount: 1,
    answeredAt: at('2026-05-14T10:00:00+02:00'),
  };
  const cases: [string, ReportCase, ReportSetName[]][] = [
    ['open complaint', base, ['received', 'taken_into_handling']],
    [
      'answered at the due instant: on time (policy 2.3)',
      answered,
      [
        'received',
        'taken_into_handling',
        'answered',
        'answered_on_time_original',
        'answered_on_time_extended',
      ],
    ],
    [
      'answered one millisecond late',
      { ...base, answeredAt: at('2026-05-12T00:00:00+02:00') },
      ['received', 'taken_into_handling', 'answered', 'answered_late_original'],
    ],
    [
      'extended and answered within the new term',
      extended,
      [
        'received',
        'taken_into_handling',
        'answered',
        'answered_on_time_extended',
        'answered_late_original',
        'extended',
      ],
    ],
    [
      'with the board, explained on time (policy 2.5)',
      { ...base, boardTrack: track([], '2026-05-11T12:00:00+02:00') },
      ['received', 'board_track', 'board_track_explained_on_time'],
    ],
    [
      'with the board, explanation late',
      { ...base, boardTrack: track(['internal_investigation'], '2026-05-12T12:00:00+02:00') },
      ['received', 'board_track'],
    ],
    [
      'sent back into the procedure: an ordinary complaint again',
      { ...base, boardTrack: track(['back_to_procedure'], '2026-05-11T12:00:00+02:00') },
      ['received', 'taken_into_handling'],
    ],
    [
      'outside the procedure (policy 2.5)',
      { ...base, triageOutcome: 'outside_procedure' },
      ['received', 'outside_procedure'],
    ],
    [
      'not a complaint (policy 1.2)',
      { ...base, triageOutcome: 'not_a_complaint' },
      ['received', 'not_a_complaint'],
    ],
    [
      'a repeat on the last-response rung (policy 2.6)',
      { ...base, repeatOfId: 'earlier', repeatRung: 'last_response' },
      ['received', 'taken_into_handling', 'repeats', 'last_response'],
    ],
    [
      'received before the quarter, closed, referred and compensated in it',
      {
        ...base,
        receivedAt: at('2026-03-31T21:59:59.999Z'),
        closedAt: at('2026-04-02T10:00:00+02:00'),
        committeeReferredAt: at('2026-04-03T10:00:00+02:00'),
        committeeRuledAt: at('2026-07-01T00:00:00+02:00'),
        compensationPaidAt: at('2026-06-30T23:59:59.999+02:00'),
      },
      ['closed', 'committee_referred', 'compensation_paid'],
    ],
  ];
  test.each(cases)('%s', (_name, c, expected) => {
    const sets: ReportSetName[] = [
      'received',
      'taken_into_handling',
      'board_track',
      'board_track_explained_on_time',
      'outside_procedure',
      'not_a_complaint',
      'repeats',
      'last_response',
      'answered',
      'answered_on_time_original',
      'answered_on_time_extended',
      'answered_late_original',
      'extended',
      'closed',
      'committee_referred',
      'committee_ruled',
      'compensation_paid',
    ];
    expect(sets.filter((set) => isInReportSet(set, c, Q2))).toEqual(expected);
  });
});
