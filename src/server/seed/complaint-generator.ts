import {
  type CalendarSettings,
  type ComplaintCategory,
  type IntakeChannel,
  type RepeatInput,
  toLocalDate,
} from '../../domain/index.ts';
import { formatReference } from '../modules/complaints/complaint-registration.service.ts';
import {
  type History,
  type HistoryInput,
  type Nature,
  simulateComplaint,
  toStateRow,
} from './complaint-history.ts';
import {
  DAY,
  departmentFor,
  describe,
  type Earlier,
  natureFor,
  pickEarlier,
  rateSatisfaction,
  registeredAtFor,
  sampleReceivedAt,
} from './complaint-intake.ts';
import { pickDesiredOutcome } from './complaint-texts.ts';
import {
  type DepartmentInfo,
  type GeneratedOrganization,
  type PersonInfo,
  personName,
  type Row,
} from './organization-generator.ts';
import type { Random } from './random.ts';

// All complaints of one corporation: spread over the years with a seasonal pattern (more in winter: heating,
// leaks, mould), every channel, triage outcome and repeat rung, each walked through the domain's lifecycle.

export type GeneratedComplaints = {
  complaint: Row[];
  complaint_event: Row[];
  board_notification: Row[];
  representative: Row[];
  complaint_sequence: Row[];
  complaint_satisfaction: Row[];
};

