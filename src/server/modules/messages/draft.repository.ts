import type { Scoped } from '../../db/tenant-scope.ts';

// Issue 22: an officer's draft answer. Every statement names the author: a draft is read by its author only.

export type DraftKind = 'answer';

export async function findDraft(trx: Scoped, complaintId: string, kind: DraftKind, authorId: string) {
  return trx
    .selectFrom('complaint_draft')
    .select(['text', 'template_kind', 'updated_at'])
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', kind)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
}

export async function upsertDraft(
  trx: Scoped,
  row: {
    organizationId: string;
    complaintId: string;
    kind: DraftKind;
    authorId: string;
    text: string;
    templateKind: string | null;
  },
) {
  return trx
    .insertInto('complaint_draft')
    .values({
      organization_id: row.organizationId,
      complaint_id: row.complaintId,
      kind: row.kind,
      author_id: row.authorId,
      text: row.text,
      template_kind: row.templateKind,
    })
    .onConflict((oc) =>
      oc.columns(['complaint_id', 'kind', 'author_id']).doUpdateSet((eb) => ({
        text: eb.ref('excluded.text'),
        template_kind: eb.ref('excluded.template_kind'),
        updated_at: eb.fn('now'),
      })),
    )
    .returning(['text', 'template_kind', 'updated_at'])
    .executeTakeFirstOrThrow();
}

export async function deleteDraft(trx: Scoped, complaintId: string, kind: DraftKind, authorId: string) {
  await trx
    .deleteFrom('complaint_draft')
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', kind)
    .where('author_id', '=', authorId)
    .execute();
}

/** Once the answer is sent, every draft of it is spent, whoever wrote it. */
export async function deleteDraftsOf(trx: Scoped, complaintId: string, kind: DraftKind) {
  await trx
    .deleteFrom('complaint_draft')
    .where('complaint_id', '=', complaintId)
    .where('kind', '=', kind)
    .execute();
}
