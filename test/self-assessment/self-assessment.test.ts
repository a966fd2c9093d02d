import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { SelfAssessment } from '../../src/contract/self-assessment.ts';
import { SELF_ASSESSMENT_REQUIREMENTS } from '../../src/domain/index.ts';
import { insertComplaint, pdfText } from '../reports/report-fixtures.ts';
import { createTestApp } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { createOrganization } from '../support/factories.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

// Issue 26 (decision 050): the annual self-assessment of a seeded year (2025), its figures per requirement computed
// by hand, the PDF read back with pdftotext, and the public page (published only on opt-in, no personal data).

const database = await createTestDatabase();
const organization = await createOrganization(database.owner, {
  isDefault: true,
  name: 'Woonstichting Zelf',
});
const org = organization.id;
const app = await createTestApp(database.app);
const mtMember = await createStaffUser(database.owner, org, {
  name: 'Mira MT',
  roles: ['employee', 'management_team'],
});
const employee = await createStaffUser(database.owner, org, { name: 'Eddy Employee', roles: ['employee'] });
const mt = await signInAs(app, mtMember.email);
const plain = await signInAs(app, employee.email);

const COMPLAINANT_TEXT = 'Zeer persoonlijke klacht van mevrouw Jansen over lekkage';
// Decision 054: the acknowledgement as the outbox holds it (an e-mail sent or a letter posted: status 'sent')
const acknowledge = (complaintId: string, sentAt: string, kind = 'acknowledgement') =>
  database.owner
    .insertInto('outbox_message')
    .values({
      organization_id: org,
      complaint_id: complaintId,
      kind,
      recipient_to: ['klager@example.test'],
      subject: 'Ontvangstbevestiging',
      body_text: 'Wij hebben uw klacht ontvangen.',
      status: 'sent',
      sent_at: new Date(sentAt),
    } as never)
    .execute();
