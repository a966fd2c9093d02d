import { Anchor, Badge, Progress, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { corporationExport } from '../../../contract/platform.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { fetchExports, platformKeys } from './platform-api.ts';

type CorporationExport = z.infer<typeof corporationExport>;
const POLL_MS = 1_000;
const busy = (e: CorporationExport) => e.status === 'queued' || e.status === 'running';

/** A corporation's recent exports: progress while they run, the encrypted file when done. */
export function ExportList({ corporationId }: { corporationId: string }) {
  const { t, locale } = useI18n();
  const p = t.platform;
  const exports = useQuery({
    queryKey: platformKeys.exports(corporationId),
    queryFn: () => fetchExports(corporationId),
    refetchInterval: (query) => (query.state.data?.exports.some(busy) ? POLL_MS : false),
  });
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL', {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
  return (
    <QueryState query={exports}>
      {({ exports: rows }) =>
        rows.length === 0 ? (
          <Text mt="md">{p.exportNone}</Text>
        ) : (
          <Table mt="md" withTableBorder data-testid="export-list">
            <Table.Caption>{p.exportListCaption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{p.exportStarted}</Table.Th>
                <Table.Th scope="col">{p.state}</Table.Th>
                <Table.Th scope="col">{p.exportProgress}</Table.Th>
                <Table.Th scope="col">{p.exportFile}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{when(e.createdAt)}</Table.Td>
                  <Table.Td miw={100}>
                    <Badge
                      variant="outline"
                      tt="none"
                      color={e.status === 'failed' ? 'red.9' : e.status === 'done' ? '#1b5e20' : 'dark'}
                    >
                      {p.exportStatus[e.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td miw={200}>
                    <Progress
                      value={e.tablesTotal === 0 ? 0 : (100 * e.tablesDone) / e.tablesTotal}
                      aria-label={p.exportProgressLabel(when(e.createdAt))}
                      striped={busy(e)}
                      animated={busy(e)}
                    />
                    <Text size="sm" data-testid="export-progress">
                      {p.exportCounts(e.tablesDone, e.tablesTotal, e.rowsDone, e.filesDone)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {e.downloadUrl ? (
                      <Anchor href={e.downloadUrl} download>
                        {p.exportDownload(Math.max(1, Math.round((e.sizeBytes ?? 0) / 1024)))}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                    <Text size="xs" c="dimmed">
                      {p.exportExpires(when(e.expiresAt))}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </QueryState>
  );
}
