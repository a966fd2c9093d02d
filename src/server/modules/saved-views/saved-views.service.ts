import type { SavedView, SavedViewInput } from '../../../contract/work-queue.ts';
import type { Database } from '../../db/database.ts';
import { inOrganization } from '../../db/tenant-scope.ts';
import { AppError } from '../../http/app-error.ts';
import type { StaffPrincipal } from '../../http/principal.ts';
import * as repository from './saved-views.repository.ts';

/** A view shared "with the department" reaches the owner's department; a manager also reads the ones they manage. */
function readerDepartments(staff: StaffPrincipal): string[] {
  const ids = new Set(staff.managedDepartmentIds);
  if (staff.departmentId !== null) ids.add(staff.departmentId);
  return [...ids];
}

function toView(
  staff: StaffPrincipal,
  row: Awaited<ReturnType<typeof repository.listVisibleViews>>[number],
): SavedView {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    shared: row.shared,
    own: row.ownerId === staff.userId,
    ownerName: row.ownerName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The caller's own views and those shared with their department(s), by name. */
export async function listViews(db: Database, staff: StaffPrincipal): Promise<{ items: SavedView[] }> {
  const rows = await inOrganization(db, staff.organizationId, (trx) =>
    repository.listVisibleViews(trx, staff.userId, readerDepartments(staff)),
  );
  return { items: rows.map((row) => toView(staff, row)) };
}

/** Saves (or, under the same name, replaces) one of the caller's views; sharing needs a department. */
export async function saveView(
  db: Database,
  staff: StaffPrincipal,
  input: SavedViewInput,
): Promise<SavedView> {
  if (input.shared && staff.departmentId === null)
    throw new AppError('validation_failed', {
      fieldErrors: [
        {
          in: 'body',
          path: 'shared',
          code: 'no_department',
          messages: {
            nl: 'U hoort bij geen afdeling, dus u kunt deze weergave niet delen.',
            en: 'You belong to no department, so you cannot share this view.',
          },
        },
      ],
    });
  return inOrganization(db, staff.organizationId, async (trx) => {
    const id = await repository.upsertView(trx, {
      organizationId: staff.organizationId,
      ownerId: staff.userId,
      name: input.name,
      query: input.query,
      shared: input.shared,
      departmentId: input.shared ? staff.departmentId : null,
    });
    const row = await repository.findVisibleView(trx, id, staff.userId, readerDepartments(staff));
    if (row === undefined) throw new AppError('not_found');
    return toView(staff, row);
  });
}

/** Only the owner deletes a view; a shared view of someone else is refused, one the caller cannot see is unknown. */
export async function deleteView(db: Database, staff: StaffPrincipal, id: string): Promise<void> {
  await inOrganization(db, staff.organizationId, async (trx) => {
    if (await repository.deleteOwnView(trx, id, staff.userId)) return;
    const visible = await repository.findVisibleView(trx, id, staff.userId, readerDepartments(staff));
    if (visible === undefined) throw new AppError('not_found');
    throw new AppError('forbidden', { detail: 'Only its owner deletes a view.' });
  });
}
