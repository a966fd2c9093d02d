import { Anchor, Badge, Modal, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { labelOf } from '../../i18n/code-labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import type { DrillRequest } from './ReportTableView.tsx';
import { fetchDrill } from './reports-api.ts';

/** The complaints behind one number: reference, status and dates, each a link to the case. */
export function DrillModal({ request, onClose }: { request: DrillRequest | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const list = useQuery({
    queryKey: ['report-drill', request?.drill],
    queryFn: () => fetchDrill(request?.drill ?? ''),
    enabled: request !== null,
  });
  return (
    <Modal
      opened={request !== null}
      onClose={onClose}
      title={request ? t.reports.drillTitle(request.label) : ''}
      closeButtonProps={{ 'aria-label': t.reports.close }}
      size="lg"
    >
      {request && (
        <QueryState query={list}>
          {(data) =>
            data.items.length === 0 ? (
              <>
                <Text>{t.reports.drillEmpty}</Text>
                {data.withheld > 0 && <Text size="sm">{t.reports.drillWithheld(data.withheld)}</Text>}
              </>
            ) : (
              <>
                <Text size="sm" mb="xs" data-testid="drill-total">
                  {t.reports.drillTotal(data.items.length, data.total)}
                </Text>
                {data.withheld > 0 && (
                  <Text size="sm" mb="xs" data-testid="drill-withheld">
                    {t.reports.drillWithheld(data.withheld)}
                  </Text>
                )}
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t.reports.reference}</Table.Th>
                      <Table.Th scope="col">{t.reports.status}</Table.Th>
                      <Table.Th scope="col">{t.reports.received}</Table.Th>
                      <Table.Th scope="col">{t.reports.answered}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/klachten/${item.id}`}>
                            {item.reference}
                          </Anchor>{' '}
                          {item.confidential && (
                            <Badge color="red.9" variant="outline" size="sm">
                              {t.reports.confidential}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td>{labelOf(t.complaint.status, item.status)}</Table.Td>
                        <Table.Td>{formatDate(item.receivedAt, locale)}</Table.Td>
                        <Table.Td>{item.answeredAt ? formatDate(item.answeredAt, locale) : '–'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )
          }
        </QueryState>
      )}
    </Modal>
  );
}
