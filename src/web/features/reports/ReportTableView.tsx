import { Anchor, Table, Text } from '@mantine/core';
import { displayCell, kindOf } from '../../../contract/report-format.ts';
import type { ReportTable } from '../../../contract/reports.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export type DrillRequest = { label: string; drill: string };

/** A report table: the same cells as the PDF and the workbook; every number with a drill-down opens its complaints. */
export function ReportTableView({
  table,
  onDrill,
  headingLevel = 3,
}: {
  table: ReportTable;
  onDrill: (request: DrillRequest) => void;
  headingLevel?: 2 | 3;
}) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`table-${table.id}`}>
      <Heading id={`table-${table.id}`} style={{ fontSize: '1.05rem', margin: '1rem 0 0.25rem' }}>
        {table.title}
      </Heading>
      {table.description && (
        <Text size="sm" c="dimmed">
          {table.description}
        </Text>
      )}
      <Table striped withTableBorder highlightOnHover data-testid={`report-table-${table.id}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.reports.rowLabel}</Table.Th>
            {table.columns.map((column) => (
              <Table.Th
                key={column.key}
                scope="col"
                style={{ textAlign: column.kind === 'text' ? 'left' : 'right' }}
              >
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row) => (
            <Table.Tr key={row.key ?? row.label}>
              <Table.Th scope="row" style={{ fontWeight: 'normal' }}>
                {row.label}
              </Table.Th>
              {row.cells.map((cell, i) => {
                const kind = kindOf(table, row, i);
                const text = displayCell(cell, kind);
                const column = table.columns[i]?.label ?? '';
                const label = table.columns.length > 1 ? `${row.label} – ${column}` : row.label;
                return (
                  <Table.Td
                    key={table.columns[i]?.key ?? i}
                    style={{ textAlign: kind === 'text' ? 'left' : 'right' }}
                  >
                    {cell.drill && typeof cell.value === 'number' ? (
                      <Anchor
                        component="button"
                        type="button"
                        aria-label={t.reports.drillOpen(label, text)}
                        onClick={() => onDrill({ label, drill: cell.drill as string })}
                      >
                        {text}
                      </Anchor>
                    ) : (
                      text
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
