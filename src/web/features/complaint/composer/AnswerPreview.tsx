import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../../i18n/i18n.tsx';
import { describeApiError } from '../../../lib/describe-error.ts';
import { composerKeys, fetchAnswerPreview, type AnswerPreview as Preview } from './composer-api.ts';

/**
 * Issue 22: the answer as it will go out (the organisation's template around the officer's text) and who
 * receives it, by name: the complainant, and in cc the manager and management assistant (policy 2.3).
 */
export function AnswerPreview({ complaintId, text }: { complaintId: string; text: string }) {
  const { t, locale } = useI18n();
  const [debounced] = useDebouncedValue(text.trim(), 500);
  const preview = useQuery({
    queryKey: composerKeys.preview(complaintId, debounced),
    queryFn: () => fetchAnswerPreview(complaintId, debounced),
    enabled: debounced !== '',
    placeholderData: (previous) => previous,
  });
  const c = t.composer;
  return (
    <section aria-labelledby="answer-preview-title">
      <Text component="h3" id="answer-preview-title" fw={700} mb={4}>
        {c.previewTitle}
      </Text>
      {debounced === '' ? (
        <Text size="sm">{c.previewEmpty}</Text>
      ) : preview.isError ? (
        <Alert color="red" variant="light">
          {describeApiError(preview.error, locale, t)}
        </Alert>
      ) : preview.data ? (
        <PreviewBody preview={preview.data} />
      ) : (
        <Text size="sm">{t.app.loading}</Text>
      )}
    </section>
  );
}

function PreviewBody({ preview }: { preview: Preview }) {
  const { t } = useI18n();
  const c = t.composer;
  const roles = t.complaint.responsibility.roles;
  return (
    <Paper withBorder p="sm" data-testid="answer-preview">
      <Stack gap={4}>
        <Text size="sm" data-testid="answer-preview-to">
          <strong>{t.complaint.recipientsTo}:</strong>{' '}
          {preview.delivery === 'post'
            ? c.byPost
            : preview.to.map((r) => `${r.name} <${r.email}>`).join(', ')}
        </Text>
        <Text size="sm" data-testid="answer-preview-cc">
          <strong>{t.complaint.recipientsCc}:</strong>{' '}
          {preview.cc.length === 0
            ? c.noCc
            : preview.cc
                .map(
                  (r) =>
                    `${r.name} (${r.role === 'complainant' ? t.complaint.recipientComplainant : roles[r.role]})`,
                )
                .join(', ')}
        </Text>
        {preview.recipientProblem && (
          <Text size="sm" c="red.9">
            {c.recipientProblem}
          </Text>
        )}
        <Text size="sm">
          <strong>{c.subject}:</strong> {preview.subject}
        </Text>
        <Text
          size="sm"
          mt="xs"
          style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflowY: 'auto' }}
          data-testid="answer-preview-body"
          tabIndex={0}
        >
          {preview.bodyText}
        </Text>
      </Stack>
    </Paper>
  );
}
