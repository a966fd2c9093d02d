import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  BOARD_TRACK_DECISION_KINDS,
  type BoardTrack,
  isInReportSet,
  REPEAT_RUNGS,
  REPORT_SET_RULES,
  type RepeatRung,
  type ReportCase,
  type ReportPeriod,
  type ReportSetName,
  summarizeTimeliness,
} from '../../src/domain/index.ts';
import { inOrganization } from '../../src/server/db/tenant-scope.ts';
import { getCurrentCalendarSettings } from '../../src/server/modules/reference-data/calendar-settings.repository.ts';
import {
  answeredComplaints,
  countSets,
} from '../../src/server/modules/reports/measures/measures.repository.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { createStaffUser } from '../support/staff-factories.ts';
import { insertComplaint } from './report-fixtures.ts';

// Issue 23: the report SQL (reports/measures/measures.repository.ts) and the domain's definitions of the same
// sets (src/domain/report-status-sets.ts, report-measures.ts, board-track.ts) must count alike. Generated
// complaints, many of them on the edges (answered at the due instant itself or one millisecond either side of
// it, received at midnight Amsterdam on the first or last day of the period), go into PostgreSQL; the SQL
// measures and the domain's predicates then count the same cases and must give equal figures.

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, {
  isDefault: true,
  name: 'Woonstichting Eigenschap',
});
const org = organization.id;
const registrar = await createStaffUser(database.owner, org, {
  name: 'Rita Registratie',
  roles: ['employee'],
});

const PERIOD: ReportPeriod = { from: '2026-04-01', until: '2026-07-01', label: '2026-Q2' };
const DAY = 86_400_000;
// Midnight Amsterdam at the period's edges (CEST, UTC+2), and one millisecond before each
const EDGES = [
  '2026-03-31T22:00:00.000Z',
  '2026-03-31T21:59:59.999Z',
  '2026-06-30T22:00:00.000Z',
  '2026-06-30T21:59:59.999Z',
];

const instant = fc.oneof(
  fc
    .integer({ min: Date.parse('2026-03-25T00:00:00Z'), max: Date.parse('2026-07-06T00:00:00Z') })
    .map((ms) => new Date(ms)),
  fc.constantFrom(...EDGES.map((iso) => new Date(iso))),
);
/** An instant at, just around, or some days from a reference instant. */
const near = (base: Date) =>
  fc
    .oneof(fc.constant(0), fc.constantFrom(-1, 1), fc.integer({ min: -6 * DAY, max: 6 * DAY }))
    .map((offset) => new Date(base.getTime() + offset));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const boardTrack = (term: { originalDueAt: Date; dueAt: Date }) =>
  fc.record({
    startedAt: instant,
    returnTo: fc.constant('in_progress' as const),
    stoppedTerm: fc.constant(term),
    explanation: optional(
      near(term.originalDueAt).map((sentAt) => ({ sentAt, text: 'Uitleg aan de klager.' })),
    ),
    decisions: fc
      .subarray([...BOARD_TRACK_DECISION_KINDS])
      .map((kinds) => kinds.map((kind) => ({ kind, text: 'Besluit.', approval: { by: 'directie' } }))),
    endedAt: fc.constant(null),
  }) as unknown as fc.Arbitrary<BoardTrack>;

const reportCase: fc.Arbitrary<ReportCase> = instant
  .chain((receivedAt) =>
    fc.record({
      receivedAt: fc.constant(receivedAt),
      originalDueAt: fc.integer({ min: 1, max: 10 * DAY }).map((ms) => new Date(receivedAt.getTime() + ms)),
      extensionCount: fc.constantFrom(0, 0, 1, 2),
      extraDays: fc.integer({ min: 1, max: 8 }),
    }),
  )
  .chain(({ receivedAt, originalDueAt, extensionCount, extraDays }) => {
    const dueAt = extensionCount === 0 ? originalDueAt : new Date(originalDueAt.getTime() + extraDays * DAY);
    return fc.record({
      receivedAt: fc.constant(receivedAt),
      originalDueAt: fc.constant(originalDueAt),
      dueAt: fc.constant(dueAt),
      extensionCount: fc.constant(extensionCount),
      answeredAt: optional(fc.oneof(near(originalDueAt), near(dueAt))),
      closedAt: optional(instant),
      triageOutcome: fc.constantFrom('complaint', 'not_a_complaint', 'outside_procedure', null),
      boardTrack: optional(boardTrack({ originalDueAt, dueAt })),
      repeatOfId: fc.constant(null),
      repeatRung: optional(fc.constantFrom(...(Object.keys(REPEAT_RUNGS) as RepeatRung[]))),
      committeeReferredAt: optional(instant),
      committeeRuledAt: optional(instant),
      compensationPaidAt: optional(instant),
    });
  });
