import { Button, Group, Paper, type PaperProps, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorSummary } from '../ErrorSummary.tsx';
import type { EntityForm as Form } from './use-entity-form.ts';

/**
 * A form from `useEntityForm`: the error summary on top (focused after a failed submit, each field error
 * linking to its field, as on the portal and sign-in pages), then the fields. The browser's own validation
 * is off: the contract's messages are shown instead.
 */
export function EntityForm({ form, children }: { form: Form; children: ReactNode }) {
  return (
    <>
      <ErrorSummary message={form.failure} fieldErrors={form.summary} attempt={form.attempt} />
      <form onSubmit={form.submit} noValidate>
        {children}
      </form>
    </>
  );
}

/** A bordered page section with its heading (`<h2>`), named by it: the frame of a create or settings form. */
export function FormSection({
  id,
  title,
  children,
  maw = 760,
  titleGap = 'sm',
}: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  maw?: PaperProps['maw'];
  titleGap?: 'xs' | 'sm';
}) {
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id} maw={maw}>
      <Title order={2} size="h3" id={id} mb={titleGap}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** The buttons under a dialog form: cancel (closes without saving) and save (busy while the request runs). */
export function DialogActions({ onCancel, pending }: { onCancel: () => void; pending: boolean }) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button variant="subtle" onClick={onCancel}>
        {t.manager.cancel}
      </Button>
      <Button type="submit" loading={pending}>
        {t.admin.save}
      </Button>
    </Group>
  );
}
