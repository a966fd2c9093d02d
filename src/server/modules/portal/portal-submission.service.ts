import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { AdjustmentsInput } from '../../../contract/adjustments.ts';
import { registerComplaintInput } from '../../../contract/complaints.ts';
import { acknowledgeAtIntake, complainantStepKey, toLocalDate } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import { inSpan } from '../../observability/spans.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import { defaultKindOf, insertAttachment } from '../attachments/index.ts';
import { registerOnly } from '../complaints/index.ts';
import { statusAccessForSeed, storeStatusAccess } from './access/status-access.ts';
import type { ComplaintForm } from './forms/complaint-form.ts';
import { sha256Hex } from './forms/form-token.ts';
import type { CleanPortalFile } from './forms/portal-files.ts';
import type { PortalContext } from './http/portal-context.ts';
import { statusPaths } from './http/portal-paths.ts';
import { formatDay, messagesFor, type PortalLocale } from './i18n/messages.ts';
import * as repository from './portal.repository.ts';
import { portalEvents } from './portal-events.ts';

export type SubmissionOutcome =
  | { kind: 'registered'; statusToken: string }
  | { kind: 'replayed'; statusToken: string }
  /** The form's nonce was already used for different content (back button, edit, send again). */
  | { kind: 'nonce_used'; reference: string | null };

type UnitAddress = {
  street: string;
  house_number: number;
  house_number_addition: string | null;
  place: string;
};

function postalAddressOf(form: ComplaintForm, unit: UnitAddress | null): string | null {
  if (form.address === null) return null;
  const postcode = `${form.address.postcode.slice(0, 4)} ${form.address.postcode.slice(4)}`;
  if (unit !== null) {
    const number = `${unit.house_number}${unit.house_number_addition ? ` ${unit.house_number_addition}` : ''}`;
    return `${unit.street} ${number}, ${postcode} ${unit.place}`;
  }
  return `${postcode}, ${form.address.houseNumber}${form.address.addition ? ` ${form.address.addition}` : ''}`;
}

/**
 * Issue 26 (decision 052): what the complainant asked for on the form, as the adjustments the registration
 * stores in its transaction (recorded via the portal); undefined when nothing was asked.
 */
function adjustmentsOf(form: ComplaintForm, now: Date): AdjustmentsInput | undefined {
  const asked = form.adjustments;
  const input: AdjustmentsInput = {
    ...(asked.preferredChannel ? { preferredChannel: asked.preferredChannel } : {}),
    ...(asked.largePrint ? { largePrint: true } : {}),
    ...(asked.interpreterLanguage ? { interpreterLanguage: asked.interpreterLanguage } : {}),
    ...(asked.representative
      ? {
          representative: {
            ...asked.representative,
            // for staff: where the authority was named (the document itself is asked for when needed)
            authorityNote: 'Opgegeven door de klager op het klachtenformulier',
            authorityDate: toLocalDate(now),
          },
        }
      : {}),
    ...(asked.accessNeeds ? { accessNeeds: asked.accessNeeds } : {}),
  };
  return Object.keys(input).length === 0 ? undefined : input;
}

function confirmationEmail(
  locale: PortalLocale,
  context: PortalContext,
  values: { name: string; reference: string; dueAt: string; statusUrl: string },
) {
  const t = messagesFor(locale).email;
  const bodyText = [
    t.greeting(values.name),
    '',
    t.received,
    t.reference(values.reference),
    t.due(formatDay(locale, values.dueAt)),
    '',
    t.link,
    values.statusUrl,
    '',
    t.closing,
    context.branding.displayName,
  ].join('\n');
  return { subject: t.subject(values.reference), bodyText };
}

/**
 * Registers a complaint from the portal form in one transaction: claim the form's nonce, match the address
 * to our unit, register through the complaints module, keep the hash of the status link, and queue the
 * confirmation e-mail. A second post of the same form returns the first result (same status link).
 */
export async function submitComplaint(
  deps: { db: Database; storage: BlobStorage; log: FastifyBaseLogger },
  context: PortalContext,
  submission: {
    form: ComplaintForm;
    nonce: string;
    locale: PortalLocale;
    submittedAnyway: boolean;
    files?: readonly CleanPortalFile[];
  },
  now: Date,
): Promise<SubmissionOutcome> {
  const organizationId = context.organizationId;
  // The files are stored first and removed again unless the complaint that holds them commits: no row
  // without its file, no file without its row (as for staff uploads).
  const stored = (submission.files ?? []).map((file) => ({
    ...file,
    id: randomUUID(),
    storageKey: `${organizationId}/${randomUUID()}`,
    sha256: sha256Hex(file.bytes),
  }));
  const removeStored = async () => {
    for (const file of stored)
      await deps.storage.delete(file.storageKey).catch((error: unknown) => {
        deps.log.error({ err: error, storageKey: file.storageKey }, 'could not remove a portal file');
      });
  };
  try {
    for (const file of stored)
      await deps.storage.put(file.storageKey, file.bytes, {
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        contentType: file.mediaType,
      });
    const outcome = await inSpan(
      'portal.submit_complaint',
      { 'gehoord.organization_id': organizationId, 'gehoord.attachments': stored.length },
      () => registerWithFiles(deps.db, context, submission, stored, now),
    );
    if (outcome.kind !== 'registered') await removeStored();
    return outcome;
  } catch (error) {
    await removeStored();
    throw error;
  }
}

type StoredFile = CleanPortalFile & { id: string; storageKey: string; sha256: string };

