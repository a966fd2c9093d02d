import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ACTION_STATUSES } from '../../../domain/learning.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatLocalDay } from './format.ts';
import type { ImprovementAction } from './mt-api.ts';

/** Improvement actions with owner, due date and status; overdue ones say so in words, not colour alone. */
export function ActionsTable({
  actions,
  caption,
  emptyText,
  testId,
}: {
  actions: ImprovementAction[];
  caption: string;
  emptyText: string;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  if (actions.length === 0) return <Text data-testid={testId}>{emptyText}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.mtReview.title}</Table.Th>
            <Table.Th scope="col">{t.mtReview.owner}</Table.Th>
            <Table.Th scope="col">{t.mtReview.dueOn}</Table.Th>
            <Table.Th scope="col">{t.mtReview.status}</Table.Th>
            <Table.Th scope="col">{t.mtReview.complaints}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action) => (
            <Table.Tr key={action.id}>
              <Table.Td>
                <Anchor component={Link} to={`/verbeteracties/${action.id}`}>
                  {action.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{action.owner?.name ?? t.mtReview.noOwner}</Table.Td>
              <Table.Td>
                {action.dueOn ? formatLocalDay(action.dueOn, locale) : '–'}
                {action.overdue && (
                  <Badge color="red.9" variant="outline" ml="xs">
                    {t.mtReview.overdue}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{ACTION_STATUSES[action.status][locale]}</Table.Td>
              <Table.Td>{action.complaints.length}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
