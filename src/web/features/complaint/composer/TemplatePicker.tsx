import { Button, Group, NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { AnswerComposer } from './composer-api.ts';

/**
 * Issue 22: start from one of the organisation's standard texts, filled in for this complaint. The text is
 * the middle of the answer only: the salutation and sign-off are the answer template's.
 */
export function TemplatePicker({
  templates,
  onUse,
}: {
  templates: AnswerComposer['templates'];
  onUse: (template: AnswerComposer['templates'][number]) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState(templates[0]?.kind ?? '');
  if (templates.length === 0) return null;
  const chosen = templates.find((template) => template.kind === kind);
  return (
    <Group align="flex-end" gap="sm">
      <NativeSelect
        id="answer-template"
        label={t.composer.template}
        value={kind}
        onChange={(event) => setKind(event.currentTarget.value)}
        data={templates.map((template) => ({ value: template.kind, label: template.name }))}
        style={{ flex: 1 }}
      />
      <Button variant="default" onClick={() => chosen && onUse(chosen)} disabled={!chosen}>
        {t.composer.useTemplate}
      </Button>
    </Group>
  );
}
