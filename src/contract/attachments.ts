import { z } from 'zod';

export const ATTACHMENT_KINDS = ['photo', 'letter', 'email', 'other'] as const;
export const attachmentKind = z
  .enum(ATTACHMENT_KINDS)
  .describe('What the file is; without it Gehoord derives it from the type (image → photo, e-mail → email).');

/** Types we accept, recognised from the content (never from the name or the browser's claim). */
export const ALLOWED_ATTACHMENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/heic',
  'image/heif',
  'image/webp',
  'image/gif',
  'application/pdf',
  'message/rfc822',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
] as const;

export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const attachment = z
  .object({
    id: z.uuid(),
    complaintId: z.uuid(),
    fileName: z.string().describe('The name as uploaded, cleaned of paths and control characters.'),
    mediaType: z.enum(ALLOWED_ATTACHMENT_TYPES).describe('Recognised from the content.'),
    sizeBytes: z.number().int(),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('Hex SHA-256 of the content, computed on upload.'),
    kind: z.enum(ATTACHMENT_KINDS),
    description: z.string().nullable(),
    uploadedBy: z
      .object({
        kind: z.enum(['staff', 'token', 'portal']),
        id: z.uuid().nullable(),
        name: z.string().nullable(),
      })
      .describe(
        'Who added the file: a staff member, an integration (token), or the complainant with the portal form (`portal`, without id or name).',
      ),
    uploadedAt: z.string(),
    downloadUrl: z.string(),
  })
  .meta({ id: 'Attachment' });

export type Attachment = z.infer<typeof attachment>;

/** Documents the form fields; the handler reads the stream itself and checks every field. */
export const attachmentUploadForm = z
  .object({
    file: z
      .string()
      .meta({ format: 'binary' })
      .describe(
        'Exactly one file: photo (JPEG, PNG, HEIC/HEIF, WebP, GIF), PDF, e-mail (.eml), plain text (UTF-8), DOCX, XLSX or ODT. Size limit ATTACHMENT_MAX_BYTES (default 20 MB).',
      ),
    description: z.string().max(2000).optional().describe('What the file shows or why it was added.'),
    kind: attachmentKind.optional(),
  })
  .meta({ id: 'AttachmentUploadForm' });

export const attachmentUploadFields = attachmentUploadForm.pick({ description: true, kind: true });
