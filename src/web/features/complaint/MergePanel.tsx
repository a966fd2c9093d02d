import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { isActionOffered } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { complaintKeys, fetchLikelyDuplicates } from '../complaints/complaints-api.ts';
import { formatDay } from '../complaints/format.ts';

/**
 * Issue 22 (decision 035): where this complaint was merged to, what was merged into it, and — while it can
 * still be merged — the complaints it was likely received twice with, with the way to the merge action.
 */
export function MergePanel({
  complaint,
  mayMerge,
  onMerge,
}: {
  complaint: ComplaintDetail;
  mayMerge: boolean;
  onMerge: () => void;
}) {
  const { t, locale } = useI18n();
  const m = t.complaint.merge;
  const offered = isActionOffered('merge', complaint.status);
  const query = { complaintId: complaint.id };
  const duplicates = useQuery({
    queryKey: complaintKeys.likelyDuplicates(query),
    queryFn: () => fetchLikelyDuplicates(query),
    enabled: offered,
  });
  const found = offered ? (duplicates.data ?? []) : [];
  const link = (c: { id: string; reference: string }) => (
    <Anchor component={Link} to={`/klachten/${c.id}`}>
      {c.reference}
    </Anchor>
  );

  return (
    <>
      {complaint.mergedInto && (
        <Alert variant="light" color="gray" data-testid="merged-into">
          {m.mergedInto} {link(complaint.mergedInto)}.
        </Alert>
      )}
      {complaint.mergedFrom.length > 0 && (
        <Alert variant="light" color="gray" data-testid="merged-from">
          {m.mergedFrom}{' '}
          {complaint.mergedFrom.map((c, i) => (
            <span key={c.id}>
              {i > 0 && ', '}
              {link(c)} ({formatDay(c.receivedAt, locale)})
            </span>
          ))}
        </Alert>
      )}
      {found.length > 0 && (
        <Alert variant="outline" color="#8a4500" title={m.duplicatesTitle} data-testid="likely-duplicates">
          <Text size="sm">{m.duplicatesIntro}</Text>
          <List size="sm" spacing={4} my="xs">
            {found.map((d) => (
              <List.Item key={d.id}>
                {link(d)} · {formatDay(d.receivedAt, locale)} · {t.complaint.status[d.status]} ·{' '}
                {m.similar(Math.round(d.similarity * 100))}
              </List.Item>
            ))}
          </List>
          {mayMerge && found.some((d) => d.mergeable) && (
            <Group>
              <Button size="compact-sm" variant="default" onClick={onMerge}>
                {t.complaint.action.merge}
              </Button>
            </Group>
          )}
        </Alert>
      )}
    </>
  );
}
