import { Anchor, Paper, Stack, Text } from '@mantine/core';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime, formatDay } from '../complaints/format.ts';
import { useAdjustments } from './adjustments-api.ts';

/**
 * Files made from the case: for a complainant without e-mail the acknowledgement and answer letters (issue 21),
 * the explanation letter to post (policy 2.5) and the dossier for the regional
 * complaints committee (policy 1.3). Shown only when there is something to download.
 */
export function DownloadsPanel({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const letter = complaint.explanationLetter;
  // Issue 21: without e-mail the complainant gets letters; each carries a new private code to follow the case
  // issue 26: so does one who asked for letters (or to be phoned): their answer is a letter to post too
  const channel = useAdjustments(complaint.id).data?.route.channel;
  const byPost =
    complaint.complainant !== null &&
    ((!complaint.complainant.email && !complaint.representative?.email) ||
      channel === 'letter' ||
      channel === 'phone');
  if (letter === null && complaint.committee === null && !byPost) return null;
  return (
    <section aria-labelledby="downloads-title">
      <Text component="h2" id="downloads-title" fw={700} size="lg" mb="xs">
        {t.complaint.downloads.title}
      </Text>
      <Paper withBorder p="md">
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {byPost && (
            <li>
              <Anchor href={`/api/complaints/${complaint.id}/acknowledgement-letter.pdf`} download>
                {t.complaint.downloads.acknowledgementLetter}
              </Anchor>
              <Text size="sm">{t.complaint.downloads.newCodeEachPrint}</Text>
            </li>
          )}
          {byPost && complaint.answer !== null && (
            <li>
              <Anchor href={`/api/complaints/${complaint.id}/answer-letter.pdf`} download>
                {t.complaint.downloads.answerLetter}
              </Anchor>
            </li>
          )}
          {letter !== null && (
            <li>
              <Anchor href={`/api/complaints/${complaint.id}/explanation-letter.pdf`} download>
                {t.complaint.downloads.explanationLetter}
              </Anchor>
              <Text size="sm" data-testid="letter-state">
                {letter.postedOn === null
                  ? t.complaint.downloads.letterPrepared(formatDateTime(letter.preparedAt, locale))
                  : t.complaint.downloads.letterPosted(formatDay(letter.postedOn, locale))}
              </Text>
            </li>
          )}
          {complaint.committee !== null && (
            <li>
              <Anchor href={`/api/complaints/${complaint.id}/committee-dossier.zip`} download>
                {t.complaint.downloads.committeeDossier}
              </Anchor>
            </li>
          )}
        </Stack>
      </Paper>
    </section>
  );
}
