import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { Quarter } from '../../../domain/learning.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem } from '../../lib/form-errors.ts';
import { type ComplaintTheme, createActionFromTheme, mtKeys } from './mt-api.ts';

/** Turns a theme into an improvement action: it links the theme's complaints and remembers the theme (issue 26). */
export function ThemeActionDialog({
  theme,
  quarter,
  onClose,
}: {
  theme: ComplaintTheme;
  quarter: Quarter;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(t.themes.actionTitleDefault(theme.name));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: () => createActionFromTheme(title, quarter, theme.key),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: mtKeys.all });
      onClose();
    },
    onError: (error) => setFieldErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setFieldErrors({ title: { nl: 'Vul dit veld in.', en: 'Fill in this field.' } });
      return;
    }
    setFieldErrors({});
    create.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t.themes.makeAction}
      closeButtonProps={{ 'aria-label': t.mtReview.close }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {create.isError && !isFieldProblem(create.error) && (
            <Alert color="red.9" variant="outline" role="alert">
              {describeApiError(create.error, locale, t)}
            </Alert>
          )}
          <TextInput
            id="theme-action-title"
            label={t.themes.actionTitle}
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={fieldErrors.title?.[locale]}
          />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t.themes.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t.themes.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