/** Cases with, for some, the earlier complaint they repeat (the one generated just before). */
const cases = fc
  .array(fc.tuple(reportCase, fc.boolean()), { minLength: 1, maxLength: 12 })
  .map((list) => list.map(([c, repeat], i) => ({ case: c, repeatsPrevious: repeat && i > 0 })));

async function store(generated: { case: ReportCase; repeatsPrevious: boolean }[]): Promise<ReportCase[]> {
  await database.owner.deleteFrom('complaint').where('organization_id', '=', org).execute();
  const stored: ReportCase[] = [];
  let previous: string | null = null;
  for (const { case: c, repeatsPrevious } of generated) {
    const id = await insertComplaint(database.owner, org, registrar.id, {
      receivedAt: c.receivedAt.toISOString(),
      originalDueAt: c.originalDueAt.toISOString(),
      dueAt: c.dueAt.toISOString(),
      extensions: c.extensionCount,
      answeredAt: c.answeredAt?.toISOString() ?? null,
      closedAt: c.closedAt?.toISOString() ?? null,
      triageOutcome: c.triageOutcome,
      boardTrack: c.boardTrack,
      assessment:
        c.compensationPaidAt === null
          ? null
          : { verdict: 'upheld', compensation: { amountCents: 5000, paidAt: c.compensationPaidAt } },
    });
    const repeatOfId = repeatsPrevious ? previous : null;
    await database.owner
      .updateTable('complaint')
      .set({
        repeat_of_id: repeatOfId,
        repeat_rung: c.repeatRung,
        committee:
          c.committeeReferredAt === null
            ? null
            : JSON.stringify({
                referredAt: c.committeeReferredAt,
                reference: null,
                ruling: c.committeeRuledAt === null ? null : { at: c.committeeRuledAt, verdict: 'upheld' },
                boardDecision: null,
                followUp: null,
              }),
      } as never)
      .where('id', '=', id)
      .execute();
    // A ruling without a referral is not stored: the committee record holds both
    stored.push({
      ...c,
      repeatOfId,
      committeeRuledAt: c.committeeReferredAt === null ? null : c.committeeRuledAt,
    });
    previous = id;
  }
  return stored;
}

const SET_NAMES = Object.keys(REPORT_SET_RULES) as ReportSetName[];

describe('report SQL and domain count alike (issue 23)', () => {
  test('every set the domain defines has the same size in SQL, on generated complaints', async () => {
    const settings = await inOrganization(database.app, org, (trx) => getCurrentCalendarSettings(trx));
    await fc.assert(
      fc.asyncProperty(cases, async (generated) => {
        const stored = await store(generated);
        const scope = { period: PERIOD, departmentId: null, category: null };
        const { counts, answered } = await inOrganization(database.app, org, async (trx) => ({
          counts: await countSets(trx, scope, SET_NAMES),
          answered: await answeredComplaints(trx, scope),
        }));
        const expected = Object.fromEntries(
          SET_NAMES.map((set) => [set, stored.filter((c) => isInReportSet(set, c, PERIOD)).length]),
        );
        expect(counts).toEqual(expected);
        // The figures the report prints: the domain's arithmetic over the rows the SQL selected, and over the
        // generated cases the domain selects itself
        const answeredInDomain = stored
          .filter((c) => isInReportSet('answered', c, PERIOD))
          .map((c) => ({
            receivedAt: c.receivedAt,
            answeredAt: c.answeredAt as Date,
            originalDueAt: c.originalDueAt,
            dueAt: c.dueAt,
            extended: c.extensionCount > 0,
          }));
        const fromSql = summarizeTimeliness(answered, settings);
        expect(fromSql).toEqual(summarizeTimeliness(answeredInDomain, settings));
        expect(fromSql.onTimeOriginal).toBe(counts.answered_on_time_original);
        expect(fromSql.onTimeExtended).toBe(counts.answered_on_time_extended);
        expect(fromSql.extended).toBe(counts.extended);
      }),
      { numRuns: 60 },
    );
  });
});
