import { Alert, Badge, Button, Group, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { complaintKeys, fetchLikelyRepeats, type LikelyRepeatsQuery } from '../complaints/complaints-api.ts';
import { formatDay } from '../complaints/format.ts';

/**
 * Earlier complaints of the same person or address, most similar first, updated while the description is typed.
 * Once one is linked, `children` asks what kind of repeat it is (policy 2.6).
 */
export function LikelyRepeats({
  complainantId,
  unitId,
  text,
  repeatOf,
  onLink,
  children,
}: {
  complainantId: string;
  unitId: string | null;
  text: string;
  repeatOf: string;
  onLink: (id: string) => void;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const [debouncedText] = useDebouncedValue(text.trim(), 400);
  const query: LikelyRepeatsQuery = {
    ...(complainantId ? { complainantId } : {}),
    ...(unitId ? { unitId } : {}),
    ...(debouncedText ? { text: debouncedText.slice(0, 2000) } : {}),
  };
  const repeats = useQuery({
    queryKey: complaintKeys.likelyRepeats(query),
    queryFn: () => fetchLikelyRepeats(query),
    enabled: Boolean(complainantId || unitId),
    placeholderData: keepPreviousData,
  });
  const items = complainantId || unitId ? (repeats.data ?? []) : [];
  if (items.length === 0) return null;
  const linked = items.find((item) => item.id === repeatOf);

  return (
    <Alert variant="outline" color="#8a4500" title={t.intake.repeatsTitle} data-testid="likely-repeats">
      <Text size="sm" mb="xs">
        {t.intake.repeatsIntro}
      </Text>
      <List spacing="xs" size="sm">
        {items.slice(0, 5).map((item) => (
          <List.Item key={item.id}>
            <Group gap="xs" wrap="wrap">
              <strong>{item.reference}</strong>
              <span>{formatDay(item.receivedAt, locale)}</span>
              <span>{t.complaint.status[item.status]}</span>
              {item.sameComplainant && <Badge size="xs">{t.intake.repeatSame}</Badge>}
              {item.sameUnit && <Badge size="xs">{t.intake.repeatSameUnit}</Badge>}
              <Button
                size="compact-xs"
                variant={repeatOf === item.id ? 'filled' : 'default'}
                aria-pressed={repeatOf === item.id}
                onClick={() => onLink(repeatOf === item.id ? '' : item.id)}
              >
                {repeatOf === item.id ? t.intake.unlinkRepeat : t.intake.linkRepeat}
              </Button>
            </Group>
            <Text size="xs" lineClamp={2}>
              {item.description}
            </Text>
          </List.Item>
        ))}
      </List>
      {linked && (
        <>
          <Text size="sm" fw={600} mt="sm">
            {t.intake.repeatLinked(linked.reference)}
          </Text>
          {children}
        </>
      )}
    </Alert>
  );
}
