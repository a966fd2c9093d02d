import type { TenantLocale } from '../../../domain/tenant-locales.ts';
import { executeKept } from '../../db/kept-statements.ts';
import type { Scoped } from '../../db/tenant-scope.ts';
import type { CommitteeDetails } from './settings/message-settings.ts';
import { defaultTemplate, type TemplateText } from './templates/default-templates.ts';
import type { Locale, MessageKind } from './templates/message-kinds.ts';

/** The organisation's own wording when an admin changed it (Dutch, English), otherwise the built-in text. */
export async function loadTemplate(
  trx: Scoped,
  kind: MessageKind,
  locale: TenantLocale,
): Promise<TemplateText> {
  if (locale !== 'nl' && locale !== 'en') return defaultTemplate(kind, locale);
  const [own] = await executeKept(
    trx,
    trx
      .selectFrom('message_template')
      .select(['subject', 'body'])
      .where('kind', '=', kind)
      .where('locale', '=', locale),
  );
  return own ?? defaultTemplate(kind, locale);
}

export async function listOwnTemplates(trx: Scoped) {
  return trx
    .selectFrom('message_template')
    .select(['kind', 'locale', 'subject', 'body', 'updated_at', 'updated_by'])
    .execute();
}

export async function saveTemplate(
  trx: Scoped,
  row: {
    organizationId: string;
    kind: MessageKind;
    locale: Locale;
    subject: string;
    body: string;
    userId: string;
  },
) {
  await trx
    .insertInto('message_template')
    .values({
      organization_id: row.organizationId,
      kind: row.kind,
      locale: row.locale,
      subject: row.subject,
      body: row.body,
      updated_by: row.userId,
    })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'kind', 'locale']).doUpdateSet({
        subject: row.subject,
        body: row.body,
        updated_by: row.userId,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** Back to the built-in text. */
export async function deleteTemplate(trx: Scoped, kind: MessageKind, locale: Locale) {
  await trx.deleteFrom('message_template').where('kind', '=', kind).where('locale', '=', locale).execute();
}

/** The regional complaints committee as the organisation stored it (portal settings), if it did. */
export async function findCommitteeDetails(trx: Scoped): Promise<CommitteeDetails | null> {
  const row = await trx
    .selectFrom('portal_settings')
    .select(['committee_name as name', 'committee_contact as contact', 'committee_url as url'])
    .executeTakeFirst();
  return row ?? null;
}