// 10 answered in 2025: 8 on time against the original term, 1 more after an extension (9 on time), 1 late
for (let i = 0; i < 10; i += 1) {
  const extended = i === 8;
  const late = i === 9;
  const id = await insertComplaint(database.owner, org, mtMember.id, {
    receivedAt: '2025-03-03T10:00:00+01:00',
    // the portal registers with the website channel and a portal_intake event (complaint 9, decision 054)
    ...(i === 9 ? { channel: 'web' } : {}),
    originalDueAt: '2025-03-20T23:59:59.999+01:00',
    dueAt: extended ? '2025-04-10T23:59:59.999+02:00' : '2025-03-20T23:59:59.999+01:00',
    extensions: extended ? 1 : 0,
    answeredAt: late || extended ? '2025-04-01T10:00:00+02:00' : '2025-03-18T10:00:00+01:00',
    outcome: 'upheld',
    // putting things right: 0–3 upheld with an apology, 4 partly upheld with nothing recorded, 5 partly upheld
    // with compensation granted (not yet paid), 6–9 not upheld → 6 upheld, 5 with a remedy, 1 compensation
    assessment: {
      kind: 'policy_not_followed',
      verdict: i < 4 ? 'upheld' : i < 6 ? 'partly_upheld' : 'not_upheld',
      apologyOffered: i < 4,
      errorAdmitted: i < 4,
      demonstrableDamage: i === 5,
      compensation: i === 5 ? { amountCents: 5000, approval: null, paidAt: null } : null,
    },
  });
  // the extension of complaint 8 has a reason and a notice to the complainant (policy 2.3, 1.1)
  if (extended)
    await database.owner
      .updateTable('complaint')
      .set({
        term_extensions: JSON.stringify([
          {
            dueAt: '2025-04-10T21:59:59.999Z',
            reason: 'Meer tijd nodig',
            noticeText: 'Wij hebben meer tijd nodig.',
          },
        ]),
      } as never)
      .where('id', '=', id)
      .execute();
  await database.owner
    .updateTable('complaint')
    .set({ description: COMPLAINANT_TEXT } as never)
    .where('id', '=', id)
    .execute();
  // acknowledgement (decision 054), received Monday 3 March 2025 10:00 (day 0), five working days end Monday 10
  // March: 0–6 e-mailed the next day, 7 on the fifth working day, 8 on the sixth (late), 9 through the portal
  if (i < 7) await acknowledge(id, '2025-03-04T09:00:00+01:00');
  if (i === 7) await acknowledge(id, '2025-03-10T16:00:00+01:00');
  if (i === 8) await acknowledge(id, '2025-03-11T09:00:00+01:00');
  if (i === 9)
    await database.owner
      .insertInto('complaint_event')
      .values({ organization_id: org, complaint_id: id, type: 'portal_intake', summary: null } as never)
      .execute();
  // two went to the committee in 2025, one has a ruling
  if (i < 2)
    await database.owner
      .updateTable('complaint')
      .set({
        committee: JSON.stringify({
          referredAt: '2025-05-01T10:00:00.000Z',
          // the ruling on Sunday 1 June, the board's decision on Tuesday 10 June (Whit Monday 9 June is off:
          // 6 working days), no follow-up to the complainant recorded yet (decision 054)
          ...(i === 0
            ? {
                ruling: { at: '2025-06-01T10:00:00.000Z', verdict: 'well_founded' },
                boardDecision: {
                  approval: { byUserId: mtMember.id, role: 'board', at: '2025-06-10T10:00:00.000Z' },
                  adoptsAdvice: true,
                  text: 'Het bestuur neemt het advies over.',
                },
                followUp: null,
              }
            : {}),
        }),
      } as never)
      .where('id', '=', id)
      .execute();
  // satisfaction: all asked, six answered
  await database.owner
    .insertInto('complaint_event')
    .values({ organization_id: org, complaint_id: id, type: 'satisfaction_requested', summary: 'Gevraagd' })
    .execute();
  if (i < 6)
    await database.owner
      .insertInto('complaint_satisfaction')
      .values({
        organization_id: org,
        complaint_id: id,
        handling: 4,
        outcome: 3,
        comment: 'Mevrouw Jansen is blij',
      })
      .execute();
}
// triage: besides the 10 taken into handling, 2 outside the procedure and 1 not a complaint received in 2025
// → 13 received, 3 refused (23,1 %, above 10 %): partly
const refusedIds: string[] = [];
for (const outcome of ['outside_procedure', 'outside_procedure', 'not_a_complaint'] as const)
  refusedIds.push(
    await insertComplaint(database.owner, org, mtMember.id, {
      receivedAt: '2025-09-01T10:00:00+02:00',
      originalDueAt: '2025-09-15T23:59:59.999+02:00',
      triageOutcome: outcome,
      triage:
        outcome === 'not_a_complaint'
          ? { outcome, kind: 'repair_request' }
          : { outcome, ground: 'pending_at_dispute_body' },
      category: null,
      status: 'closed',
      closedAt: '2025-09-02T10:00:00+02:00',
    }),
  );
