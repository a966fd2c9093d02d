import { Alert, Button, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../complaints/format.ts';
import { AdjustmentsSummary } from './AdjustmentsSummary.tsx';
import { useAdjustments } from './adjustments-api.ts';
import { AdjustmentsForm } from './forms/AdjustmentsForm.tsx';

/**
 * "Aanpassingen" (issue 26, decision 051): what the complainant asked for — channel, large print, interpreter,
 * call-back, representative, reading or hearing needs — for whoever handles the complaint (the API only answers
 * staff who may see it), with the adjustments that were not followed.
 */
export function AdjustmentsPanel({
  complaint,
  mayChange,
}: {
  complaint: ComplaintDetail;
  mayChange: boolean;
}) {
  const { t, locale } = useI18n();
  const a = t.adjustments;
  const query = useAdjustments(complaint.id);
  const [editing, setEditing] = useState(false);
  const data = query.data;
  if (!data) return null;
  const v = data.adjustments;
  return (
    <section aria-labelledby="adjustments-title" data-testid="adjustments">
      <Text component="h2" id="adjustments-title" fw={700} size="lg" mb="xs">
        {a.title}
      </Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          {data.warnings.length > 0 && (
            <Alert
              color="#8a4500"
              variant="outline"
              title={a.warningsTitle}
              data-testid="adjustment-warnings"
            >
              <List size="sm">
                {data.warnings.map((w) => (
                  <List.Item key={w}>{a.warnings[w]}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {data.personId === null && <Text size="sm">{a.noComplainant}</Text>}
          {data.personId !== null && data.records.length === 0 && <Text size="sm">{a.none}</Text>}
          <AdjustmentsSummary adjustments={v} />
          {data.records.length > 0 && (
            <List size="xs" c="dimmed" data-testid="adjustment-records">
              {data.records.map((r) => (
                <List.Item key={r.kind}>
                  {a.kinds[r.kind as keyof typeof a.kinds]}:{' '}
                  {a.recorded(
                    r.recordedVia === 'staff'
                      ? (r.recordedByName ?? a.unknownStaff)
                      : a.recordedVia[r.recordedVia],
                    formatDateTime(r.recordedAt, locale),
                    a.basis[r.legalBasis],
                  )}
                </List.Item>
              ))}
            </List>
          )}
          {mayChange && data.personId !== null && (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                {a.edit}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={a.edit}
        size="lg"
        closeButtonProps={{ 'aria-label': t.complaint.closeDialog }}
      >
        {editing && (
          <AdjustmentsForm
            complaint={complaint}
            current={v}
            onDone={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        )}
      </Modal>
    </section>
  );
}
