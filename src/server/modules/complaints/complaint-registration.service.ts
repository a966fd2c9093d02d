import { randomUUID } from 'node:crypto';
import type { ComplaintDetail, RegisterComplaintInput } from '../../../contract/complaints.ts';
import type { FieldError } from '../../../contract/problem.ts';
import {
  acknowledgementSendAt,
  type Confidentiality,
  checkConfidentialityRequest,
  openComplaint,
  type RepeatInput,
  toLocalDate,
} from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization, type Scoped } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import { inSpan } from '../../observability/spans.ts';
import { calendarSettingsFor } from '../reference-data/index.ts';
import { authorize, eventActor, mayKnowOf, readerOf } from './access/complaint-access.ts';
import { askedAdjustments, registeredAdjustments } from './adjustments/intake-adjustments.ts';
import * as repository from './complaint.repository.ts';
import {
  confidentialityColumns,
  confidentialityProblem,
  markedConfidentialEvent,
} from './complaint-confidentiality.service.ts';
import { complaintEvents } from './complaint-events.ts';
import { carryOutEffects, type EventSpec } from './complaint-mutation.service.ts';
import { type IdempotentResult, withIdempotency } from './idempotency/idempotency.ts';
import { stateColumns } from './mappers/complaint-state.mapper.ts';
import { routeComplaint } from './routing/complaint-routing.ts';
import { buildDetail } from './views/complaint-detail.ts';

function unknownReference(path: string, nl: string, en: string): FieldError {
  return { in: 'body', path, code: 'invalid_reference', messages: { nl, en } };
}

const NOT_FOUND = {
  nl: 'Deze bestaat niet (meer).',
  en: 'This does not exist (any more).',
};

export function formatReference(year: number, number: number): string {
  return `K-${year}-${String(number).padStart(5, '0')}`;
}

type Resolved = {
  complainantId: string | null;
  unitId: string | null;
  housingComplexId: string | null;
  handlerId: string | null;
  departmentId: string | null;
  repeat: RepeatInput | null;
  matterId: string | null;
};

