import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Mantine's PasswordInput marks an error only visually (data-invalid); screen readers also need aria-invalid.
 * The show-password toggle gets a label in the user's language.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useI18n();
  return (
    <PasswordInput
      {...props}
      aria-invalid={props.error ? true : undefined}
      visibilityToggleButtonProps={{ 'aria-label': t.app.showPassword }}
    />
  );
}
