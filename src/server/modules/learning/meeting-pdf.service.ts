import type { Quarter } from '../../../domain/index.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import { getPublicOrganization } from '../organization/index.ts';
import { getAction } from './improvement-actions.service.ts';
import { computeQuarterFigures, getMeeting } from './mt-review.service.ts';
import { type MeetingRecord, renderMeetingPdf } from './pdf/meeting-pdf.ts';
import { getQuarterThemes } from './themes.service.ts';

/** The meeting's record for the minutes archive, with the actions its decisions created. */
export async function exportMeetingPdf(
  db: Database,
  staff: StaffPrincipal,
  id: string,
  now: Date,
): Promise<{ pdf: Buffer; fileName: string }> {
  const organization = await getPublicOrganization(db, staff.organizationId);
  const { meeting, actions, figures, themes } = await inOrganization(
    db,
    staff.organizationId,
    async (trx) => {
      const found = await getMeeting(trx, id);
      const linked: MeetingRecord['actions'] = new Map();
      for (const decision of found.decisions) {
        if (decision.improvementActionId === null) continue;
        const action = await getAction(trx, staff, decision.improvementActionId, now);
        linked.set(action.id, {
          title: action.title,
          ownerName: action.owner?.name ?? null,
          dueOn: action.dueOn,
        });
      }
      const [figures, themes] = await Promise.all([
        computeQuarterFigures(trx, found.quarter as Quarter),
        getQuarterThemes(trx, staff, found.quarter as Quarter),
      ]);
      return { meeting: found, actions: linked, figures, themes };
    },
  );
  const pdf = await renderMeetingPdf({
    organizationName: organization.name,
    meeting,
    actions,
    figures,
    themes,
  });
  return { pdf, fileName: `mt-verslag-${meeting.quarter}-${meeting.heldOn}.pdf` };
}
