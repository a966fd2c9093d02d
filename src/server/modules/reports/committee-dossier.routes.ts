import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayExportCommitteeDossier } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import { requireStaff, type StaffPrincipal } from '../../http/principal.ts';
import type { BlobStorage } from '../../storage/blob-storage.ts';
import { recordAccess } from '../access-log/index.ts';
import { contentDisposition } from '../attachments/index.ts';
import { authorize, findComplaint, toAccess } from '../complaints/index.ts';
import { buildCommitteeDossier } from './dossier/dossier.ts';

/** One complaint's dossier for the regional committee; that it was made is in the access log (AVG). */
export async function committeeDossier(
  db: Database,
  storage: BlobStorage,
  staff: StaffPrincipal,
  complaintId: string,
) {
  return inOrganization(db, staff.organizationId, async (trx) => {
    const row = (await findComplaint(trx, complaintId)) ?? null;
    authorize(staff, 'complaint.view', row);
    if (row === null) throw new AppError('not_found');
    if (!mayExportCommitteeDossier(staff, toAccess(row))) throw new AppError('forbidden');
    if (row.committee === null) throw new AppError('committee_case_required'); // policy 1.3
    const dossier = await buildCommitteeDossier(trx, storage, row.id, staff);
    await recordAccess(trx, staff, {
      what: 'export',
      complaintId: row.id,
      detail: { kind: 'committee_dossier', attachments: dossier.attachments },
    });
    return dossier;
  });
}

export const committeeDossierRoutes: FastifyPluginAsyncZod<{ db: Database; storage: BlobStorage }> = async (
  app,
  { db, storage },
) => {
  app.get(
    '/api/complaints/:id/committee-dossier.zip',
    {
      schema: {
        tags: ['complaints'],
        summary:
          "The complaint's dossier for the regional complaints committee (ZIP: case file PDF + attachments)",
        description:
          'policy 1.3. Only once the complaint is referred to the committee (otherwise 409 `committee_case_required`). ' +
          'For its handler and accountable manager, and for MT, board and management assistants. Logged in the access log.',
        params: z.object({ id: z.uuid() }),
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const dossier = await committeeDossier(db, storage, requireStaff(request), request.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', contentDisposition(`klachtencommissie-${dossier.reference}.zip`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(dossier.zip);
    },
  );
};
