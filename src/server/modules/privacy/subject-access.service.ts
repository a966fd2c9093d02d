import type { Readable } from 'node:stream';
import { toLocalDate, toLocalDateTime } from '../../../domain/business-time.ts';
import {
  mayShowMessage,
  SUBJECT_SUPPLIED_ATTACHMENT_KINDS,
  type SubjectAccessForm,
  subjectAccessForm,
  timelineFor,
} from '../../../domain/index.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { loadOnce } from '../../load-once.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import { listAccessLog, recordAccess, recordAccesses } from '../access-log/index.ts';
import { adjustmentsOfPerson } from '../adjustments/index.ts';
import { timelineSight, toAccess } from '../complaints/index.ts';
import { renderSubjectSummary } from './pdf/subject-access-pdf.ts';
import * as repository from './subject-access.repository.ts';

const loadArchiver = loadOnce(() => import('archiver'));

const WHAT_LABELS: Record<string, string> = {
  detail: 'klacht bekeken',
  attachment: 'bijlage geopend',
  person: 'persoonsgegevens bekeken',
  person_complaints: 'klachtenoverzicht bekeken',
  change: 'klacht gewijzigd',
  export: 'geëxporteerd',
  subject_access_export: 'inzageverzoek uitgevoerd',
  erasure: 'gegevens gewist',
  access_log_export: 'inzagelog geëxporteerd',
};

