import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  DEFAULT_CALENDAR_SETTINGS,
  getNextWorkingDay,
  isWorkingDay,
  OUTSIDE_PROCEDURE_GROUNDS,
  type OutsideProcedureGround,
  toInstant,
  toLocalDate,
} from '../../src/domain/index.ts';
import { runTermMonitor } from '../../src/server/modules/notifications/term-monitor.service.ts';
import { multipartBody, samplePdf } from '../attachments/sample-files.ts';
import { createTestApp } from '../support/app.ts';
import { testNow } from '../support/clock.ts';
import { attempt, createComplaintWorld, register, step } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import type { Client } from '../support/sessions.ts';

// Issue 19, "the other paths": assessment B to the manager at once, the committee on an unanswered case,
// the posted explanation and the third repeat, through HTTP on real PostgreSQL.

const database = await createTestDatabase();
const app = await createTestApp(database.app);
const world = await createComplaintWorld(database.owner, app);
const { as, people } = world;
const calendar = DEFAULT_CALENDAR_SETTINGS; // the test organisation keeps the default working days
const monitorOptions = { publicUrl: 'http://localhost:3000' };

type Detail = {
  id: string;
  reference: string;
  status: string;
  version: number;
  term: { answerTerm: boolean; dueAt: string | null; progress: { state: string } };
  nextSteps: { code: string }[];
  timeline: { type: string; payload: Record<string, unknown>; summary: string | null }[];
  answer: { text: string; answeredAt: string } | null;
  explanationLetter: { preparedAt: string; postedOn: string | null } | null;
};
const types = (d: Detail) => d.timeline.map((e) => e.type);
const codes = (d: Detail) => d.nextSteps.map((s) => s.code);
const today = () => toLocalDate(testNow());
/** 09:00 in Amsterdam on the working day `n` working days before (negative) or after today. */
const workingDayAt9 = (n: number) =>
  toInstant({
    date: addWorkingDays(
      isWorkingDay(today(), calendar) ? today() : getNextWorkingDay(today(), calendar),
      n,
      calendar,
    ),
    hour: 9,
    minute: 0,
    second: 0,
    millisecond: 0,
  });

