import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TOKEN_SCOPES } from '../../../../domain/permissions.ts';
import { serverNow } from '../../../clock.ts';
import type { Database } from '../../../db/database.ts';
import { inOrganization } from '../../../db/tenant-scope.ts';
import { AppError } from '../../../http/app-error.ts';
import { requirePrincipal, requireStaff } from '../../../http/principal.ts';
import * as complaints from '../../complaints/index.ts';
import { authorize } from '../../complaints/index.ts';
import { findInboundMail } from './inbound-mail.repository.ts';
import { processInboundMail } from './inbound-mail.service.ts';

const uploadedMail = z
  .object({
    outcome: z.enum(['complaint', 'reply', 'auto_reply', 'bounce', 'already_processed']),
    complaintId: z.uuid().nullable(),
    inboundMailId: z.uuid(),
  })
  .meta({ id: 'UploadedMail' });

/** Mail that reached someone's own inbox is uploaded as the .eml file and handled like mailbox intake. */
export const inboundMailRoutes: FastifyPluginAsyncZod<{ db: Database; maxBytes: number }> = async (
  app,
  { db, maxBytes },
) => {
  app.addContentTypeParser(
    'message/rfc822',
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/complaints/intake/eml',
    {
      bodyLimit: maxBytes,
      schema: {
        tags: ['complaints'],
        summary: 'Register an e-mail that arrived elsewhere (.eml upload)',
        description:
          'Send the raw message with `Content-Type: message/rfc822`. A new mail becomes a complaint (channel e-mail), ' +
          'a reply (reference in the subject, or In-Reply-To one of our messages) joins its case, and a mail that was ' +
          'processed before (same Message-ID) changes nothing. Outlook .msg files: save them as .eml first.',
        response: { 200: uploadedMail },
      },
    },
    async (request) => {
      const staff = requireStaff(request);
      authorize(staff, 'complaint.register', null);
      const raw = request.body;
      if (!Buffer.isBuffer(raw) || raw.length === 0)
        throw new AppError('unsupported_media_type', {
          detail: 'Send the .eml file as the body with Content-Type: message/rfc822.',
        });
      if (!/^[\x21-\x39\x3b-\x7e]+:/m.test(raw.subarray(0, 2000).toString('latin1')))
        throw new AppError('malformed_request', {
          detail: 'This is not an e-mail message (no header lines).',
        });
      // Uploads have no mailbox UID; the file's hash stands in for it (the Message-ID still decides)
      const uid = BigInt(`0x${createHash('sha256').update(raw).digest('hex').slice(0, 12)}`).toString();
      return processInboundMail(
        db,
        staff.organizationId,
        { mailbox: 'upload', uidValidity: '0', uid, raw, receivedAt: null },
        serverNow(),
        staff,
      );
    },
  );

  app.get(
    '/api/complaints/:id/emails/:mailId',
    {
      config: { tokenScopes: TOKEN_SCOPES },
      schema: {
        tags: ['complaints'],
        summary: 'The original e-mail (.eml) as it arrived',
        params: z.object({ id: z.uuid(), mailId: z.uuid() }),
        produces: ['message/rfc822'],
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { id, mailId } = request.params;
      const mail = await inOrganization(db, principal.organizationId, async (trx) => {
        const row = (await complaints.findComplaint(trx, id)) ?? null;
        authorize(principal, 'complaint.view', row);
        const found = await findInboundMail(trx, id, mailId);
        if (found === undefined) throw new AppError('not_found');
        await complaints.insertAccessLog(trx, {
          organizationId: principal.organizationId,
          complaintId: id,
          userId: principal.kind === 'staff' ? principal.userId : null,
          tokenId: principal.kind === 'token' ? principal.tokenId : null,
          what: 'attachment',
        });
        return found;
      });
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="e-mail-${mail.id}.eml"`)
        .header('cache-control', 'no-store')
        .send(mail.raw);
    },
  );
};