// received Monday 1 September: the first outside the procedure gets its letter posted on Friday 12 September
// (9 working days, late), the second is never acknowledged, the signal that is no complaint is not counted
await acknowledge(refusedIds[0] as string, '2025-09-12T10:00:00+02:00');
await acknowledge(refusedIds[2] as string, '2025-09-02T10:00:00+02:00');
// adjustments (decisions 051, 054): complaint 0's complainant asked for letters on 1 March and still got the
// acknowledgement e-mail (not followed); 1's asked for a call-back and was phoned; 2's asked and was not
const answeredIds = (
  await database.owner
    .selectFrom('complaint')
    .select('id')
    .where('organization_id', '=', org)
    .where('triage_outcome', '=', 'complaint')
    .orderBy('reference')
    .execute()
).map((r) => r.id);
for (const [index, email, kind, value] of [
  [0, 'klager@example.test', 'preferred_channel', 'letter'],
  [1, 'b@example.test', 'call_back', { dayParts: ['morning'], note: null }],
  [2, 'c@example.test', 'call_back', { dayParts: ['afternoon'], note: null }],
] as const) {
  const person = await database.owner
    .insertInto('person')
    .values({ organization_id: org, name: `Klager ${index}`, email, relation: 'tenant' } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.owner
    .updateTable('complaint')
    .set({ complainant_id: person.id } as never)
    .where('id', '=', answeredIds[index] as string)
    .execute();
  await database.owner
    .insertInto('complainant_adjustment')
    .values({
      organization_id: org,
      person_id: person.id,
      kind,
      value: JSON.stringify(value),
      legal_basis: 'legitimate_interest_art6_1f',
      recorded_at: new Date('2025-03-01T10:00:00+01:00'),
    } as never)
    .execute();
}
await database.owner
  .insertInto('complaint_event')
  .values({
    organization_id: org,
    complaint_id: answeredIds[1] as string,
    type: 'contact_logged',
    contact_kind: 'phone',
    at: new Date('2025-03-05T10:00:00+01:00'),
    summary: 'Teruggebeld',
  } as never)
  .execute();
// learning: two MT reviews (Q1 and Q2 2025) and one improvement action started
for (const [quarter, heldOn] of [
  ['2025-Q1', '2025-03-25'],
  ['2025-Q2', '2025-06-24'],
] as const) {
  await database.owner
    .insertInto('mt_meeting')
    .values({ organization_id: org, quarter, held_on: heldOn, created_by: mtMember.id } as never)
    .execute();
}
await database.owner
  .insertInto('improvement_action')
  .values({
    organization_id: org,
    title: 'Lekkages sneller verhelpen',
    created_by: mtMember.id,
    created_at: new Date('2025-04-01T10:00:00Z'),
  } as never)
  .execute();
// the portal is set up and names the committee
await sql`insert into portal_settings (organization_id, form_secret, contact_phone, committee_name, committee_contact)
  values (${org}, ${randomBytes(32)}, '010 123 45 67', 'Regionale Klachtencommissie', 'Postbus 1, 3000 AA Rotterdam')
  on conflict (organization_id) do update set contact_phone = excluded.contact_phone,
    committee_name = excluded.committee_name, committee_contact = excluded.committee_contact`.execute(
  database.owner,
);

const requirement = (assessment: SelfAssessment, id: string) => {
  const found = assessment.document.requirements.find((r) => r.id === id);
  if (!found) throw new Error(id);
  return found;
};
const figure = (assessment: SelfAssessment, id: string, label: string) =>
  requirement(assessment, id).figures.find((f) => f.label.nl === label)?.value;

describe('the annual self-assessment (2025)', () => {
  let assessment: SelfAssessment;
  test('one click judges every requirement of the versioned file from the year’s figures', async () => {
    const made = await mt.request({ method: 'POST', url: '/api/self-assessments/2025' });
    expect(made.statusCode, made.body).toBe(200);
    assessment = made.json() as SelfAssessment;
    expect(assessment.publishedAt).toBeNull();
    expect(assessment.publicPath).toBe('/zelfevaluatie/2025');
    const doc = assessment.document;
    expect(doc.requirementsVersion).toBe(SELF_ASSESSMENT_REQUIREMENTS.version);
    expect(doc.requirements.map((r) => r.id)).toEqual(
      SELF_ASSESSMENT_REQUIREMENTS.requirements.map((r) => r.id),
    );
    // terms: 9 of 10 on time (90 %, below 95 %): partly, one late
    expect(requirement(assessment, 'UK-6-TIMESCALES').status).toBe('partly');
    expect(figure(assessment, 'UK-6-TIMESCALES', 'Beantwoorde klachten')).toBe('10');
    expect(figure(assessment, 'UK-6-TIMESCALES', 'Op tijd (oorspronkelijke termijn)')).toBe('8 (80,0%)');
    expect(figure(assessment, 'UK-6-TIMESCALES', 'Op tijd (verlengde termijn)')).toBe('9 (90,0%)');
    expect(requirement(assessment, 'UK-6-TIMESCALES').missing?.nl).toBe('1 klachten te laat beantwoord.');
    expect(requirement(assessment, 'MR-CORPORATION-FIRST').status).toBe('partly');
    expect(requirement(assessment, 'UK-6-STAGE1-RESPONSE').status).toBe('partly');
    // triage (2026.2): 13 received, 10 taken into handling, 2 outside the procedure, 1 not a complaint
    expect(requirement(assessment, 'UK-2-EXCLUSIONS').status).toBe('partly');
    expect(figure(assessment, 'UK-2-EXCLUSIONS', 'Ontvangen')).toBe('13');
    expect(figure(assessment, 'UK-2-EXCLUSIONS', 'In behandeling genomen')).toBe('10');
    expect(figure(assessment, 'UK-2-EXCLUSIONS', 'Buiten de procedure (met grond)')).toBe('2');
    expect(figure(assessment, 'UK-2-EXCLUSIONS', 'Geen klacht')).toBe('1');
    expect(figure(assessment, 'UK-2-EXCLUSIONS', 'Niet in behandeling genomen')).toBe('3 (23,1%)');
    expect(requirement(assessment, 'MR-WHO-MAY-COMPLAIN').status).toBe('partly');
    // putting things right (2026.2): 6 (partly) upheld, 5 with an apology or compensation, 1 compensation
    expect(requirement(assessment, 'UK-7-PUTTING-RIGHT').status).toBe('partly');
    expect(figure(assessment, 'UK-7-PUTTING-RIGHT', '(Deels) gegrond')).toBe('6');
    expect(figure(assessment, 'UK-7-PUTTING-RIGHT', 'Gegrond met excuses of vergoeding vastgelegd')).toBe(
      '5 (83,3%)',
    );
    expect(figure(assessment, 'UK-7-PUTTING-RIGHT', 'Vergoeding toegekend')).toBe('1');
    expect(requirement(assessment, 'UK-7-PUTTING-RIGHT').missing?.nl).toBe(
      '1 (deels) gegronde klachten zonder vastgelegde excuses of vergoeding.',
    );
    // extensions (2026.2): 1 extended, explained, answered within the extended term
    expect(requirement(assessment, 'UK-6-EXTENSION').status).toBe('met');
    expect(figure(assessment, 'UK-6-EXTENSION', 'Termijn verlengd')).toBe('1 (10,0%)');
    expect(figure(assessment, 'UK-6-EXTENSION', 'Met reden en bericht aan de klager')).toBe('1');
    expect(figure(assessment, 'UK-6-EXTENSION', 'Binnen de verlengde termijn beantwoord')).toBe('1');
    // not measurable from Gehoord's data (2026.2): says what the corporation must show instead
    expect(requirement(assessment, 'UK-4-TRAINING').status).toBe('not_measurable');
    expect(requirement(assessment, 'UK-4-TRAINING').figures).toEqual([]);
    expect(requirement(assessment, 'UK-9-MEMBER-RESPONSIBLE').missing?.en).toContain(
      'supervisory board member',
    );
    // acknowledgement (decision 054): 12 counted (the signal that is no complaint is not), 9 on time (7 by
    // e-mail within the term, 1 on the fifth working day, 1 through the portal), 2 late (6 and 9 working days:
    // median 7,5), 1 never acknowledged → 75 %: not met
    const ack = requirement(assessment, 'UK-6-ACKNOWLEDGE');
    expect(ack.status).toBe('not_met');
    expect(
      figure(assessment, 'UK-6-ACKNOWLEDGE', 'Klachten met verstreken of gehaalde bevestigingstermijn (n)'),
    ).toBe('12');
    expect(figure(assessment, 'UK-6-ACKNOWLEDGE', 'Binnen 5 werkdagen bevestigd')).toBe('9 (75,0%)');
    expect(figure(assessment, 'UK-6-ACKNOWLEDGE', 'Te laat bevestigd')).toBe('2');
    expect(figure(assessment, 'UK-6-ACKNOWLEDGE', 'Te laat bevestigd: mediaan werkdagen na ontvangst')).toBe(
      '7,5',
    );
    expect(figure(assessment, 'UK-6-ACKNOWLEDGE', 'Niet bevestigd (termijn verstreken)')).toBe('1');
    expect(figure(assessment, 'UK-6-ACKNOWLEDGE', 'Bevestigd op het portaal bij indienen')).toBe('1');
    expect(ack.missing?.en).toBe('3 complaints not acknowledged within 5 working days.');
    // the board's decision (decision 054): 1 ruling, decided after 6 working days, follow-up missing → partly
    expect(requirement(assessment, 'WW-55B-BOARD-DECISION').status).toBe('partly');
    expect(figure(assessment, 'WW-55B-BOARD-DECISION', 'Besluit van het bestuur vastgelegd')).toBe('1');
    expect(figure(assessment, 'WW-55B-BOARD-DECISION', 'Mediaan werkdagen van uitspraak tot besluit')).toBe(
      '6',
    );
    expect(requirement(assessment, 'MR-BOARD-DECISION-TERM').status).toBe('not_measurable');
    expect(
      figure(assessment, 'MR-BOARD-DECISION-TERM', 'Langste aantal werkdagen van uitspraak tot besluit'),
    ).toBe('6');
    // committee: configured (met); 2 referred, 1 ruled (partly, one without a ruling)
    expect(requirement(assessment, 'WW-55B-COMMITTEE').status).toBe('met');
    expect(requirement(assessment, 'WW-55B-REGULATION').status).toBe('partly');
    expect(figure(assessment, 'WW-55B-REGULATION', 'Naar de klachtencommissie')).toBe('2');
    expect(figure(assessment, 'WW-55B-REGULATION', 'Uitspraak: Gegrond')).toBe('1');
    // learning: 2 of 4 reviews, 1 action
    expect(requirement(assessment, 'UK-9-LEARNING').status).toBe('partly');
    expect(figure(assessment, 'UK-9-LEARNING', 'MT-besprekingen gehouden')).toBe('2 / 4');
    expect(figure(assessment, 'UK-9-LEARNING', 'Verbeteracties gestart')).toBe('1');
    // satisfaction: 10 asked, 6 answered (60 %), handling 4,0
    expect(requirement(assessment, 'UK-8-SELF-ASSESSMENT').status).toBe('met');
    expect(figure(assessment, 'UK-8-SELF-ASSESSMENT', 'Beantwoord')).toBe('6 (60,0%)');
    expect(figure(assessment, 'UK-8-SELF-ASSESSMENT', 'Tevredenheid behandeling (1–5)')).toBe('4,0');
    // accessibility: the documented audit is met, but of 3 complaints with adjustments 2 were not followed (an
    // e-mail despite the letter preference, a call-back never made) → partly (decision 054)
    expect(requirement(assessment, 'UK-3-ACCESSIBILITY').status).toBe('partly');
    expect(figure(assessment, 'UK-3-ACCESSIBILITY', 'Klagers met een aanpassing')).toBe('3');
    expect(
      figure(assessment, 'UK-3-ACCESSIBILITY', 'Toch gemaild ondanks voorkeur voor brief of telefoon'),
    ).toBe('1');
    expect(figure(assessment, 'UK-3-ACCESSIBILITY', 'Terugbellen gevraagd')).toBe('2');
    expect(figure(assessment, 'UK-3-ACCESSIBILITY', 'Terugbellen niet gedaan (termijn voorbij)')).toBe('1');
    expect(requirement(assessment, 'UK-3-ACCESSIBILITY').missing?.en).toBe(
      '2 times an adjustment was not followed (e-mail despite a preference, or no call-back).',
    );
    // publication partly (the policy itself is not in Gehoord)
    expect(requirement(assessment, 'UK-3-PUBLICATION').status).toBe('partly');
    // met: committee ×3, satisfaction, extensions; partly: terms ×3, rulings ×3, publication ×2, learning,
    // triage ×3, remedies ×2, board decision, accessibility and adjustments; not met: acknowledgement; not measurable: the 8
    // requirements Gehoord's data cannot prove
    expect(doc.counts).toEqual({ met: 5, partly: 16, not_met: 1, not_measurable: 8 });
  });

  test('a year without data is not measurable where nothing can be measured', async () => {
    const empty = (
      await mt.request({ method: 'POST', url: '/api/self-assessments/2023' })
    ).json() as SelfAssessment;
    expect(requirement(empty, 'UK-6-TIMESCALES').status).toBe('not_measurable');
    expect(requirement(empty, 'UK-8-SELF-ASSESSMENT').status).toBe('not_measurable');
    expect(requirement(empty, 'WW-55B-REGULATION').status).toBe('not_measurable');
    expect(requirement(empty, 'UK-9-LEARNING').status).toBe('not_met');
    expect(requirement(empty, 'UK-1-DEFINITION').status).toBe('not_measurable');
    expect(requirement(empty, 'UK-7-PUTTING-RIGHT').status).toBe('not_measurable');
    expect(requirement(empty, 'UK-6-EXTENSION').status).toBe('not_measurable');
    expect(requirement(empty, 'UK-6-ACKNOWLEDGE').status).toBe('not_measurable');
    expect(requirement(empty, 'WW-55B-BOARD-DECISION').status).toBe('not_measurable');
  });

  test('the PDF holds the headings, a requirement and its evidence figure', async () => {
    const response = await mt.request({ method: 'GET', url: '/api/self-assessments/2025/pdf' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const text = pdfText(response.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Zelfevaluatie klachtbehandeling 2025');
    expect(text).toContain('Eisen en bewijs');
    expect(text).toContain('UK-6-TIMESCALES — Deels voldaan');
    expect(text).toContain('Op tijd (verlengde termijn) 9 (90,0%)');
    expect(text).toContain('Wat ontbreekt: 1 klachten te laat beantwoord.');
    expect(text).not.toContain('Jansen');
    // a requirement of each framework (2026.2)
    expect(text).toContain('WW-55B-BOARD-DECISION — Deels voldaan');
    expect(text).toContain('Binnen 5 werkdagen bevestigd 9 (75,0%)');
    expect(text).toContain('MR-WHO-MAY-COMPLAIN — Deels voldaan');
    expect(text).toContain('UK-7-PUTTING-RIGHT — Deels voldaan');
    expect(text).toContain('Niet in behandeling genomen 3 (23,1%)');
  });

  test('the PDF in English (?lang=en): headings, verdicts, figures and what is missing', async () => {
    const response = await mt.request({ method: 'GET', url: '/api/self-assessments/2025/pdf?lang=en' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('self-assessment-2025.pdf');
    const text = pdfText(response.rawPayload).replace(/\s+/g, ' ');
    expect(text).toContain('Complaint handling self-assessment 2025');
    expect(text).toContain('Requirements and evidence');
    expect(text).toContain('UK-6-ACKNOWLEDGE — Not met');
    expect(text).toContain('A complaint is acknowledged and logged within five working days of receipt.');
    // numbers in English take the decimal point
    expect(text).toContain('Acknowledged within 5 working days 9 (75.0%)');
    expect(text).toContain('Acknowledged late: median working days after receipt 7.5');
    expect(text).toContain('What is missing: 3 complaints not acknowledged within 5 working days.');
    expect(text).toContain('WW-55B-BOARD-DECISION — Partly met');
    expect(text).toContain('MT reviews held 2 / 4');
    expect(text).not.toContain('Wat ontbreekt');
    expect(text).not.toContain('Jansen');
    const bad = await mt.request({ method: 'GET', url: '/api/self-assessments/2025/pdf?lang=fr' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });

  test('an assessment stored with version 2026.1 still reads, prints and publishes as it was made', async () => {
    const old = {
      year: 2024,
      organizationName: 'Woonstichting Zelf',
      requirementsVersion: '2026.1',
      requirementsDate: '2026-12-07',
      generatedAt: '2026-12-01T09:00:00.000Z',
      counts: { met: 1, partly: 0, not_met: 0, not_measurable: 0 },
      requirements: [
        {
          id: 'MR-TERMS',
          framework: 'model_regulation',
          section: 'Voorbeeld Reglement Klachtencommissie',
          sectionNote: 'Het artikelnummer is niet gecontroleerd.',
          text: {
            nl: 'Een klacht wordt eerst door de corporatie zelf behandeld.',
            en: 'First the corporation.',
          },
          sourceUrl: 'https://zoek.officielebekendmakingen.nl/stcrt-2023-6160.html',
          evidence: 'terms',
          status: 'met',
          figures: [{ label: { nl: 'Beantwoorde klachten', en: 'Complaints answered' }, value: '7' }],
          missing: null,
        },
      ],
    };
    await sql`insert into self_assessment (organization_id, year, requirements_version, document, generated_at)
      values (${org}, 2024, '2026.1', ${JSON.stringify(old)}::jsonb, now())`.execute(database.owner);
    const read = await mt.request({ method: 'GET', url: '/api/self-assessments/2024' });
    expect(read.statusCode, read.body).toBe(200);
    const stored = (read.json() as { assessment: SelfAssessment }).assessment;
    expect(stored.document.requirementsVersion).toBe('2026.1');
    expect(stored.document.requirements.map((r) => r.id)).toEqual(['MR-TERMS']);
    const pdf = await mt.request({ method: 'GET', url: '/api/self-assessments/2024/pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain('MR-TERMS — Voldaan');
    await mt.request({
      method: 'PUT',
      url: '/api/self-assessments/2024/publication',
      payload: { published: true },
    });
    const page = await app.inject({ method: 'GET', url: '/zelfevaluatie/2024' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2026.1');
  });

  test('the public page exists only after opt-in publication, and holds no personal data', async () => {
    expect((await app.inject({ method: 'GET', url: '/zelfevaluatie/2025' })).statusCode).toBe(404);
    const published = await mt.request({
      method: 'PUT',
      url: '/api/self-assessments/2025/publication',
      payload: { published: true },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect((published.json() as SelfAssessment).publishedAt).not.toBeNull();
    const page = await app.inject({ method: 'GET', url: '/zelfevaluatie/2025' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Zelfevaluatie klachtbehandeling 2025');
    expect(page.body).toContain('9 (90,0%)');
    for (const personal of ['Jansen', 'Mira MT', mtMember.email, 'Eddy', 'K-2026-'])
      expect(page.body).not.toContain(personal);
    // the same page in English (decision 054): requirement texts, verdicts, figure labels and what is missing
    const en = await app.inject({ method: 'GET', url: '/en/self-assessment/2025' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<html lang="en');
    expect(en.body).toContain('Complaint handling self-assessment 2025');
    expect(en.body).toContain('A complaint is acknowledged and logged within five working days of receipt.');
    expect(en.body).toContain('<strong>Not met</strong>');
    expect(en.body).toContain('Acknowledged within 5 working days</th><td>9 (75.0%)</td>');
    expect(en.body).toContain('What is missing: 3 complaints not acknowledged within 5 working days.');
    expect(en.body).not.toContain('Wat ontbreekt');
    expect(en.body).not.toContain('Bewijs bij');
    // the accessible language switch leads to the Dutch page and back, and to no language the document lacks
    expect(en.body).toMatch(
      /<nav class="language" aria-label="[^"]+"><ul><li><a href="\/zelfevaluatie\/2025" lang="nl/,
    );
    expect(page.body).toContain('href="/en/self-assessment/2025" lang="en');
    expect(page.body).not.toContain('/tr/');
    for (const personal of ['Jansen', 'Mira MT', mtMember.email, 'Eddy', 'K-2026-'])
      expect(en.body).not.toContain(personal);
    // making it again withdraws the publication: nothing unseen goes public
    await mt.request({ method: 'POST', url: '/api/self-assessments/2025' });
    expect((await app.inject({ method: 'GET', url: '/zelfevaluatie/2025' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/zelfevaluatie/abcd' })).statusCode).toBe(404);
    const gone = await app.inject({ method: 'GET', url: '/en/self-assessment/2025' });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('This page does not exist');
  });

  test('only the MT, the board and administrators; bad input is a 400 problem', async () => {
    const refused = await plain.request({ method: 'POST', url: '/api/self-assessments/2025' });
    expect(refused.statusCode).toBe(403);
    expect((await plain.request({ method: 'GET', url: '/api/self-assessments/2025' })).statusCode).toBe(403);
    const bad = await mt.request({ method: 'POST', url: '/api/self-assessments/12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const missing = await mt.request({ method: 'GET', url: '/api/self-assessments/2019' });
    expect(missing.statusCode).toBe(200);
    expect(missing.json()).toEqual({ assessment: null });
    expect((await mt.request({ method: 'GET', url: '/api/self-assessments/2019/pdf' })).statusCode).toBe(404);
    const stored = (await mt.request({ method: 'GET', url: '/api/self-assessments/2025' })).json();
    expect(stored.assessment.document.year).toBe(2025);
    const body = await mt.request({
      method: 'PUT',
      url: '/api/self-assessments/2025/publication',
      payload: {},
    });
    expect(body.statusCode).toBe(400);
  });
});