async function get(client: Client, url: string) {
  const response = await client.request({ url });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function accepted(receivedAt: Date, description = 'De tuinregels zijn onredelijk voor mijn situatie.') {
  const complaint = await register(as.eva, {
    channel: 'letter',
    receivedAt: receivedAt.toISOString(),
    complainantId: world.tenant.id,
    description,
  });
  return step(as.eva, complaint.id, 'triage', {
    outcome: 'complaint',
    category: 'request_wrongly_handled',
    subject: { kind: 'department', departmentId: world.wonen.id },
  }) as Promise<Detail>;
}

async function assessB(id: string, finding: string) {
  await step(as.eva, id, 'contacts', { kind: 'phone', direction: 'outbound', summary: 'Besproken.' });
  return step(as.eva, id, 'assessment', {
    kind: 'disagrees_with_policy',
    verdict: 'partly_upheld',
    discussedWithColleagues: true,
    finding,
  }) as Promise<Detail>;
}

async function waitingFor(client: Client) {
  const body = await get(client, '/api/manager/approvals-waiting');
  return body.items as { complaintId: string; subject: string; finding?: string }[];
}

async function issuesFor(complaintId: string) {
  const issues = (await get(as.marieke, '/api/mt/policy-issues')) as {
    source: string;
    complaints: { id: string }[];
  }[];
  return issues.filter((i) => i.complaints.some((c) => c.id === complaintId));
}

describe('assessment B goes to the accountable manager at once (policy 2.4, 3.1)', () => {
  test('recorded → notified and waiting, also after withdrawal; "op de MT-agenda" makes one MT item', async () => {
    const complaint = await accepted(new Date(testNow().getTime() - 86_400_000));
    const assessed = await assessB(complaint.id, 'policy_wrong');
    expect(types(assessed)).toContain('policy_finding_referred');
    expect(codes(assessed)[0]).toBe('decide_policy_finding');
    const notifications = await get(as.mia, '/api/notifications');
    expect(notifications.items).toContainEqual(
      expect.objectContaining({ kind: 'policy_finding_for_manager', complaintId: complaint.id }),
    );
    expect(await waitingFor(as.mia)).toContainEqual(
      expect.objectContaining({
        complaintId: complaint.id,
        subject: 'policy_finding',
        finding: 'policy_wrong',
      }),
    );
    expect(await waitingFor(as.victor)).not.toContainEqual(
      expect.objectContaining({ complaintId: complaint.id }),
    );
    // the same finding recorded again is not referred twice
    const again = await assessB(complaint.id, 'policy_wrong');
    expect(types(again).filter((t) => t === 'policy_finding_referred')).toHaveLength(1);

    await step(as.eva, complaint.id, 'withdraw', { reason: 'Huurder trekt de klacht in.' });
    expect(await waitingFor(as.mia)).toContainEqual(expect.objectContaining({ complaintId: complaint.id }));
    expect(
      (await attempt(as.eva, complaint.id, 'policy-finding', { route: 'management_team' })).statusCode,
    ).toBe(403);
    const routed = (await step(as.mia, complaint.id, 'policy-finding', {
      route: 'management_team',
    })) as Detail;
    expect(routed.status).toBe('withdrawn');
    expect(types(routed).filter((t) => t === 'put_on_management_team_agenda')).toHaveLength(1);
    expect(await waitingFor(as.mia)).not.toContainEqual(
      expect.objectContaining({ complaintId: complaint.id }),
    );
    const twice = await attempt(as.mia, complaint.id, 'policy-finding', { route: 'management_team' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('policy_finding_already_on_agenda');
    expect((await issuesFor(complaint.id)).map((i) => i.source)).toEqual(['policy_wrong']);
  });

  test('put on the agenda before the answer: the answer does not add it again (exactly once)', async () => {
    const complaint = await accepted(new Date(testNow().getTime() - 86_400_000));
    await assessB(complaint.id, 'policy_missing');
    await step(as.mia, complaint.id, 'policy-finding', { route: 'management_team' });
    expect((await issuesFor(complaint.id)).map((i) => i.source)).toEqual(['policy_missing']);
    const answered = (await step(as.eva, complaint.id, 'answer', {
      text: 'Wij bespreken dit in het MT.',
    })) as Detail;
    expect(types(answered).filter((t) => t === 'put_on_management_team_agenda')).toHaveLength(1);
    expect((await issuesFor(complaint.id)).map((i) => i.source)).toEqual(['policy_missing']);
  });

  test('"zelf beslissen (uitzondering)" with a text: an exception for the MT review, no agenda item', async () => {
    const complaint = await accepted(new Date(testNow().getTime() - 86_400_000));
    await assessB(complaint.id, 'policy_wrong_in_this_case');
    const noText = await attempt(as.mia, complaint.id, 'policy-finding', { route: 'exception', text: ' ' });
    expect(noText.statusCode).toBe(400);
    const decided = (await step(as.mia, complaint.id, 'policy-finding', {
      route: 'exception',
      text: 'Uitzondering: de schuur mag blijven staan.',
    })) as Detail;
    expect(codes(decided)).not.toContain('decide_policy_finding');
    expect(codes(decided)).not.toContain('obtain_manager_approval');
    const answered = (await step(as.eva, complaint.id, 'answer', {
      text: 'De schuur mag blijven.',
    })) as Detail;
    expect(types(answered)).not.toContain('put_on_management_team_agenda');
    expect((await issuesFor(complaint.id)).map((i) => i.source)).toEqual(['exception']);
    const refused = await attempt(as.mia, complaint.id, 'policy-finding', { route: 'exception', text: 'x' });
    expect(refused.json().code).toBe('policy_finding_already_decided');
  });
});

describe('the regional complaints committee, any time (policy 1.3)', () => {
  test('an unanswered, overdue complaint is referred; its dossier holds the case file and attachments', async () => {
    const complaint = await accepted(
      workingDayAt9(-12),
      'Al weken geen reactie op mijn klacht over de lift.',
    );
    expect(complaint.term.progress.state).toBe('overdue');
    const before = await as.eva.request({ url: `/api/complaints/${complaint.id}/committee-dossier.zip` });
    expect(before.statusCode).toBe(422);
    expect(before.json().code).toBe('committee_case_required');
    const body = await multipartBody({ name: 'brief-huurder.pdf', bytes: samplePdf() });
    const uploaded = await as.eva.request({
      method: 'POST',
      url: `/api/complaints/${complaint.id}/attachments`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);

    const referred = (await step(as.eva, complaint.id, 'committee')) as Detail;
    expect(referred.status).toBe('with_committee');
    expect((await attempt(as.eva, complaint.id, 'committee')).statusCode).toBe(409);

    expect(
      (await as.karel.request({ url: `/api/complaints/${complaint.id}/committee-dossier.zip` })).statusCode,
    ).toBe(403);
    const dossier = await as.eva.request({ url: `/api/complaints/${complaint.id}/committee-dossier.zip` });
    expect(dossier.statusCode).toBe(200);
    expect(dossier.headers['content-type']).toContain('application/zip');
    const dir = await mkdtemp(path.join(tmpdir(), 'gehoord-committee-'));
    try {
      await writeFile(path.join(dir, 'd.zip'), dossier.rawPayload);
      const listing = execFileSync('unzip', ['-Z1', path.join(dir, 'd.zip')], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .sort();
      expect(listing).toEqual([`bijlagen/brief-huurder.pdf`, `klachtdossier-${complaint.reference}.pdf`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const logged = await database.owner
      .selectFrom('complaint_access_log')
      .select(['what', 'detail', 'user_id'])
      .where('complaint_id', '=', complaint.id)
      .where('what', '=', 'export')
      .execute();
    expect(logged).toEqual([
      { what: 'export', detail: { kind: 'committee_dossier', attachments: 1 }, user_id: people.eva.id },
    ]);
  });

  test('a complaint declined as outside the procedure can go to the committee too; a withdrawn one cannot', async () => {
    const declined = await register(as.eva, {
      channel: 'desk',
      complainantId: world.tenant.id,
      description: 'Bezwaar tegen de servicekosten.',
    });
    await step(as.eva, declined.id, 'triage', {
      outcome: 'outside_procedure',
      ground: 'rent_or_service_costs',
    });
    expect(((await step(as.eva, declined.id, 'committee')) as Detail).status).toBe('with_committee');
    const withdrawn = await accepted(new Date(testNow().getTime() - 86_400_000));
    await step(as.eva, withdrawn.id, 'withdraw', { reason: 'Opgelost.' });
    expect((await attempt(as.eva, withdrawn.id, 'committee')).json().code).toBe('transition_not_allowed');
  });
});

describe('the explanation outside the procedure by post (policy 2.5)', () => {
  async function declinedWithoutEmail(ground: OutsideProcedureGround, receivedAt: Date) {
    const complaint = await register(as.eva, {
      channel: 'letter',
      receivedAt: receivedAt.toISOString(),
      complainantId: world.tenant.id, // phone only, no e-mail address
      description: 'Ik ben het niet eens met deze beslissing.',
    });
    await step(as.eva, complaint.id, 'triage', {
      outcome: 'outside_procedure',
      ground,
      ...(OUTSIDE_PROCEDURE_GROUNDS[ground].detailRequired ? { referralDetail: 'Zaak 2026-118' } : {}),
    });
    return complaint as Detail;
  }

  async function inSet(set: string, complaintId: string) {
    const from = today();
    const body = await get(
      as.marieke,
      `/api/reports/complaints?set=${set}&from=${from}&until=${addCalendarDays(from, 1)}&limit=1000`,
    );
    return (body.items as { id: string }[]).some((i) => i.id === complaintId);
  }

  test.each(Object.keys(OUTSIDE_PROCEDURE_GROUNDS) as OutsideProcedureGround[])(
    'ground %s: the letter is prepared, posted within the term, and counted on time',
    async (ground) => {
      // received two working days ago: the posting day (today) lies inside the five working days
      const received = workingDayAt9(-2);
      const complaint = await declinedWithoutEmail(ground, received);
      const dueDay = addWorkingDays(toLocalDate(received), calendar.termWorkingDays, calendar);
      expect(toLocalDate(new Date(complaint.term.dueAt as string))).toBe(dueDay);

      const prepared = (await step(as.eva, complaint.id, 'explanation')) as Detail;
      expect(prepared.status).toBe('declined_outside_procedure');
      expect(types(prepared)).toContain('explanation_prepared');
      expect(types(prepared)).not.toContain('explanation_sent');
      expect(prepared.answer).toBeNull(); // prepared is not "sent"
      expect(prepared.explanationLetter).toMatchObject({ postedOn: null });
      expect(codes(prepared)).toEqual(['post_explanation_letter']);
      expect(await inSet('answered', complaint.id)).toBe(false);

      const toPost = (await get(as.anna, '/api/letters/to-post')).items as { complaintId: string }[];
      expect(toPost.map((l) => l.complaintId)).toContain(complaint.id);
      const pdf = await as.anna.request({ url: `/api/complaints/${complaint.id}/explanation-letter.pdf` });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

      const postedOn = today();
      expect(postedOn <= dueDay).toBe(true);
      const posted = (await step(as.anna, complaint.id, 'letter-posted', { postedOn })) as Detail;
      expect(posted.status).toBe('closed');
      expect(posted.explanationLetter?.postedOn).toBe(postedOn);
      expect(types(posted)).toContain('letter_posted');
      expect(posted.answer?.text).toContain(OUTSIDE_PROCEDURE_GROUNDS[ground].explanation.slice(0, 20));
      expect(await inSet('answered_on_time_original', complaint.id)).toBe(true);
      expect(await inSet('answered_late_original', complaint.id)).toBe(false);
      const after = (await get(as.anna, '/api/letters/to-post')).items as { complaintId: string }[];
      expect(after.map((l) => l.complaintId)).not.toContain(complaint.id);
    },
  );

  test('posted after the term counts late; the monitor reminds until it is posted, then stops', async () => {
    const received = workingDayAt9(-8);
    const complaint = await declinedWithoutEmail('rent_or_service_costs', received);
    await step(as.eva, complaint.id, 'explanation');
    expect((await attempt(as.karel, complaint.id, 'letter-posted', { postedOn: today() })).statusCode).toBe(
      403,
    );
    const future = await attempt(as.eva, complaint.id, 'letter-posted', {
      postedOn: addCalendarDays(today(), 1),
    });
    expect(future.json().code).toBe('letter_posted_in_future');

    const monitorDay = isWorkingDay(today(), calendar) ? today() : getNextWorkingDay(today(), calendar);
    const at = (day: string) => toInstant({ date: day, hour: 10, minute: 0, second: 0, millisecond: 0 });
    const reminders = () =>
      database.owner
        .selectFrom('notification')
        .select('kind')
        .where('complaint_id', '=', complaint.id)
        .execute();
    await runTermMonitor(database.owner, at(monitorDay), monitorOptions);
    expect((await reminders()).map((r) => r.kind)).toContain('overdue');

    const posted = (await step(as.eva, complaint.id, 'letter-posted', { postedOn: today() })) as Detail;
    expect(posted.status).toBe('closed');
    const count = (await reminders()).length;
    await runTermMonitor(database.owner, at(addWorkingDays(monitorDay, 1, calendar)), monitorOptions);
    expect(await reminders()).toHaveLength(count);
    expect(await inSet('answered_late_original', complaint.id)).toBe(true);
    expect(await inSet('answered_on_time_original', complaint.id)).toBe(false);
    const twice = await attempt(as.eva, complaint.id, 'letter-posted', { postedOn: today() });
    expect(twice.statusCode).toBe(409);
  });
});

describe('a third repeat without new facts has no answer term (policy 2.6)', () => {
  test('acknowledged without promising an answer, no due date anywhere, recorded and closed', async () => {
    const original = await register(as.eva, {
      channel: 'email',
      receivedAt: workingDayAt9(-30).toISOString(),
      complainant: { name: 'Henk Herhaal', email: 'henk@example.org', relation: 'tenant' },
      description: 'De parkeerplaats voor mijn deur is weggehaald.',
    });
    const repeat = (receivedAt: Date) =>
      register(as.eva, {
        channel: 'email',
        receivedAt: receivedAt.toISOString(),
        complainantId: original.complainant.id,
        description: 'Ik blijf het oneens met het weghalen van de parkeerplaats.',
        repeat: { kind: 'disagrees_with_decision', earlierComplaintId: original.id, newFacts: false },
      }) as Promise<Detail & { repeat: { rung: string } }>;
    const first = await repeat(workingDayAt9(-25));
    const second = await repeat(workingDayAt9(-20));
    const third = await repeat(workingDayAt9(-15));
    expect([first.repeat.rung, second.repeat.rung, third.repeat.rung]).toEqual([
      'stand_by',
      'last_response',
      'record_only',
    ]);
    expect(second.term).toMatchObject({ answerTerm: true });
    expect(third.term).toMatchObject({ answerTerm: false, dueAt: null, progress: { state: 'no_term' } });
    expect(codes(third)).toEqual(['record_without_answer_duty']);

    const mails = await database.owner
      .selectFrom('outbox_message')
      .select(['kind', 'body_text', 'recipient_to'])
      .where('complaint_id', 'in', [second.id, third.id])
      .execute();
    const ack = mails.find((m) => m.kind === 'acknowledgement_without_answer');
    expect(ack?.recipient_to).toEqual(['henk@example.org']);
    expect(ack?.body_text).toContain('laatste reactie');
    expect(ack?.body_text).toContain('geen nieuw antwoord');
    expect(ack?.body_text).not.toMatch(/uiterlijk|reactie van ons krijgt|krijgt uiterlijk/);
    expect(mails.filter((m) => m.kind === 'acknowledgement')).toHaveLength(1); // the second repeat's

    // work queue: no due date, never overdue
    const list = await get(as.eva, '/api/complaints?limit=200&status=new');
    const item = (list.items as { id: string; dueAt: string | null; progress: { state: string } }[]).find(
      (i) => i.id === third.id,
    );
    expect(item).toMatchObject({ dueAt: null, progress: { state: 'no_term' } });
    const overdue = await get(as.eva, '/api/complaints?limit=200&overdue=true');
    const overdueIds = (overdue.items as { id: string }[]).map((i) => i.id);
    expect(overdueIds).toContain(second.id);
    expect(overdueIds).not.toContain(third.id);
    // term monitor: nothing about the third repeat
    const monitorDay = isWorkingDay(today(), calendar) ? today() : getNextWorkingDay(today(), calendar);
    await runTermMonitor(
      database.owner,
      toInstant({ date: monitorDay, hour: 11, minute: 0, second: 0, millisecond: 0 }),
      monitorOptions,
    );
    const chased = await database.owner
      .selectFrom('notification')
      .select(['complaint_id'])
      .where('complaint_id', 'in', [second.id, third.id])
      .execute();
    expect(chased.map((n) => n.complaint_id)).toContain(second.id);
    expect(chased.map((n) => n.complaint_id)).not.toContain(third.id);

    const recorded = (await step(as.eva, third.id, 'record-without-answer-duty')) as Detail;
    expect(recorded.status).toBe('closed');
    expect(recorded.term.dueAt).toBeNull();
  });
});
