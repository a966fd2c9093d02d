import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { Attachment } from '../../../contract/attachments.ts';
import { serverNow } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { Principal } from '../../http/principal.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import { recordAccess } from '../access-log/index.ts';
import { authorize, findComplaint, mutateComplaint } from '../complaints/index.ts';
import * as repository from './attachment.repository.ts';
import { defaultKindOf, recogniseMediaType } from './files/media-type.ts';
import type { StagedUpload } from './upload/upload-intake.ts';

export type AttachmentDeps = { db: Database; storage: BlobStorage; log: FastifyBaseLogger };

function toAttachment(row: repository.AttachmentRow): Attachment {
  const staff = row.uploaded_by !== null;
  return {
    id: row.id,
    complaintId: row.complaint_id,
    fileName: row.file_name,
    mediaType: row.media_type as Attachment['mediaType'],
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    kind: row.kind,
    description: row.description,
    uploadedBy: row.from_portal
      ? { kind: 'portal', id: null, name: null }
      : {
          kind: staff ? 'staff' : 'token',
          id: (row.uploaded_by ?? row.uploaded_by_token) as string,
          name: staff ? row.uploaderName : row.tokenName,
        },
    uploadedAt: row.uploaded_at.toISOString(),
    downloadUrl: `/api/complaints/${row.complaint_id}/attachments/${row.id}`,
  };
}

/** Checked before the upload is read, so a caller who may not add files does not get to send 20 MB first. */
export async function assertMayAttach(db: Database, principal: Principal, complaintId: string) {
  await inOrganization(db, principal.organizationId, async (trx) => {
    authorize(principal, 'complaint.log_contact', (await findComplaint(trx, complaintId)) ?? null);
  });
}

/**
 * Stores the file, then records it with a timeline event in one transaction on the complaint (which
 * bumps its version). The blob is written first and removed again when the transaction fails, so there
 * is never a row without its file, and no file is left without its row.
 */
export async function addAttachment(
  deps: AttachmentDeps,
  principal: Principal,
  complaintId: string,
  upload: StagedUpload,
  ifMatch: number | undefined,
): Promise<{ attachment: Attachment; complaintVersion: number }> {
  const mediaType = await recogniseMediaType(upload.path, upload.probe);
  if (mediaType === null) throw new AppError('attachment_type_not_allowed');
  const id = randomUUID();
  const storageKey = `${principal.organizationId}/${id}`;
  const { sizeBytes, sha256 } = upload.probe;
  await deps.storage.put(storageKey, createReadStream(upload.path), {
    sizeBytes,
    sha256,
    contentType: mediaType,
  });
  const kind = upload.fields.kind ?? defaultKindOf(mediaType);
  const description = upload.fields.description?.trim() || null;
  const uploadedAt = serverNow();
  try {
    const detail = await mutateComplaint(
      deps.db,
      principal,
      complaintId,
      { permission: 'complaint.log_contact', ifMatch, now: uploadedAt },
      async (ctx) => {
        await repository.insertAttachment(ctx.trx, {
          id,
          organization_id: ctx.row.organization_id,
          complaint_id: ctx.row.id,
          file_name: upload.fileName,
          media_type: mediaType,
          size_bytes: sizeBytes,
          sha256,
          storage_key: storageKey,
          kind,
          description,
          uploaded_by: principal.kind === 'staff' ? principal.userId : null,
          uploaded_by_token: principal.kind === 'token' ? principal.tokenId : null,
          uploaded_at: uploadedAt,
        });
        return {
          events: [
            {
              type: 'attachment_added',
              summary: upload.fileName,
              payload: { attachmentId: id, fileName: upload.fileName, mediaType, sizeBytes, sha256, kind },
            },
          ],
        };
      },
    );
    return {
      attachment: toAttachment({
        id,
        complaint_id: detail.id,
        file_name: upload.fileName,
        media_type: mediaType,
        size_bytes: sizeBytes,
        sha256,
        storage_key: storageKey,
        kind,
        description,
        uploaded_by: principal.kind === 'staff' ? principal.userId : null,
        uploaded_by_token: principal.kind === 'token' ? principal.tokenId : null,
        from_portal: false,
        uploaded_at: uploadedAt,
        erased_at: null,
        uploaderName: principal.kind === 'staff' ? principal.name : null,
        tokenName: principal.kind === 'token' ? principal.name : null,
      }),
      complaintVersion: detail.version,
    };
  } catch (error) {
    await deps.storage.delete(storageKey).catch((cleanupError: unknown) => {
      deps.log.error({ err: cleanupError, storageKey }, 'could not remove the file of a failed upload');
    });
    throw error;
  }
}

export async function listAttachments(db: Database, principal: Principal, complaintId: string) {
  return inOrganization(db, principal.organizationId, async (trx) => {
    authorize(principal, 'complaint.view', (await findComplaint(trx, complaintId)) ?? null);
    return (await repository.listAttachments(trx, complaintId)).map(toAttachment);
  });
}

/**
 * Opens one file for download. The read is recorded in the access log in the same transaction that
 * checks the permission; the file is opened before it commits, so a log entry means the file was there.
 */
export async function openAttachment(
  deps: AttachmentDeps,
  principal: Principal,
  complaintId: string,
  attachmentId: string,
): Promise<{ attachment: Attachment; content: Readable }> {
  let content: Readable | undefined;
  try {
    const attachment = await inOrganization(deps.db, principal.organizationId, async (trx) => {
      const complaint = (await findComplaint(trx, complaintId)) ?? null;
      authorize(principal, 'complaint.view', complaint);
      const row = await repository.findAttachment(trx, complaintId, attachmentId);
      if (complaint === null || row === undefined) throw new AppError('not_found');
      // Anonymisation deleted the file itself (privacy issue 12); the row stays for the figures.
      if (row.erased_at !== null) throw new AppError('attachment_erased');
      await recordAccess(trx, principal, {
        what: 'attachment',
        complaintId: complaint.id,
        detail: { attachmentId: row.id },
      });
      content = await deps.storage.get(row.storage_key);
      return toAttachment(row);
    });
    return { attachment, content: content as Readable };
  } catch (error) {
    content?.destroy();
    throw error;
  }
}
