import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { MT_DECISIONS } from '../../../domain/learning.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../people/format.ts';
import type { Meeting } from './mt-api.ts';

export function DecisionsTable({ meeting }: { meeting: Meeting }) {
  const { t, locale } = useI18n();
  if (meeting.decisions.length === 0) return <Text>{t.mtReview.decisionsEmpty}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="meeting-decisions">
        <Table.Caption>{t.mtReview.decisionsCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.mtReview.subject}</Table.Th>
            <Table.Th scope="col">{t.mtReview.decision}</Table.Th>
            <Table.Th scope="col">{t.mtReview.reason}</Table.Th>
            <Table.Th scope="col">{t.mtReview.decidedBy}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meeting.decisions.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.subject}</Table.Td>
              <Table.Td>
                {MT_DECISIONS[d.decision][locale]}
                {d.improvementActionId && (
                  <Text size="sm">
                    <Anchor component={Link} to={`/verbeteracties/${d.improvementActionId}`}>
                      {t.mtReview.openAction}
                    </Anchor>
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{d.reason ?? '–'}</Table.Td>
              <Table.Td>
                {d.decidedBy}
                <Text size="sm">{formatDateTime(d.at, locale)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
