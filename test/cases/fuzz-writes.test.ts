import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as } = world;

const ACTION_PATHS = [
  'triage',
  'record-without-answer-duty',
  'assign',
  'contacts',
  'notes',
  'written-only',
  'assessment',
  'approval-requests',
  'approvals',
  'approval-refusals',
  'legal-advice',
  'compensation-paid',
  'extensions',
  'answer',
  'explanation',
  'close',
  'withdraw',
  'criminal-offence',
  'committee',
  'committee/reference',
  'committee/ruling',
  'committee/board-decision',
  'committee/follow-up',
  'board-track/decision',
];

// Values that are almost right are the dangerous ones: real ids of the wrong kind, edge dates, huge texts.
const realIds = [
  world.tenant.id,
  world.unit.id,
  world.complex.id,
  world.contractor.id,
  world.people.eva.id,
  world.wonen.id,
];
const value = fc.oneof(
  fc.constantFrom(...realIds),
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(60_000),
    '2026-02-30',
    '2026-11-25T10:00:00Z',
    '9999-12-31T23:59:59Z',
    '1900-01-01',
  ),
  fc.constantFrom(
    'complaint',
    'not_a_complaint',
    'outside_procedure',
    'phone',
    'employee',
    'contractor',
    'department',
  ),
  fc.constantFrom(
    'policy_not_followed',
    'disagrees_with_policy',
    'upheld',
    'answer',
    'compensation',
    'manager_decision',
    'report_to_police',
    'back_to_procedure',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const keys = [
  'outcome',
  'category',
  'subject',
  'kind',
  'employeeId',
  'departmentId',
  'contractorId',
  'handlerId',
  'direction',
  'summary',
  'text',
  'reason',
  'verdict',
  'apologyOffered',
  'errorAdmitted',
  'demonstrableDamage',
  'compensationCents',
  'discussedWithColleagues',
  'finding',
  'explanation',
  'newDueDay',
  'noticeText',
  'reference',
  'at',
  'adoptsAdvice',
  'paidAt',
  'ground',
  'referralDetail',
  'note',
  'channel',
  'description',
  'receivedAt',
  'complainantId',
  'complainant',
  'unitId',
  'housingComplexId',
  'repeat',
  'earlierComplaintId',
  'newFacts',
  'lawyer',
  'suspectedCriminalOffence',
  'decision',
];
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 }),
  fc.record({
    outcome: fc.constantFrom('complaint', 'outside_procedure'),
    subject: fc.dictionary(fc.constantFrom(...keys), value),
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

async function snapshot(complaintId: string) {
  const row = await database.owner
    .selectFrom('complaint')
    .selectAll()
    .where('id', '=', complaintId)
    .executeTakeFirstOrThrow();
  const events = await database.owner
    .selectFrom('complaint_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('complaint_id', '=', complaintId)
    .executeTakeFirstOrThrow();
  return { version: row.version, status: row.status, events: Number(events.n) };
}

describe('random bodies at the case-handling write endpoints', () => {
  test('never a 5xx; a refused write leaves the complaint and its timeline untouched', async () => {
    const complaint = await register(as.eva, {
      channel: 'phone',
      complainantId: world.tenant.id,
      description: 'Doelwit voor willekeurige invoer.',
    });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTION_PATHS), body, async (path, payload) => {
        const before = await snapshot(complaint.id);
        const response = await as.eva.request({
          method: 'POST',
          url: `/api/complaints/${complaint.id}/${path}`,
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        });
        expect(response.statusCode, `${path} ${response.body}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expect(response.headers['content-type']).toContain('application/problem+json');
          expect(response.json().messages.nl).toBeTruthy();
          expect(await snapshot(complaint.id)).toEqual(before);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('registration: never a 5xx, and a refused registration writes no complaint, person or event', async () => {
    const count = async () => {
      const [c, p, e] = await Promise.all(
        (['complaint', 'person', 'complaint_event'] as const).map((table) =>
          database.owner
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow(),
        ),
      );
      return [Number(c?.n), Number(p?.n), Number(e?.n)];
    };
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const before = await count();
        const response = await as.eva.request({
          method: 'POST',
          url: '/api/complaints',
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        });
        expect(response.statusCode, response.body).toBeLessThan(500);
        if (response.statusCode >= 400) expect(await count()).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
