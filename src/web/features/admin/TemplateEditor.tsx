import { Badge, Button, Code, Group, List, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { describeApiError } from '../../lib/describe-error.ts';
import {
  type MessageTemplate,
  previewTemplate,
  resetTemplate,
  saveTemplate,
  type TemplateLocale,
  templateKeys,
} from './templates-api.ts';

type Field = 'subject' | 'body';

/** Field messages of a refused template (422 `template_invalid`, 400 `validation_failed`). */
function fieldMessages(error: unknown, locale: TemplateLocale): Partial<Record<Field, string>> {
  if (!isApiError(error)) return {};
  const out: Partial<Record<Field, string>> = {};
  for (const problem of error.fieldErrors) {
    const field = problem.path as Field;
    if (field === 'subject' || field === 'body')
      out[field] = [out[field], problem.messages[locale]].filter(Boolean).join(' ');
  }
  return out;
}

/** One template in one language: its text, the fields it may use, a live preview, save and reset. */
export function TemplateEditor({
  template,
  locale,
  onNotice,
}: {
  template: MessageTemplate;
  locale: TemplateLocale;
  onNotice: (message: string | null) => void;
}) {
  const { t, locale: uiLocale } = useI18n();
  const a = t.templatesAdmin;
  const queryClient = useQueryClient();
  const current = template.texts[locale];
  const [subject, setSubject] = useState(current.subject);
  const [body, setBody] = useState(current.body);
  const [attempt, setAttempt] = useState(0);
  const [debounced] = useDebouncedValue({ subject, body }, 400);
  const preview = useQuery({
    queryKey: templateKeys.preview(template.kind, locale, debounced),
    queryFn: () => previewTemplate(template.kind, locale, debounced),
    enabled: debounced.subject.trim() !== '' && debounced.body.trim() !== '',
    retry: false,
  });
  const done = (message: string) => {
    onNotice(message);
    void queryClient.invalidateQueries({ queryKey: templateKeys.list });
  };
  const save = useMutation({
    mutationFn: () => saveTemplate(template.kind, locale, { subject, body }),
    onSuccess: () => done(a.saved),
  });
  const reset = useMutation({
    mutationFn: () => resetTemplate(template.kind, locale),
    onSuccess: () => done(a.resetDone),
  });
  const errors = fieldMessages(save.error, uiLocale);
  const labels: Record<Field, string> = {
    subject: template.audience === 'composer' ? a.composerName : a.subject,
    body: a.body,
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    onNotice(null);
    save.mutate();
  };
  const summary = (Object.keys(errors) as Field[]).map((field) => ({
    fieldId: `template-${field}`,
    label: labels[field],
    message: errors[field] ?? '',
  }));
  const failure = save.error && summary.length === 0 ? describeApiError(save.error, uiLocale, t) : undefined;
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <ErrorSummary message={failure} fieldErrors={summary} attempt={attempt} />
        <Group gap="xs">
          <Badge
            color={current.custom ? '#1b5e20' : '#495057'}
            variant="outline"
            tt="none"
            data-testid="template-origin"
          >
            {current.custom ? a.custom : a.builtIn}
          </Badge>
        </Group>
        <TextInput
          id="template-subject"
          label={labels.subject}
          value={subject}
          error={errors.subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
        />
        <Textarea
          id="template-body"
          label={labels.body}
          value={body}
          error={errors.body}
          autosize
          minRows={8}
          maxRows={24}
          onChange={(event) => setBody(event.currentTarget.value)}
        />
        <section aria-labelledby="template-fields-title">
          <Text component="h2" id="template-fields-title" fw={700} size="md">
            {a.placeholders}
          </Text>
          <List size="sm">
            {template.placeholders.map((p) => (
              <List.Item key={p.name}>
                <Code>{`{{${p.name}}}`}</Code> {p.description[uiLocale]}
              </List.Item>
            ))}
          </List>
        </section>
        <section aria-labelledby="template-preview-title">
          <Text component="h2" id="template-preview-title" fw={700} size="md">
            {a.preview}
          </Text>
          <Paper withBorder p="sm" data-testid="template-preview">
            {preview.isError ? (
              <Text size="sm" c="red.9">
                {Object.values(fieldMessages(preview.error, uiLocale)).join(' ') ||
                  describeApiError(preview.error, uiLocale, t)}
              </Text>
            ) : preview.data ? (
              <>
                <Text size="sm" fw={700}>
                  {preview.data.subject}
                </Text>
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {preview.data.bodyText}
                </Text>
              </>
            ) : (
              <Text size="sm">{t.app.loading}</Text>
            )}
          </Paper>
        </section>
        <Group justify="flex-end">
          {current.custom && (
            <Button variant="default" loading={reset.isPending} onClick={() => reset.mutate()}>
              {a.reset}
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {a.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
