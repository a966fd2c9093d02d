import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  type ComplaintAccess,
  type ConfidentialityReason,
  mayShowComplaint,
  mayShowMessage,
  type ReportPeriod,
  type StaffActor,
  timelineFor,
} from '../../../../domain/index.ts';
import type { Scoped } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import { loadOnce } from '../../../load-once.ts';
import { BlobNotFoundError, type BlobStorage } from '../../../storage/blob-storage.ts';
import { type AccessReader, recordAccesses } from '../../access-log/index.ts';
import { timelineSight } from '../../complaints/index.ts';
import * as repository from '../dossier.repository.ts';
import { organizationName } from '../measures/measures.repository.ts';
import { renderCaseFilePdf } from './case-file-pdf.ts';

// The per-complex dossier (issue 11; the regional complaints committee asks for it): a ZIP with one folder
// per complaint holding its case file as PDF and its attachments.

/** Who reads the dossier decides which names it holds (policy 2.2: privacy in reports). */
export type DossierReader = StaffActor;

const loadArchiver = loadOnce(() => import('archiver'));

function safeName(name: string): string {
  const cleaned = name
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the purpose of this pattern
    .replace(/[/\\:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
  return cleaned.length === 0 ? 'bestand' : cleaned;
}

function accessOf(c: repository.DossierComplaint): ComplaintAccess {
  return {
    handlerId: c.handlerId,
    responsibleManagerId: c.responsibleManagerId,
    departmentId: c.departmentId,
    confidential: c.confidential,
    confidentialReason: c.confidentialReason as ConfidentialityReason | null,
    subjectEmployeeId: c.subjectEmployeeId,
    subjectEmployeeDepartmentId: c.subjectEmployeeDepartmentId,
  };
}

/**
 * Writes the ZIP to `path`; returns how many complaints it holds. A complaint the reader may not see is
 * left out (issue 20: at most counted, in the LEESMIJ); every case file written is in the access log.
 */
export async function writeComplexDossier(
  trx: Scoped,
  storage: BlobStorage,
  input: {
    housingComplexId: string;
    period: ReportPeriod;
    reader: DossierReader;
    loggedAs: AccessReader;
    jobId: string;
    path: string;
  },
  progress: (fraction: number) => Promise<void>,
): Promise<{ complaints: number; withheld: number; complexNumber: string }> {
  const complex = await repository.findComplex(trx, input.housingComplexId);
  if (complex === undefined) throw new AppError('not_found');
  const [orgName, all] = await Promise.all([
    organizationName(trx),
    repository.complexComplaints(trx, complex.id, input.period),
  ]);
  const complaints = all.filter((c) => mayShowComplaint(input.reader, accessOf(c)));
  const withheld = all.length - complaints.length;
  const { ZipArchive } = await loadArchiver();
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const output = createWriteStream(input.path);
  const closed = new Promise<void>((resolve, reject) => {
    output.on('close', resolve);
    output.on('error', reject);
    zip.on('error', reject);
  });
  zip.pipe(output);
  let index = 0;
  for (const c of complaints) {
    index += 1;
    await appendComplaintFolder(trx, storage, zip, c, {
      organizationName: orgName,
      complexLabel: `Complex ${complex.complexNumber} ${complex.name}, ${complex.place}`,
      reader: input.reader,
      folder: `${c.reference}/`,
    });
    await progress(index / Math.max(1, complaints.length));
  }
  const readme = [
    ...(complaints.length === 0 ? ['Geen klachten over dit complex in deze periode die u mag inzien.'] : []),
    ...(withheld > 0
      ? [`${withheld} vertrouwelijke klacht(en) over dit complex zijn niet opgenomen: u mag ze niet inzien.`]
      : []),
  ];
  if (readme.length > 0) zip.append(`${readme.join('\n')}\n`, { name: 'LEESMIJ.txt' });
  await recordAccesses(
    trx,
    input.loggedAs,
    complaints.map((c) => ({
      what: 'export' as const,
      complaintId: c.id,
      detail: { kind: 'complex_dossier', jobId: input.jobId },
    })),
  );
  await zip.finalize();
  await closed;
  return { complaints: complaints.length, withheld, complexNumber: complex.complexNumber };
}

type FolderOptions = {
  organizationName: string;
  complexLabel: string;
  reader: DossierReader;
  folder: string;
};
type Zip = { append(source: Buffer | string | Readable, data: { name: string }): unknown };

/** One complaint's case file as PDF plus its attachments, under `folder` in the ZIP. */
async function appendComplaintFolder(
  trx: Scoped,
  storage: BlobStorage,
  zip: Zip,
  c: repository.DossierComplaint,
  options: FolderOptions,
): Promise<number> {
  // Only complaints the reader may see whole get here (mayShowComplaint). The board reads without
  // complainant names.
  if (!mayShowComplaint(options.reader, accessOf(c))) throw new AppError('not_found');
  const hideComplainant = options.reader.roles.includes('board');
  const employee = (name: string | null) => name ?? '–';
  const [allEvents, allMessages, attachments] = await Promise.all([
    repository.timeline(trx, c.id),
    repository.messages(trx, c.id),
    repository.attachments(trx, c.id),
  ]);
  // issue 20: the case file's timeline and mails say no more than the detail screen would to this reader
  const sight = await timelineSight(trx, options.reader, accessOf(c), allEvents);
  const events = timelineFor(sight, allEvents);
  const messages = allMessages.filter((m) => mayShowMessage(sight, m.kind));
  const names = new Set<string>();
  const files = attachments.map((a) => {
    let name = safeName(a.fileName);
    for (let n = 2; names.has(name); n += 1) name = `${n}-${safeName(a.fileName)}`;
    names.add(name);
    return { ...a, zipName: name };
  });
  const subject =
    c.subjectKind === 'employee'
      ? `Medewerker: ${employee(c.subjectEmployeeName)}`
      : c.subjectKind === 'contractor'
        ? `Aannemer: ${c.contractorName ?? '–'}`
        : c.subjectKind === 'department'
          ? 'Afdeling'
          : '–';
  const pdf = await renderCaseFilePdf({
    organizationName: options.organizationName,
    complexLabel: options.complexLabel,
    reference: c.reference,
    status: c.status,
    channel: c.channel,
    confidential: c.confidential,
    receivedAt: c.receivedAt,
    originalDueAt: c.hasAnswerTerm ? c.originalDueAt : null,
    dueAt: c.hasAnswerTerm ? c.dueAt : null,
    answeredAt: c.answeredAt,
    closedAt: c.closedAt,
    complainant: hideComplainant ? 'Klager (naam niet opgenomen)' : (c.complainantName ?? '–'),
    handler: employee(c.handlerName),
    subject,
    category: c.category,
    description: c.description,
    desiredOutcome: c.desiredOutcome,
    triage: c.triage,
    assessment: c.assessment,
    outcome: c.outcome,
    committee: c.committee,
    answerText: c.answerText,
    timeline: events.map((e) => ({
      at: e.at,
      type: e.type,
      actor: e.actorName === null ? 'Systeem' : employee(e.actorName),
      summary: e.summary,
    })),
    // A message to the complainant greets them by name (a letter to post since issue 21 as well): the board
    // reads which messages went and when, not their text
    messages: hideComplainant
      ? messages.map((m) => ({ ...m, bodyText: '(Tekst niet opgenomen: het bericht noemt de klager.)' }))
      : messages,
    attachmentNames: files.map((f) => f.zipName),
  });
  zip.append(pdf, { name: `${options.folder}klachtdossier-${c.reference}.pdf` });
  for (const file of files) {
    const name = `${options.folder}bijlagen/${file.zipName}`;
    try {
      zip.append(await storage.get(file.storageKey), { name });
    } catch (error) {
      // A missing file must not cost the committee the whole dossier: say which one is missing.
      if (!(error instanceof BlobNotFoundError)) throw error;
      zip.append(`Dit bestand ontbreekt in de opslag: ${file.fileName}\n`, { name: `${name}.ontbreekt.txt` });
    }
  }
  return files.length;
}

/**
 * The dossier of one complaint for the regional complaints committee (policy 1.3): its case file as PDF and
 * its attachments, as a ZIP in memory (one complaint is small).
 */
export async function buildCommitteeDossier(
  trx: Scoped,
  storage: BlobStorage,
  complaintId: string,
  reader: DossierReader,
): Promise<{ zip: Buffer; reference: string; attachments: number }> {
  const c = await repository.dossierComplaint(trx, complaintId);
  if (c === undefined) throw new AppError('not_found');
  const complex =
    c.housingComplexId === null ? undefined : await repository.findComplex(trx, c.housingComplexId);
  const { ZipArchive } = await loadArchiver();
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    zip.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.on('end', resolve);
    zip.on('error', reject);
  });
  const attachments = await appendComplaintFolder(trx, storage, zip, c, {
    organizationName: await organizationName(trx),
    complexLabel: complex
      ? `Complex ${complex.complexNumber} ${complex.name}, ${complex.place}`
      : 'Geen complex',
    reader,
    folder: '',
  });
  await zip.finalize();
  await done;
  return { zip: Buffer.concat(chunks), reference: c.reference, attachments };
}