const when = (date: Date) => {
  const local = toLocalDateTime(date);
  return `${local.date} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
};

/** Attachment names inside the ZIP: no path separators, nothing that could climb out of the folder. */
function safeName(name: string): string {
  return (
    name
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose of this pattern
      .replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 150) || 'bestand'
  );
}

/**
 * Everything held about one person (AVG art. 15) as a ZIP: a readable PDF summary, the complete data as
 * JSON, the attachment files and the original e-mails. The read itself is in the access log, in the
 * transaction that collects the data.
 */
export async function exportSubjectData(
  db: Database,
  storage: BlobStorage,
  principal: StaffPrincipal,
  personId: string,
  now = serverNow(),
): Promise<{ fileName: string; archive: Readable }> {
  const data = await inOrganization(db, principal.organizationId, async (trx) => {
    const person = await repository.findPersonWithAddress(trx, personId);
    if (!person) throw new AppError('not_found');
    const complaints = await repository.findComplaints(trx, personId);
    const ids = complaints.map((c) => c.id);
    const [
      allEvents,
      allOutbound,
      inbound,
      allAttachments,
      satisfaction,
      access,
      organizationName,
      adjustments,
    ] = await Promise.all([
      repository.findEvents(trx, ids),
      repository.findOutboundMessages(trx, ids, person.email),
      repository.findInboundMail(trx, ids, person.email),
      repository.findAttachments(trx, ids),
      repository.findSatisfaction(trx, ids),
      listAccessLog(trx, { personId, limit: 100_000 }),
      repository.organizationName(trx, principal.organizationId),
      // issue 26: what they asked for (channel, large print, representative, needs) and on what basis
      adjustmentsOfPerson(trx, personId),
    ]);
    // issue 20: the one rule decides, per complaint, what the exporter may carry out of Gehoord
    const addresses = new Set(
      [person.email, ...complaints.map((c) => c.representativeEmail)]
        .filter((a): a is string => a !== null)
        .map((a) => a.toLowerCase()),
    );
    const toThePerson = (m: { recipient_to: string[]; recipient_cc: string[] }) =>
      [...m.recipient_to, ...m.recipient_cc].some((a) => addresses.has(a.toLowerCase()));
    const forms = new Map<string, SubjectAccessForm>();
    const events: typeof allEvents = [];
    const outboundKept = new Set<string>();
    for (const complaint of complaints) {
      const complaintAccess = toAccess(complaint);
      const form = subjectAccessForm(principal, complaintAccess);
      forms.set(complaint.id, form);
      const own = allEvents.filter((e) => e.complaint_id === complaint.id);
      const sight = await timelineSight(trx, principal, complaintAccess, own);
      events.push(...timelineFor(sight, own));
      for (const m of allOutbound) {
        if (m.complaint_id !== complaint.id || !mayShowMessage(sight, m.kind)) continue;
        if (form === 'whole' || toThePerson(m)) outboundKept.add(m.id);
      }
    }
    // mails to the person that belong to no complaint of theirs (e.g. as a representative) are theirs
    const outbound = allOutbound.filter(
      (m) =>
        outboundKept.has(m.id) || ((m.complaint_id === null || !forms.has(m.complaint_id)) && toThePerson(m)),
    );
    const attachments = allAttachments.filter(
      (a) => forms.get(a.complaint_id) === 'whole' || SUBJECT_SUPPLIED_ATTACHMENT_KINDS.includes(a.kind),
    );
    const minimised = [...forms.values()].filter((f) => f === 'minimised').length;
    await recordAccess(trx, principal, {
      what: 'subject_access_export',
      personId,
      detail: { complaints: complaints.length, minimised, attachments: attachments.length },
    });
    // every complaint the export read, one entry each, in one insert
    await recordAccesses(
      trx,
      principal,
      complaints.map((c) => ({
        what: 'subject_access_export' as const,
        complaintId: c.id,
        personId,
        detail: { form: forms.get(c.id) },
      })),
    );
    return {
      person,
      complaints,
      forms,
      events,
      outbound,
      inbound,
      attachments,
      satisfaction,
      access,
      organizationName,
      adjustments,
    };
  });

  const reference = new Map(data.complaints.map((c) => [c.id, c.reference]));
  const attachmentPath = (a: (typeof data.attachments)[number]) =>
    `bijlagen/${reference.get(a.complaint_id) ?? 'klacht'}/${a.id.slice(0, 8)}-${safeName(a.file_name)}`;
  const { person } = data;
  const address = person.street
    ? `${person.street} ${person.house_number}${person.house_number_addition ?? ''}, ${person.postcode} ${person.place}`
    : null;

  const json = {
    producedAt: now.toISOString(),
    organization: data.organizationName,
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      phone: person.phone,
      postalAddress: person.postal_address,
      address,
      relation: person.relation,
      externalId: person.external_id,
      registeredAt: person.created_at.toISOString(),
      anonymisedAt: person.anonymised_at?.toISOString() ?? null,
      adjustments: data.adjustments.map((a) => ({
        kind: a.kind,
        value: a.value,
        legalBasis: a.legal_basis,
        consentAt: a.consent_at?.toISOString() ?? null,
        recordedBy: a.recordedByName,
        recordedAt: a.recorded_at.toISOString(),
      })),
    },
    complaints: data.complaints.map((c) => {
      const whole = data.forms.get(c.id) === 'whole';
      return {
        id: c.id,
        reference: c.reference,
        channel: c.channel,
        receivedAt: c.received_at.toISOString(),
        status: c.status,
        category: c.category,
        description: c.description,
        desiredOutcome: c.desired_outcome,
        outcome: c.outcome,
        compensationCents: c.compensation_cents,
        answer: c.answer_text,
        answeredAt: c.answered_at?.toISOString() ?? null,
        closedAt: c.closed_at?.toISOString() ?? null,
        housingComplex: c.housingComplexName,
        // the organisation's handling: only when the exporter may see the complaint whole (subjectAccessForm)
        minimised: !whole,
        department: whole ? c.departmentName : null,
        representative: c.representativeName
          ? { name: c.representativeName, email: c.representativeEmail, relation: c.representativeRelation }
          : null,
        timeline: data.events
          .filter((e) => e.complaint_id === c.id)
          .map((e) => ({
            type: e.type,
            at: e.at.toISOString(),
            summary: whole ? e.summary : null,
            contactKind: e.contact_kind,
            contactDirection: e.contact_direction,
          })),
        satisfaction: data.satisfaction
          .filter((s) => s.complaint_id === c.id)
          .map((s) => ({
            handling: s.handling,
            outcome: s.outcome,
            comment: s.comment,
            at: s.created_at.toISOString(),
          })),
      };
    }),
    messages: {
      sent: data.outbound.map((m) => ({
        id: m.id,
        complaintReference: m.complaint_id ? (reference.get(m.complaint_id) ?? null) : null,
        kind: m.kind,
        to: m.recipient_to,
        cc: m.recipient_cc,
        subject: m.subject,
        body: m.body_text,
        status: m.status,
        createdAt: m.created_at.toISOString(),
        sentAt: m.sent_at?.toISOString() ?? null,
      })),
      received: data.inbound.map((m) => ({
        id: m.id,
        complaintReference: m.complaint_id ? (reference.get(m.complaint_id) ?? null) : null,
        from: m.from_address,
        subject: m.subject,
        receivedAt: m.processed_at.toISOString(),
        attachmentNames: m.attachment_names,
        file: m.raw.length > 0 ? `e-mail/${m.id}.eml` : null,
      })),
    },
    attachments: data.attachments.map((a) => ({
      id: a.id,
      complaintReference: reference.get(a.complaint_id) ?? null,
      fileName: a.file_name,
      mediaType: a.media_type,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
      kind: a.kind,
      uploadedAt: a.uploaded_at.toISOString(),
      file: a.erased_at === null ? attachmentPath(a) : null,
    })),
    access: data.access.map((l) => ({
      at: l.at.toISOString(),
      what: l.what,
      complaintReference: l.reference,
      by: l.userName ?? (l.tokenName ? `koppeling ${l.tokenName}` : null),
      ip: l.ip,
      userAgent: l.user_agent,
    })),
  };

  const pdf = await renderSubjectSummary({
    organizationName: data.organizationName,
    generatedOn: toLocalDate(now),
    person: {
      name: person.name,
      lines: [person.email, person.phone, person.postal_address, address].filter((l): l is string =>
        Boolean(l),
      ),
    },
    complaints: json.complaints.map((c) => ({
      reference: c.reference,
      lines: [
        `Ontvangen / Received: ${when(new Date(c.receivedAt))} (${c.channel})`,
        `Status: ${c.status}${c.outcome ? `, oordeel / outcome: ${c.outcome}` : ''}`,
        ...(c.closedAt ? [`Afgesloten / Closed: ${when(new Date(c.closedAt))}`] : []),
        ...(c.minimised
          ? [
              'Vertrouwelijke klacht: uw eigen gegevens, zonder interne behandeling / confidential complaint: your own data, without internal handling',
            ]
          : []),
      ],
      description: c.description,
      answer: c.answer,
    })),
    messages: [
      ...json.messages.sent.map((m) => ({
        date: when(new Date(m.createdAt)),
        direction: 'aan u / to you',
        subject: m.subject,
      })),
      ...json.messages.received.map((m) => ({
        date: when(new Date(m.receivedAt)),
        direction: 'van u / from you',
        subject: m.subject ?? '',
      })),
    ],
    attachments: json.attachments.map((a) => ({
      reference: a.complaintReference ?? '',
      fileName: a.fileName,
      note: a.file ? '' : 'verwijderd / deleted',
    })),
    access: data.access.map((l) => ({
      date: when(l.at),
      who: l.userName ?? (l.tokenName ? `koppeling ${l.tokenName}` : 'onbekend'),
      what: `${WHAT_LABELS[l.what] ?? l.what}${l.reference ? ` ${l.reference}` : ''}`,
      from: l.ip ?? '',
    })),
  });

  const { ZipArchive } = await loadArchiver();
  const archive = new ZipArchive({ zlib: { level: 6 } });
  archive.append(pdf, { name: 'overzicht.pdf' });
  archive.append(`${JSON.stringify(json, null, 2)}\n`, { name: 'gegevens.json' });
  for (const mail of data.inbound) {
    if (mail.raw.length > 0) archive.append(mail.raw, { name: `e-mail/${mail.id}.eml` });
  }
  for (const attachment of data.attachments) {
    if (attachment.erased_at !== null) continue;
    archive.append(await storage.get(attachment.storage_key), { name: attachmentPath(attachment) });
  }
  void archive.finalize();
  return { fileName: `inzage-${toLocalDate(now)}-${person.id.slice(0, 8)}.zip`, archive };
}
