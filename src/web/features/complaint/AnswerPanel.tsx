import { Paper, Text } from '@mantine/core';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../complaints/format.ts';

type Recipient = { role?: string };

/** The answer as sent, with who got it (policy 2.3: to the complainant, cc manager and management assistant). */
export function AnswerPanel({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const answer = complaint.answer;
  if (!answer) return null;
  const recipients = (answer.recipients ?? {}) as { to?: Recipient[]; cc?: Recipient[] };
  const name = (r: Recipient) =>
    r.role === 'complainant'
      ? t.complaint.recipientComplainant
      : r.role === 'manager'
        ? t.complaint.recipientManager
        : t.complaint.recipientAssistant;
  return (
    <section aria-labelledby="answer-title">
      <Text component="h2" id="answer-title" fw={700} size="lg" mb="xs">
        {t.complaint.answerTitle}
      </Text>
      <Paper withBorder p="md" data-testid="answer">
        <Text size="sm">{t.complaint.answeredAt(formatDateTime(answer.answeredAt, locale))}</Text>
        {recipients.to && (
          <Text size="sm">
            {t.complaint.recipientsTo}: {recipients.to.map(name).join(', ')}
          </Text>
        )}
        {recipients.cc && recipients.cc.length > 0 && (
          <Text size="sm">
            {t.complaint.recipientsCc}: {recipients.cc.map(name).join(', ')}
          </Text>
        )}
        <Text mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {answer.text}
        </Text>
      </Paper>
    </section>
  );
}
