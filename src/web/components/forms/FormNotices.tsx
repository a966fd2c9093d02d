import { Alert, type AlertProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** The confirmation after a save, announced politely (`role="status"`). */
export function SavedNotice({
  children,
  title,
  testId,
  ...spacing
}: {
  children?: ReactNode;
  title?: ReactNode;
  testId?: string;
} & Pick<AlertProps, 'mb' | 'mt'>) {
  return (
    <Alert color="#1b5e20" variant="outline" role="status" title={title} data-testid={testId} {...spacing}>
      {children}
    </Alert>
  );
}

/**
 * A failure next to a control that saves on its own (a table row, a switch, a revoke button), where a summary
 * above a form would be out of place: announced at once (`role="alert"`). Nothing when there is no message.
 */
export function FormFailure({
  message,
  ...spacing
}: { message: string | undefined } & Pick<AlertProps, 'mb' | 'mt' | 'p'>) {
  if (!message) return null;
  return (
    <Alert color="red.9" variant="outline" role="alert" {...spacing}>
      {message}
    </Alert>
  );
}