async function registerWithFiles(
  db: Database,
  context: PortalContext,
  submission: { form: ComplaintForm; nonce: string; locale: PortalLocale; submittedAnyway: boolean },
  files: readonly StoredFile[],
  now: Date,
): Promise<SubmissionOutcome> {
  const { form, nonce, locale } = submission;
  const statusToken = statusAccessForSeed(context.secret, nonce).token;
  const organizationId = context.organizationId;
  return inOrganization(db, organizationId, async (trx) => {
    const nonceHash = sha256Hex(nonce);
    // The same form sent twice (a double click) has the same text and the same files.
    const requestHash = sha256Hex(
      JSON.stringify(files.length === 0 ? form : { form, files: files.map((file) => file.sha256) }),
    );
    const earlier = await repository.claimNonce(trx, {
      organizationId,
      nonceHash,
      purpose: 'complaint',
      requestHash,
    });
    if (earlier !== null) {
      if (
        earlier.purpose === 'complaint' &&
        earlier.request_hash === requestHash &&
        earlier.complaint_id !== null
      )
        return { kind: 'replayed', statusToken };
      return { kind: 'nonce_used', reference: earlier.reference };
    }

    // the unit at the form's address comes with its address (one round trip)
    const unit = form.address === null ? null : await repository.findUnitByAddress(trx, form.address);
    const unitId = unit?.id ?? null;
    const postalAddress = postalAddressOf(form, unit);
    const contact = { email: form.email, phone: form.phone };
    const parsed = registerComplaintInput.safeParse({
      channel: 'web',
      complainant: {
        name: form.onBehalf ? form.complainantName : form.name,
        ...(form.onBehalf ? {} : contact),
        postalAddress,
        relation: form.relation,
        unitId,
      },
      ...(form.onBehalf
        ? {
            representative: {
              name: form.name,
              ...contact,
              relation: form.representativeRelation,
              consentNoted: true,
            },
          }
        : {}),
      description: form.description,
      desiredOutcome: form.desiredOutcome,
      // The page's language is the complainant's: every later mail and letter uses it (decision 028)
      complainantLocale: locale,
      adjustments: adjustmentsOf(form, now),
    });
    // The form's own checks are stricter than the contract; a mismatch is our bug, not the person's input.
    if (!parsed.success)
      throw new AppError('validation_failed', { detail: 'portal form does not fit the contract' });
    const { row, dueAt } = await registerOnly(trx, { kind: 'portal', organizationId }, parsed.data, now, {
      knownUnit: unit === null ? null : { id: unit.id, housingComplexId: unit.housing_complex_id },
    });

    // Photos and documents sent with the form (issue 21), shown to staff in the case like their own uploads
    for (const [index, file] of files.entries()) {
      const kind = defaultKindOf(file.mediaType);
      await insertAttachment(trx, {
        id: file.id,
        organization_id: organizationId,
        complaint_id: row.id,
        file_name: file.fileName,
        media_type: file.mediaType,
        size_bytes: file.sizeBytes,
        sha256: file.sha256,
        storage_key: file.storageKey,
        kind,
        description: null,
        uploaded_by: null,
        uploaded_by_token: null,
        from_portal: true,
        // A millisecond apart, so the case lists them in the order they were chosen (sorted by time)
        uploaded_at: new Date(now.getTime() + index),
      });
      await repository.insertComplainantEvent(trx, {
        organizationId,
        complaintId: row.id,
        type: 'attachment_added',
        summary: file.fileName,
        payload: {
          attachmentId: file.id,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.sizeBytes,
          sha256: file.sha256,
          kind,
          source: 'portal',
        },
      });
    }
    // The same access every channel gets (decision 024), seeded by the form's nonce so a replay finds it
    await storeStatusAccess(trx, { organizationId, complaintId: row.id }, context.secret, nonce);
    // What the handler needs from the form that the complaint itself has no column for (policy 2.3: the
    // conversation with the complainant, so how they want to be reached).
    // The form's nonce now names the complaint, so a replayed post finds it (same statement)
    await repository.attachNonceWithIntakeEvent(trx, nonceHash, {
      organizationId,
      complaintId: row.id,
      payload: {
        preferredContact: form.preferredContact,
        topic: form.topic,
        submittedAgainstAdvice: form.topic !== 'complaint' && submission.submittedAnyway,
        onBehalf: form.onBehalf,
        addressMatched: unitId !== null,
        language: locale,
      },
    });
    // policy 1.2: told on the form this is probably no complaint (a repair request) and sent anyway, the
    // signal gets no "complaint received": triage sends the one message that fits (issue 21)
    const flaggedNotAComplaint = form.topic !== 'complaint' && submission.submittedAnyway;
    // issue 26: "brief" on the form: the acknowledgement is a posted letter, also when an e-mail address is known
    if (form.adjustments.preferredChannel === 'letter' && acknowledgeAtIntake({ flaggedNotAComplaint }))
      await portalEvents.publish(trx, 'complaint.submitted_online', {
        complaint: { id: row.id, organizationId },
        acknowledgement: { by: 'post' },
      });
    else if (form.email !== null && acknowledgeAtIntake({ flaggedNotAComplaint })) {
      const statusUrl = `${context.origin}${statusPaths(locale, statusToken).status}`;
      const mail = confirmationEmail(locale, context, {
        name: form.name,
        reference: row.reference,
        dueAt: dueAt.toISOString(),
        statusUrl,
      });
      // The messages module queues it (decision 029)
      await portalEvents.publish(trx, 'complaint.submitted_online', {
        complaint: { id: row.id, organizationId },
        acknowledgement: {
          by: 'email',
          to: form.email,
          ...mail,
          // The link is the complainant's key: stored for delivery only, staff see it redacted (issue 20)
          secretLink: statusUrl,
          stepKey: complainantStepKey('received', row.handler_id ?? ''),
        },
      });
    }
    return { kind: 'registered', statusToken };
  });
}
