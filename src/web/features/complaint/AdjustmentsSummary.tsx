import { Badge, Group, Stack, Text } from '@mantine/core';
import type { AdjustmentsInput } from '../../../contract/adjustments.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Issue 26: a complainant's recorded adjustments, read-only — on the case's "Aanpassingen" panel and at intake
 * when an existing complainant is picked (so staff don't ask again).
 */
export function AdjustmentsSummary({ adjustments: v }: { adjustments: AdjustmentsInput }) {
  const { t } = useI18n();
  const a = t.adjustments;
  const badges = [
    v.preferredChannel ? `${a.channel}: ${a.channels[v.preferredChannel]}` : null,
    v.largePrint ? a.largePrint : null,
    v.interpreterLanguage ? `${a.interpreter}: ${v.interpreterLanguage}` : null,
  ].filter((b): b is string => b !== null);
  return (
    <Stack gap="sm">
      {badges.length > 0 && (
        <Group gap="xs">
          {badges.map((b) => (
            <Badge key={b} color="#0b5c8a" variant="outline" size="lg" tt="none">
              {b}
            </Badge>
          ))}
        </Group>
      )}
      {v.callBack && (
        <Text size="sm">
          <strong>{a.callBack}:</strong> {v.callBack.dayParts.map((p) => a.dayParts[p]).join(', ')}
          {v.callBack.note ? ` — ${v.callBack.note}` : ''}
        </Text>
      )}
      {v.representative && (
        <Text size="sm">
          <strong>{a.representative}:</strong> {v.representative.name} ({v.representative.contact}),{' '}
          {a.authorities[v.representative.authority]} {v.representative.authorityDate}
          {v.representative.authorityNote ? ` — ${v.representative.authorityNote}` : ''}
          {v.representative.receivesCopies ? `; ${a.receivesCopies.toLowerCase()}` : ''}
        </Text>
      )}
      {v.accessNeeds && (
        <Text size="sm">
          <strong>{a.accessNeeds}:</strong> {v.accessNeeds.needs.map((n) => a.needs[n]).join(', ')}
          {v.accessNeeds.note ? ` — ${v.accessNeeds.note}` : ''}
        </Text>
      )}
    </Stack>
  );
}
