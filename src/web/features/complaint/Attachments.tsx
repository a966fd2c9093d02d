import { Anchor, Box, List, Paper, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useRef, useState } from 'react';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { complaintKeys, fetchAttachments, uploadAttachment } from '../complaints/complaints-api.ts';
import { formatDateTime } from '../complaints/format.ts';

/**
 * Files on the complaint: drop them on the zone or choose them with the (keyboard-reachable) file input.
 * Each upload is a new version of the complaint, so files go one by one on the newest version.
 */
export function Attachments({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [lastUploaded, setLastUploaded] = useState<string | null>(null);
  const list = useQuery({
    queryKey: complaintKeys.attachments(complaint.id),
    queryFn: () => fetchAttachments(complaint.id),
  });
  const upload = useMutation({
    mutationFn: async (files: File[]) => {
      let version = complaint.version;
      for (const file of files) {
        const uploaded = await uploadAttachment({ id: complaint.id, version }, file);
        version = Number.isFinite(uploaded.version) ? uploaded.version : version + 1;
        setLastUploaded(file.name);
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: complaintKeys.attachments(complaint.id) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaint.id) });
    },
    onError: () => setAttempt((n) => n + 1),
  });
  const start = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setLastUploaded(null);
    upload.mutate([...files]);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    start(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby="attachments-title">
      <Text component="h2" id="attachments-title" fw={700} size="lg" mb="xs">
        {t.complaint.attachments.title}
      </Text>
      {upload.isError && (
        <ErrorSummary message={describeApiError(upload.error, locale, t)} attempt={attempt} />
      )}
      <Paper withBorder p="md">
        {list.data && list.data.length > 0 ? (
          <List spacing={4} size="sm" data-testid="attachments">
            {list.data.map((file) => (
              <List.Item key={file.id}>
                <Anchor href={file.downloadUrl}>{file.fileName}</Anchor>{' '}
                <Text span size="xs">
                  ({t.complaint.attachments.size(Math.max(1, Math.round(file.sizeBytes / 1024)))},{' '}
                  {formatDateTime(file.uploadedAt, locale)}
                  {file.uploadedBy.kind === 'portal' ? `, ${t.complaint.attachments.fromPortal}` : ''})
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{list.isPending ? t.app.loading : t.complaint.attachments.none}</Text>
        )}
        <Box
          mt="sm"
          p="md"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          style={{
            border: `2px dashed ${dragging ? 'var(--mantine-color-gehoord-7)' : 'var(--mantine-color-gray-6)'}`,
            borderRadius: 6,
            background: dragging ? 'var(--mantine-color-gehoord-0)' : undefined,
            textAlign: 'center',
          }}
          data-testid="dropzone"
        >
          <Text size="sm">
            {t.complaint.attachments.drop}{' '}
            <Anchor component="button" type="button" onClick={() => input.current?.click()}>
              {t.complaint.attachments.choose}
            </Anchor>
          </Text>
          <Text size="xs" c="dimmed">
            {t.complaint.attachments.hint}
          </Text>
          <VisuallyHidden>
            <input
              ref={input}
              type="file"
              multiple
              tabIndex={-1}
              aria-label={t.complaint.attachments.choose}
              onChange={(event) => {
                start(event.currentTarget.files);
                event.currentTarget.value = '';
              }}
            />
          </VisuallyHidden>
        </Box>
        <Text size="sm" role="status" mt={4}>
          {upload.isPending
            ? t.complaint.attachments.uploading(upload.variables?.map((f) => f.name).join(', ') ?? '')
            : lastUploaded && upload.isSuccess
              ? t.complaint.attachments.uploaded(lastUploaded)
              : ''}
        </Text>
      </Paper>
    </section>
  );
}
