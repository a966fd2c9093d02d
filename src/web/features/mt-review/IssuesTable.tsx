import { Checkbox, Table, Text } from '@mantine/core';
import { POLICY_ISSUE_SOURCES } from '../../../domain/learning.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ComplaintLinks } from './ComplaintLinks.tsx';
import type { PolicyIssue } from './mt-api.ts';

/** Items for the MT with their complaints; with `selection`, rows can be picked (to merge them). */
export function IssuesTable({
  issues,
  caption,
  testId,
  selection,
}: {
  issues: PolicyIssue[];
  caption: string;
  testId: string;
  selection?: { selected: string[]; toggle: (id: string) => void };
}) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {selection && <Table.Th scope="col">{t.mtReview.select}</Table.Th>}
            <Table.Th scope="col">{t.mtReview.subject}</Table.Th>
            <Table.Th scope="col">{t.mtReview.source}</Table.Th>
            <Table.Th scope="col">{t.mtReview.raisedBy}</Table.Th>
            <Table.Th scope="col">{t.mtReview.complaints}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue) => (
            <Table.Tr key={issue.id}>
              {selection && (
                <Table.Td>
                  <Checkbox
                    aria-label={t.mtReview.selectIssue(issue.title)}
                    checked={selection.selected.includes(issue.id)}
                    onChange={() => selection.toggle(issue.id)}
                  />
                </Table.Td>
              )}
              <Table.Td>
                <Text fw={600} size="sm">
                  {issue.title}
                </Text>
                {issue.description && issue.description !== issue.title && (
                  <Text size="sm">{issue.description}</Text>
                )}
              </Table.Td>
              <Table.Td>{POLICY_ISSUE_SOURCES[issue.source][locale]}</Table.Td>
              <Table.Td>{issue.raisedBy?.name ?? '–'}</Table.Td>
              <Table.Td>
                <ComplaintLinks complaints={issue.complaints} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
