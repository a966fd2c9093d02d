import { Button, Table } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { problemsCsv, type RowProblem } from './import-upload.ts';

/** Issue 22: every problem of every line (several per line too), and the same list as a CSV file to work from. */
export function ImportProblems({ problems }: { problems: RowProblem[] }) {
  const { t, localize } = useI18n();
  const href = useMemo(() => {
    const header = [t.admin.importLine, t.admin.importColumn, 'Melding (nl)', 'Message (en)'];
    const csv = problemsCsv(problems, header);
    return URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  }, [problems, t]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <>
      <Button
        component="a"
        href={href}
        download="importfouten.csv"
        variant="outline"
        size="compact-sm"
        mt="sm"
      >
        {t.adminScreens.importDownload}
      </Button>
      <Table.ScrollContainer minWidth={520} mt="sm">
        <Table striped>
          <Table.Caption>{t.admin.importErrorsCaption(problems.length)}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.admin.importLine}</Table.Th>
              <Table.Th scope="col">{t.admin.importColumn}</Table.Th>
              <Table.Th scope="col">{t.admin.importProblem}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.map((problem, index) => (
              // several problems can share a line and column: the position in the list keeps them apart
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
              <Table.Tr key={index}>
                <Table.Td>{problem.line}</Table.Td>
                <Table.Td>{problem.column || '—'}</Table.Td>
                <Table.Td>{localize(problem.messages)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
