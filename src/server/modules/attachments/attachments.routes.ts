import fastifyMultipart from '@fastify/multipart';
import type { FastifySchemaCompiler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ALLOWED_ATTACHMENT_TYPES,
  attachment,
  attachmentParams,
  attachmentUploadForm,
} from '../../../contract/attachments.ts';
import { complaintIdParams } from '../../../contract/complaints.ts';
import { TOKEN_SCOPES } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { requirePrincipal } from '../../http/principal.ts';
import { zodValidatorCompiler } from '../../http/validation.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import { etagOf, parseIfMatch } from '../complaints/index.ts';
import { addAttachment, assertMayAttach, listAttachments, openAttachment } from './attachment.service.ts';
import { contentDisposition, downloadName } from './files/file-name.ts';
import { receiveUpload } from './upload/upload-intake.ts';

export type AttachmentRouteOptions = { db: Database; storage: BlobStorage; maxBytes: number };

const uploadHeaders = z.looseObject({
  'if-match': z
    .string()
    .max(100)
    .optional()
    .describe('Optional: the ETag of the complaint as last read; a stale version is refused with 412.'),
});

const fileContent = z.string().meta({ format: 'binary' });

// The upload body is a stream that receiveUpload reads and checks itself; its schema only documents the form.
const skipBodyValidation: FastifySchemaCompiler<unknown> = (route) =>
  route.httpPart === 'body'
    ? () => true
    : zodValidatorCompiler(route as Parameters<typeof zodValidatorCompiler>[0]);

export const attachmentRoutes: FastifyPluginAsyncZod<AttachmentRouteOptions> = async (
  app,
  { db, storage, maxBytes },
) => {
  // Scoped to this plugin: only these routes read multipart bodies.
  await app.register(fastifyMultipart);

  app.post(
    '/api/complaints/:id/attachments',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['attachments'],
        summary: 'Add a file to a complaint (photo, scanned letter, PDF, e-mail)',
        description: [
          '`multipart/form-data` with one `file` and optionally `description` and `kind`.',
          'The type is recognised from the content, not the name or the claimed type: other types are refused with 415 `attachment_type_not_allowed`.',
          `Files over the limit (ATTACHMENT_MAX_BYTES, default ${20 * 1024 * 1024} bytes) are refused with 413 \`attachment_too_large\`.`,
          'The SHA-256 is computed on upload. Adding a file is a timeline event and a new version of the complaint: its new ETag is in `X-Complaint-ETag`.',
          'Who may: anyone who can see the complaint (policy 1.4); integrations need the `full` scope. Files are never deleted through the API.',
        ].join('\n\n'),
        consumes: ['multipart/form-data'],
        params: complaintIdParams,
        headers: uploadHeaders,
        body: attachmentUploadForm,
        response: { 201: attachment },
      },
      validatorCompiler: skipBodyValidation,
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const ifMatch = parseIfMatch(request.headers['if-match']);
      await assertMayAttach(db, principal, request.params.id);
      const upload = await receiveUpload(request, maxBytes).catch((error: unknown) => {
        // The rest of a refused body is never read: close the connection rather than leave it stuck.
        reply.header('connection', 'close');
        throw error;
      });
      try {
        const result = await addAttachment(
          { db, storage, log: request.log },
          principal,
          request.params.id,
          upload,
          ifMatch,
        );
        return reply
          .status(201)
          .header('location', result.attachment.downloadUrl)
          .header('x-complaint-etag', etagOf(result.complaintVersion))
          .send(result.attachment);
      } finally {
        await upload.discard();
      }
    },
  );

  app.get(
    '/api/complaints/:id/attachments',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['attachments'],
        summary: "The complaint's files, oldest first",
        params: complaintIdParams,
        response: { 200: z.array(attachment) },
      },
    },
    async (request) => listAttachments(db, requirePrincipal(request), request.params.id),
  );

  app.get(
    '/api/complaints/:id/attachments/:attachmentId',
    {
      // A HEAD would be logged as a read without anyone reading.
      exposeHeadRoute: false,
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['attachments'],
        summary: 'Download one file',
        description:
          'Always as a download (`Content-Disposition: attachment`) with the recognised type and `X-Content-Type-Options: nosniff`, so a browser never runs it. `Repr-Digest` carries the SHA-256. Every download is recorded in the access log.',
        params: attachmentParams,
        response: {
          200: {
            description: 'The file exactly as uploaded',
            content: Object.fromEntries(
              ALLOWED_ATTACHMENT_TYPES.map((type) => [type, { schema: fileContent }]),
            ),
          },
        },
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const { attachment: file, content } = await openAttachment(
        { db, storage, log: request.log },
        requirePrincipal(request),
        id,
        attachmentId,
      );
      return (
        reply
          .header(
            'content-type',
            file.mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : file.mediaType,
          )
          .header('content-length', file.sizeBytes)
          .header('content-disposition', contentDisposition(downloadName(file.fileName, file.mediaType)))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
          // A stream is sent as is; the binary string schema only documents it.
          .send(content as unknown as string)
      );
    },
  );
};
