import { Alert, Anchor, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import {
  complaintKeys,
  fetchLikelyDuplicates,
  type LikelyDuplicatesQuery,
} from '../complaints/complaints-api.ts';
import { formatDay, fromDateTimeLocalValue } from '../complaints/format.ts';

/**
 * Issue 22 (decision 035): while the description is typed, the same complainant's recent complaints about the
 * same thing — perhaps this one is received twice. Registering stays possible; merging is on the case page.
 */
export function LikelyDuplicates({
  complainantId,
  text,
  receivedAt,
}: {
  complainantId: string;
  text: string;
  receivedAt: string;
}) {
  const { t, locale } = useI18n();
  const [debounced] = useDebouncedValue(text.trim(), 400);
  const received = fromDateTimeLocalValue(receivedAt);
  const query: LikelyDuplicatesQuery = {
    complainantId,
    text: debounced.slice(0, 2000),
    ...(received ? { receivedAt: received } : {}),
  };
  const duplicates = useQuery({
    queryKey: complaintKeys.likelyDuplicates(query),
    queryFn: () => fetchLikelyDuplicates(query),
    enabled: complainantId !== '' && debounced.length >= 10,
    placeholderData: keepPreviousData,
  });
  const items = complainantId && debounced.length >= 10 ? (duplicates.data ?? []) : [];
  if (items.length === 0) return null;
  return (
    <Alert variant="outline" color="#8a4500" title={t.intake.duplicatesTitle} data-testid="intake-duplicates">
      <Text size="sm">{t.intake.duplicatesIntro}</Text>
      <List size="sm" spacing={4} mt="xs">
        {items.slice(0, 5).map((d) => (
          <List.Item key={d.id}>
            <Anchor component={Link} to={`/klachten/${d.id}`} target="_blank">
              {d.reference}
            </Anchor>{' '}
            · {formatDay(d.receivedAt, locale)} · {t.complaint.status[d.status]}
            <Text size="xs" lineClamp={2}>
              {d.description}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