/** Checks every id in the request and derives the unit, complex, department and manager from them. */
async function resolveReferences(
  trx: Scoped,
  principal: RegistrationOrigin,
  input: RegisterComplaintInput,
  knownUnit: KnownUnit | null,
): Promise<Resolved> {
  const errors: FieldError[] = [];
  const missing = (path: string) => errors.push(unknownReference(path, NOT_FOUND.nl, NOT_FOUND.en));

  if (
    (input.complainantId === undefined) === (input.complainant === undefined) &&
    input.complainantId !== undefined
  ) {
    errors.push(
      unknownReference(
        'complainant',
        'Kies een bestaande klager óf vul een nieuwe in, niet allebei.',
        'Choose an existing complainant or fill in a new one, not both.',
      ),
    );
  }
  let unitId = input.unitId ?? input.complainant?.unitId ?? null;
  let housingComplexId = input.housingComplexId ?? null;
  // a unit the caller already read (the portal's address match) or the person's home (read with the person)
  // is not looked up again; a unit named in the request is checked below
  let unitChecked = false;
  if (knownUnit !== null && unitId === knownUnit.id) {
    housingComplexId ??= knownUnit.housingComplexId;
    unitChecked = true;
  }
  if (input.complainantId !== undefined) {
    const person = await repository.findPersonWithUnit(trx, input.complainantId);
    if (person === undefined) missing('complainantId');
    else if (unitId === null && person.unit_id !== null) {
      unitId = person.unit_id;
      housingComplexId ??= person.housing_complex_id;
      unitChecked = true;
    }
  }
  if (unitId !== null && !unitChecked) {
    const unit = await repository.findUnit(trx, unitId);
    if (unit === undefined) missing(input.unitId !== undefined ? 'unitId' : 'complainant.unitId');
    else housingComplexId ??= unit.housing_complex_id;
  }
  if (
    input.housingComplexId !== undefined &&
    !(await repository.housingComplexExists(trx, input.housingComplexId))
  ) {
    missing('housingComplexId');
  }

  // policy 2.3: "direct opgepakt door de betreffende medewerker" — whoever registers handles, unless named
  const handlerId = input.handlerId ?? (principal.kind === 'staff' ? principal.userId : null);
  if (input.handlerId !== undefined) {
    const handler = await repository.findStaffMember(trx, input.handlerId);
    if (handler === undefined || !handler.active) missing('handlerId');
  }
  const departmentId = input.departmentId ?? null;
  if (departmentId !== null && (await repository.findDepartment(trx, departmentId)) === undefined)
    missing('departmentId');

  let repeat: RepeatInput | null = null;
  let matterId: string | null = null;
  if (input.repeat !== undefined) {
    const earlier = await repository.findComplaintRow(trx, input.repeat.earlierComplaintId);
    // a complaint the registrant may not see is answered like an unknown id (no existence oracle)
    if (earlier === undefined || (principal.kind !== 'portal' && !mayKnowOf(principal, earlier)))
      missing('repeat.earlierComplaintId');
    else {
      matterId = earlier.matter_id;
      if (input.repeat.kind === 'disagrees_with_decision') {
        // policy 2.6: the ladder counts earlier disagreements on the same matter
        const matter = await repository.listMatter(trx, earlier.matter_id);
        const earlierRepeats = matter
          .map((c) => c.repeat_input as { kind?: string; newFacts?: boolean } | null)
          .filter((r) => r?.kind === 'disagrees_with_decision')
          .map((r) => ({ newFacts: r?.newFacts === true }));
        repeat = { ...input.repeat, earlierRepeats };
      } else {
        const employee = await repository.findStaffMember(trx, input.repeat.employeeId);
        if (employee === undefined) missing('repeat.employeeId');
        else if (employee.managerUserId === null) {
          errors.push(
            unknownReference(
              'repeat.employeeId',
              'Deze medewerker heeft geen leidinggevende; die beslist over deze herhaalde klacht.',
              'This employee has no manager; the manager decides on this repeat complaint.',
            ),
          );
        } else repeat = { ...input.repeat, managerId: employee.managerUserId };
      }
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', { fieldErrors: errors });
  return {
    complainantId: input.complainantId ?? null,
    unitId,
    housingComplexId,
    handlerId,
    departmentId,
    repeat,
    matterId,
  };
}

/** Registers a complaint from any channel (policy 2.1), computing and storing its term (policy 2.3). */
export async function registerComplaint(
  db: Database,
  principal: Principal,
  input: RegisterComplaintInput,
  idempotencyKey: string | undefined,
  now = serverNow(),
): Promise<IdempotentResult<ComplaintDetail>> {
  authorize(principal, 'complaint.register', null);
  const caller = principal.kind === 'staff' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
  const attributes = {
    'gehoord.organization_id': principal.organizationId,
    'gehoord.caller': principal.kind,
  };
  return inSpan('complaints.register', attributes, () =>
    inOrganization(db, principal.organizationId, (trx) =>
      withIdempotency(
        trx,
        { organizationId: principal.organizationId, caller, operation: 'register_complaint' },
        idempotencyKey,
        input,
        async () => ({ status: 201, body: await register(trx, principal, input, now) }),
      ),
    ),
  );
}

/** A unit the caller read in this transaction (the portal's address match): not looked up again. */
export type KnownUnit = { id: string; housingComplexId: string | null };

/** Who registers: a staff member, an integration, or the complainant through the public portal. */
export type RegistrationOrigin = Principal | { kind: 'portal'; organizationId: string };

/**
 * Registers inside the caller's transaction; the public portal and e-mail intake use this directly (they have
 * no principal and keep their own idempotency and abuse checks). Returns the stored row, without reading the
 * whole detail back: only the API answers with it.
 */
export async function registerOnly(
  trx: Scoped,
  principal: RegistrationOrigin,
  input: RegisterComplaintInput,
  now: Date,
  options: { knownUnit?: KnownUnit | null } = {},
) {
  const asked = askedAdjustments(input);
  const resolved = await resolveReferences(trx, principal, input, options.knownUnit ?? null);
  const settings = await calendarSettingsFor(trx);
  const receivedAt = input.receivedAt === undefined ? now : new Date(input.receivedAt);
  // policy 2.1, 2.3: the registrant picks it up; website and e-mail complaints go to the intake queue
  const routed = await routeComplaint(
    trx,
    {
      handlerId: resolved.handlerId,
      departmentId: null,
      concernedDepartmentId: null,
      managerId: null,
    },
    { kind: 'registration', departmentId: resolved.departmentId },
  );
  const opened = openComplaint(
    {
      receivedAt,
      channel: input.channel,
      responsibleManagerId: routed.route.managerId,
      managementAssistantIds: routed.route.assistantIds,
      repeat: resolved.repeat,
    },
    settings,
    now,
  );
  if (!opened.ok) {
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          in: 'body',
          path: 'receivedAt',
          code: opened.reason,
          messages: {
            nl: 'De ontvangstdatum ligt in de toekomst.',
            en: 'The date received is in the future.',
          },
        },
      ],
    });
  }
  // policy 1.3, 2.5: confidential on purpose, with a reason
  let confidentiality: Confidentiality = null;
  if (input.confidential) {
    const checked = checkConfidentialityRequest({
      reason: input.confidentialReason,
      text: input.confidentialReasonText,
    });
    if (!checked.ok)
      throw confidentialityProblem(checked.reason, {
        reason: 'confidentialReason',
        text: 'confidentialReasonText',
      });
    confidentiality = checked.confidentiality;
  }
  const organizationId = principal.organizationId;
  const complainantId =
    resolved.complainantId ??
    (input.complainant
      ? await repository.insertPerson(trx, organizationId, {
          name: input.complainant.name,
          email: input.complainant.email ?? null,
          phone: input.complainant.phone ?? null,
          postalAddress: input.complainant.postalAddress ?? null,
          relation: input.complainant.relation,
          unitId: input.complainant.unitId ?? resolved.unitId,
        })
      : null);
  const representativeId = input.representative
    ? await repository.insertRepresentative(trx, organizationId, {
        name: input.representative.name,
        email: input.representative.email ?? null,
        phone: input.representative.phone ?? null,
        relation: input.representative.relation,
        consentNoted: input.representative.consentNoted,
      })
    : null;
  const year = Number(toLocalDate(now).slice(0, 4));
  const id = randomUUID();
  // policy 2.3: the handler picks it up at once, unless 2.6 leaves that to the manager
  const state = {
    ...opened.state,
    handlerId: resolved.repeat?.kind === 'employee_response' ? null : routed.route.handlerId,
  };
  // the reference number (decision 013) is taken in the insert itself, which returns the stored row
  const row = await repository.insertNewComplaint(trx, year, {
    ...stateColumns(state),
    id,
    organization_id: organizationId,
    matter_id: resolved.matterId ?? id,
    channel: input.channel,
    registered_by: principal.kind === 'staff' ? principal.userId : null,
    registered_by_token: principal.kind === 'token' ? principal.tokenId : null,
    complainant_id: complainantId,
    representative_id: representativeId,
    unit_id: resolved.unitId,
    housing_complex_id: resolved.housingComplexId,
    department_id: routed.route.handlingDepartmentId,
    concerned_department_id: null,
    manager_takes_reason: null,
    description: input.description,
    desired_outcome: input.desiredOutcome ?? null,
    complainant_locale: input.complainantLocale ?? 'nl',
    ...confidentialityColumns(confidentiality),
    subject_employee_id: null,
    subject_department_id: null,
    subject_contractor_id: null,
    repeat_of_id: input.repeat?.earlierComplaintId ?? null,
    repeat_input: resolved.repeat === null ? null : JSON.stringify(resolved.repeat),
    improvement_suggestions: null,
    answer_text: null,
    answer_recipients: null,
  });
  const events: EventSpec[] = [
    {
      type: 'registered',
      payload: {
        channel: input.channel,
        receivedAt: receivedAt.toISOString(),
        dueAt: state.term.dueAt.toISOString(),
        repeatRung: state.repeat?.rung ?? null,
        // issue 21: whom the acknowledgement (mail or letter) names as handler
        handlerId: state.handlerId,
      },
    },
    ...(confidentiality === null ? [] : [markedConfidentialEvent(confidentiality, null)]),
    ...(routed.event === null ? [] : [routed.event]),
    ...(await carryOutEffects(trx, { id, organization_id: organizationId }, opened.effects)),
  ];
  // policy 2.1: the complainant hears that we have it, with the reference and the term; what the mailbox
  // registered by itself waits for triage, at most until the next working day (policy 1.2: one message for
  // a signal that is not a complaint). The messages module queues it and answers with its timeline event.
  const sendAt = acknowledgementSendAt({
    channel: input.channel,
    registeredByStaff: principal.kind === 'staff',
    receivedAt,
    now,
    settings,
  });
  const told = await complaintEvents.publish(trx, 'complaint.registered', {
    complaint: { id, organizationId },
    channel: input.channel,
    acknowledgeAfter: sendAt.getTime() > now.getTime() ? sendAt : null,
    adjustments: registeredAdjustments(asked, complainantId, principal, now),
  });
  events.push(...told.flat());
  const actor =
    principal.kind === 'portal' ? { actorUserId: null, actorTokenId: null } : eventActor(principal);
  await repository.insertEvents(
    trx,
    events.map((event) => ({ organizationId, complaintId: id, ...actor, ...event })),
  );
  await complaintEvents.publish(trx, 'complaint.changed', {
    complaint: row,
    events,
    cause: 'registration',
    actorUserId: actor.actorUserId,
    at: now,
  });
  return { row, settings, dueAt: state.term.dueAt, eventTypes: events.map((event) => event.type) };
}

/**
 * Registers inside the caller's transaction and answers with the stored complaint's detail (the API's 201). From
 * where the complaint was registered goes into the access log (privacy issue 12) with the detail's relations, in
 * one statement (issue 24); a replay of the idempotency key registers nothing and logs nothing.
 */
export async function register(trx: Scoped, principal: Principal, input: RegisterComplaintInput, now: Date) {
  const { row, settings, eventTypes } = await registerOnly(trx, principal, input, now);
  return buildDetail(trx, row, settings, now, readerOf(principal), {
    organizationId: principal.organizationId,
    complaintId: row.id,
    userId: principal.kind === 'staff' ? principal.userId : null,
    tokenId: principal.kind === 'token' ? principal.tokenId : null,
    what: 'change',
    origin: principal.origin,
    // issue 26: adjustments recorded at intake are a change of the person's data like the case page's PUT
    detail: {
      events: eventTypes.includes('adjustments_changed')
        ? ['registered', 'adjustments_changed']
        : ['registered'],
    },
  });
}