export function generateComplaints(
  random: Random,
  org: GeneratedOrganization,
  count: number,
  years: number,
  now: Date,
  settings: CalendarSettings,
): GeneratedComplaints {
  const start = now.getTime() - years * 365 * DAY;
  const channels = Array.from({ length: count }, () =>
    random.weighted<IntakeChannel>({ email: 35, phone: 25, web: 20, letter: 10, desk: 10 }),
  );
  const received = channels
    .map((channel) => ({ channel, receivedAt: sampleReceivedAt(random, channel, start, now.getTime()) }))
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  const out: GeneratedComplaints = {
    complaint: [],
    complaint_event: [],
    board_notification: [],
    representative: [],
    complaint_sequence: [],
    complaint_satisfaction: [],
  };
  const generated: { row: Row; history: History; registeredAt: Date }[] = [];
  const answered: Earlier[] = [];
  const matterRepeats = new Map<string, { newFacts: boolean }[]>();
  const klantcontact = org.departments[0] as DepartmentInfo;
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const staffById = new Map(org.staff.map((s) => [s.id, s]));
  // Sorted by name, as findManagementAssistants returns them; once per department, not per complaint.
  const assistantsByDepartment = new Map<string, string[]>();
  const assistantsOf = (department: DepartmentInfo): string[] => {
    let ids = assistantsByDepartment.get(department.id);
    if (ids === undefined) {
      ids = department.assistantIds
        .map((assistantId) => staffById.get(assistantId))
        .filter((s) => s !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => s.id);
      assistantsByDepartment.set(department.id, ids);
    }
    return ids;
  };

  for (const { channel, receivedAt } of received) {
    const id = random.uuid();
    const registeredAt = registeredAtFor(random, channel, receivedAt, now);
    const earlier = random.chance(0.07) ? pickEarlier(random, answered, receivedAt.getTime()) : null;
    let repeat: RepeatInput | null = null;
    let nature: Nature;
    let department: DepartmentInfo;
    let complainant: PersonInfo;
    let description: string;
    let handlerId: string;
    const contractor = random.pick(org.contractors);
    if (earlier !== null) {
      department = earlier.department;
      handlerId = random.pick(department.employeeIds);
      nature = earlier.nature;
      complainant = earlier.complainant;
      const lawyer = random.weighted({ none: 90, written_by_lawyer: 4, lawyer_threatened: 6 });
      if (random.chance(0.8)) {
        const earlierRepeats = matterRepeats.get(earlier.matterId) ?? [];
        const newFacts = random.chance(0.3);
        repeat = {
          kind: 'disagrees_with_decision',
          earlierComplaintId: earlier.id,
          lawyer,
          newFacts,
          earlierRepeats: [...earlierRepeats],
        };
        matterRepeats.set(earlier.matterId, [...earlierRepeats, { newFacts }]);
        description = newFacts
          ? `Ik ben het niet eens met het antwoord op mijn eerdere klacht. Inmiddels is er meer schade: ${earlier.description}`
          : 'Ik ben het niet eens met het antwoord op mijn eerdere klacht. Het probleem is nog steeds niet opgelost.';
      } else {
        const cause = random.weighted({ late: 40, no_answer: 35, poor_answer: 25 });
        repeat = {
          kind: 'employee_response',
          earlierComplaintId: earlier.id,
          lawyer,
          cause,
          employeeId: earlier.handlerId,
          managerId: department.managerId,
        };
        description = {
          late: 'Ik heb veel te lang moeten wachten op een antwoord op mijn klacht.',
          no_answer: 'Ik heb nooit antwoord gekregen op mijn klacht, terwijl mij dat wel was beloofd.',
          poor_answer: 'Het antwoord op mijn klacht was kortaf en gaat niet in op wat ik heb geschreven.',
        }[cause];
      }
    } else {
      // 78 % complaints (in the four categories), 22 % other signals (see natureFor).
      const intake = random.weighted<ComplaintCategory | 'other'>({
        repair_badly_done: 31,
        no_or_late_answer: 20,
        request_wrongly_handled: 15,
        treated_wrongly: 12,
        other: 22,
      });
      department = departmentFor(random, org, intake);
      handlerId = random.pick(department.employeeIds);
      nature = natureFor(random, org, handlerId, department, intake);
      complainant = random.pick(org.tenants);
      description = describe(random, nature, contractor.name);
    }
    const handler = staffById.get(handlerId);
    const managerLed = repeat?.kind === 'employee_response';
    const registeredBy = managerLed ? random.pick(klantcontact.employeeIds) : handlerId;
    const precedent =
      earlier !== null &&
      earlier.committeeReferredAt !== null &&
      earlier.committeeReferredAt < registeredAt.getTime()
        ? earlier.committeeReference
        : null;
    const assistantIds = assistantsOf(department);
    const input: HistoryInput = {
      id,
      organizationId: org.id,
      channel,
      receivedAt,
      registeredAt,
      registeredBy,
      handlerId,
      handlerName: handler?.name ?? '',
      departmentManagerId: department.managerId,
      assistantIds,
      complainantSurname: complainant.name.split(' ').slice(1).join(' '),
      contractorName: contractor.name,
      nature,
      repeat,
      precedentReference: precedent ?? null,
      suspectedCriminalOffence: random.chance(0.003),
      legalId: random.pick(org.legalIds),
      boardId: random.pick(org.boardIds),
    };
    const history = simulateComplaint(input, settings, now, random.fork(id));
    let representativeId: string | null = null;
    if (random.chance(0.04)) {
      representativeId = random.uuid();
      out.representative.push({
        id: representativeId,
        organization_id: org.id,
        name: personName(random).name,
        email: null,
        phone: null,
        relation: random.pick(['dochter', 'zoon', 'buurvrouw', 'mantelzorger', 'bewindvoerder']),
        consent_noted: true,
        created_at: registeredAt,
      });
    }
    const unit = complainant.unitId === null ? undefined : unitById.get(complainant.unitId);
    const matterId = earlier?.matterId ?? id;
    const row: Row = {
      id,
      organization_id: org.id,
      matter_id: matterId,
      channel,
      registered_at: registeredAt,
      registered_by: registeredBy,
      registered_by_token: null,
      complainant_id: complainant.id,
      representative_id: representativeId,
      unit_id: unit?.id ?? null,
      housing_complex_id: unit?.complexId ?? null,
      department_id: department.id,
      description,
      desired_outcome: random.chance(0.6) ? pickDesiredOutcome(random) : null,
      confidential: false,
      subject_employee_id: null,
      subject_department_id: null,
      subject_contractor_id: null,
      repeat_of_id: earlier?.id ?? null,
      repeat_input: repeat,
      improvement_suggestions: null,
      answer_text: null,
      answer_recipients: null,
      notes_text: '',
      ...toStateRow(history.state),
      ...history.columns,
      version: history.version,
      created_at: registeredAt,
      updated_at: history.lastEventAt,
    };
    generated.push({ row, history, registeredAt });
    const state = history.state;
    if (state.answeredAt !== null && state.triage?.outcome === 'complaint') {
      answered.push({
        id,
        matterId,
        category: state.triage.category,
        nature,
        complainant,
        handlerId: state.handlerId ?? handlerId,
        department,
        answeredAt: state.answeredAt.getTime(),
        committeeReferredAt: state.committee?.referredAt.getTime() ?? null,
        committeeReference: state.committee?.reference ?? null,
        description,
      });
    }
  }

  // Reference numbers follow registration order per calendar year, as nextReferenceNumber hands them out.
  generated.sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
  const lastNumber = new Map<number, number>();
  for (const { row, history, registeredAt } of generated) {
    const year = Number(toLocalDate(registeredAt).slice(0, 4));
    const number = (lastNumber.get(year) ?? 0) + 1;
    lastNumber.set(year, number);
    row.reference = formatReference(year, number);
    out.complaint.push(row);
    out.complaint_event.push(...history.events);
    out.board_notification.push(...history.boardNotifications.map((n) => ({ ...n, id: random.uuid() })));
    const satisfaction = rateSatisfaction(random, history, row.id as string, org.id, now);
    if (satisfaction !== null) out.complaint_satisfaction.push(satisfaction);
  }
  for (const [year, last] of lastNumber)
    out.complaint_sequence.push({ organization_id: org.id, year, last_number: last });
  return out;
}
