import { Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { fetchTemplates, type MessageTemplate, type TemplateLocale, templateKeys } from './templates-api.ts';

/**
 * Issue 22: the administrator's message templates, per message and language: edit with a live preview on
 * example data, save (an unknown field is refused with the field named), or go back to Gehoord's own text.
 */
export function TemplatesPage() {
  const { t } = useI18n();
  useDocumentTitle(t.templatesAdmin.title);
  const templates = useQuery({ queryKey: templateKeys.list, queryFn: fetchTemplates });
  return (
    <Stack gap="lg" maw={960}>
      <Title order={1}>{t.templatesAdmin.title}</Title>
      <Text>{t.templatesAdmin.intro}</Text>
      <QueryState query={templates}>{(list) => <TemplateChooser templates={list} />}</QueryState>
    </Stack>
  );
}

function TemplateChooser({ templates }: { templates: MessageTemplate[] }) {
  const { t, locale: uiLocale } = useI18n();
  const a = t.templatesAdmin;
  const [kind, setKind] = useState(templates[0]?.kind ?? '');
  const [locale, setLocale] = useState<TemplateLocale>('nl');
  const [notice, setNotice] = useState<string | null>(null);
  const chosen = templates.find((template) => template.kind === kind);
  const choose = (next: () => void) => {
    setNotice(null);
    next();
  };
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          id="template-kind"
          label={a.kind}
          value={kind}
          onChange={(event) => {
            const value = event.currentTarget.value;
            choose(() => setKind(value));
          }}
          data={templates.map((template) => ({
            value: template.kind,
            label: `${template.label[uiLocale]} (${a.audience[template.audience]})`,
          }))}
          style={{ flex: 1, minWidth: 280 }}
        />
        <NativeSelect
          id="template-locale"
          label={a.locale}
          value={locale}
          onChange={(event) => {
            const value = event.currentTarget.value as TemplateLocale;
            choose(() => setLocale(value));
          }}
          data={(['nl', 'en'] as const).map((value) => ({ value, label: a.locales[value] }))}
        />
      </Group>
      {notice && <SavedNotice testId="template-notice">{notice}</SavedNotice>}
      {/* a save or reset changes where the text comes from: the editor starts again from the stored text */}
      {chosen && (
        <TemplateEditor
          key={`${chosen.kind}/${locale}/${chosen.texts[locale].custom ? 'own' : 'built-in'}`}
          template={chosen}
          locale={locale}
          onNotice={setNotice}
        />
      )}
    </Stack>
  );
}
