import {
  Alert,
  Anchor,
  Button,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { LetterToPost } from '../../../contract/messages.ts';
import { toLocalDate } from '../../../domain/index.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { appNow } from '../../lib/app-clock.ts';
import { describeApiError } from '../../lib/describe-error.ts';
import { formatDateTime, formatDay } from '../complaints/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchLettersToPost, markLetterPosted, markProgressLetterPosted } from './letters-api.ts';

/**
 * "Te posten" (policy 2.5): explanation letters for complainants without e-mail. The management assistant
 * prints and posts them and records the day; only then has the complainant had the explanation.
 */
export function LettersToPostPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.letters.pageTitle);
  const letters = useQuery({ queryKey: ['letters', 'to-post'], queryFn: fetchLettersToPost });
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <Title order={1}>{t.letters.title}</Title>
      <Text>{t.letters.intro}</Text>
      {done && (
        <Alert color="green.9" variant="outline" role="status">
          {done}
        </Alert>
      )}
      <QueryState query={letters}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t.letters.empty}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="letters-to-post">
                <Table.Caption>{t.letters.caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.letters.columnReference}</Table.Th>
                    <Table.Th scope="col">{t.letters.columnRecipient}</Table.Th>
                    <Table.Th scope="col">{t.letters.columnPrepared}</Table.Th>
                    <Table.Th scope="col">{t.letters.columnDue}</Table.Th>
                    <Table.Th scope="col">{t.letters.columnActions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((letter) => (
                    <Table.Tr key={letter.letterId ?? letter.complaintId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/klachten/${letter.complaintId}`}>
                          {letter.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{letter.recipientName ?? '—'}</Table.Td>
                      <Table.Td>{formatDateTime(letter.preparedAt, locale)}</Table.Td>
                      <Table.Td>{formatDay(letter.dueAt, locale)}</Table.Td>
                      <Table.Td>
                        <PostRow
                          letter={letter}
                          onPosted={() => setDone(t.letters.posted(letter.reference))}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}

function PostRow({ letter, onPosted }: { letter: LetterToPost; onPosted: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const today = toLocalDate(appNow());
  const [postedOn, setPostedOn] = useState(today);
  const post = useMutation({
    mutationFn: async (): Promise<void> => {
      if (letter.letterId === null) await markLetterPosted(letter.complaintId, postedOn);
      else await markProgressLetterPosted(letter.letterId, postedOn);
    },
    onSuccess: async () => {
      onPosted();
      await queryClient.invalidateQueries({ queryKey: ['letters'] });
    },
  });
  const inputId = `posted-on-${letter.letterId ?? letter.complaintId}`;
  return (
    <Stack gap={4}>
      <Anchor href={letter.letterUrl} download>
        {t.letters.download}
        <VisuallyHidden> {letter.reference}</VisuallyHidden>
      </Anchor>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          id={inputId}
          type="date"
          size="xs"
          label={`${t.letters.postedOn} (${letter.reference})`}
          value={postedOn}
          max={today}
          onChange={(event) => setPostedOn(event.currentTarget.value)}
        />
        <Button size="xs" loading={post.isPending} onClick={() => post.mutate()}>
          {t.letters.markPosted}
        </Button>
      </Group>
      {post.error && (
        <Text size="xs" c="red.9" role="alert">
          {describeApiError(post.error, locale, t)}
        </Text>
      )}
    </Stack>
  );
}
