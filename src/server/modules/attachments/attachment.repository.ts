import type { Insertable } from 'kysely';
import type { ComplaintAttachmentTable } from '../../db/schema.ts';
import type { Scoped } from '../../db/tenant-scope.ts';

export async function insertAttachment(trx: Scoped, values: Insertable<ComplaintAttachmentTable>) {
  await trx.insertInto('complaint_attachment').values(values).execute();
}

function selectAttachments(trx: Scoped) {
  return trx
    .selectFrom('complaint_attachment as a')
    .leftJoin('staff_user as u', 'u.id', 'a.uploaded_by')
    .leftJoin('api_token as t', 't.id', 'a.uploaded_by_token')
    .select([
      'a.id',
      'a.complaint_id',
      'a.file_name',
      'a.media_type',
      'a.size_bytes',
      'a.sha256',
      'a.storage_key',
      'a.kind',
      'a.description',
      'a.uploaded_by',
      'a.uploaded_by_token',
      'a.from_portal',
      'a.uploaded_at',
      'a.erased_at',
      'u.name as uploaderName',
      't.name as tokenName',
    ]);
}

export type AttachmentRow = Awaited<ReturnType<typeof listAttachments>>[number];

export async function listAttachments(trx: Scoped, complaintId: string) {
  return selectAttachments(trx)
    .where('a.complaint_id', '=', complaintId)
    .orderBy('a.uploaded_at')
    .orderBy('a.id')
    .execute();
}

export async function findAttachment(trx: Scoped, complaintId: string, attachmentId: string) {
  return selectAttachments(trx)
    .where('a.complaint_id', '=', complaintId)
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
}
