import { Alert, Anchor, List, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export type SummaryFieldError = { fieldId: string; label: string; message: string };

/**
 * The errors of a form, in one place at the top: focus moves here after a failed submit, so screen reader and
 * keyboard users hear what went wrong, and each field error links to its field. `attempt` changes per submit,
 * so the same error twice is announced twice.
 */
export function ErrorSummary({
  message,
  fieldErrors = [],
  attempt,
}: {
  message?: string | undefined;
  fieldErrors?: SummaryFieldError[];
  attempt: number;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = Boolean(message) || fieldErrors.length > 0;

  // `attempt` is a dependency on purpose: focus again on every new submit.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the focus on each submit
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [attempt, hasErrors]);

  if (!hasErrors) return null;
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red.9"
      variant="outline"
      title={message ? t.app.errorSummaryTitle : t.app.fieldErrorsTitle}
      data-testid="error-summary"
      mb="md"
    >
      {message && <Text size="sm">{message}</Text>}
      {fieldErrors.length > 0 && (
        <List size="sm" mt={message ? 'xs' : 0}>
          {fieldErrors.map((error) => (
            <List.Item key={error.fieldId}>
              <Anchor
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  // Not a fragment navigation: the setup page keeps its one-time token in the fragment.
                  event.preventDefault();
                  document.getElementById(error.fieldId)?.focus();
                }}
              >
                {error.label}: {error.message}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
