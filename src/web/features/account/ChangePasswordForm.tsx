import { Alert, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { changePasswordInput } from '../../../contract/auth.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { inBothLanguages, useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import { changePassword } from '../auth/auth-api.ts';

const PASSWORD_MIN_LENGTH = 12;
const EMPTY = { currentPassword: '', newPassword: '' };

/** Changing the password signs out every other session (the API does that); this one stays. */
export function ChangePasswordForm() {
  const { t, locale } = useI18n();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => setValues(EMPTY),
    onError: (error) => setFieldErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    change.reset();
    const validation = validateForm(changePasswordInput, values);
    const errors = validation.ok ? {} : { ...validation.errors };
    if (!errors.newPassword && [...values.newPassword].length < PASSWORD_MIN_LENGTH)
      errors.newPassword = inBothLanguages((m) => m.setup.passwordTooShort);
    setFieldErrors(errors);
    if (validation.ok && Object.keys(errors).length === 0) change.mutate(validation.data);
  };

  const fields = [
    { path: 'currentPassword', id: 'account-current-password', label: t.account.currentPassword },
    { path: 'newPassword', id: 'account-new-password', label: t.account.newPassword },
  ];
  const failure =
    change.error && !isFieldProblem(change.error) ? describeApiError(change.error, locale, t) : undefined;
  return (
    <>
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(fieldErrors, fields, locale)}
        attempt={attempt}
      />
      {change.isSuccess && (
        <Alert color="green.9" variant="outline" role="status" mb="md">
          {t.account.passwordChanged}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <PasswordField
            id="account-current-password"
            label={t.account.currentPassword}
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(event) => setValues({ ...values, currentPassword: event.currentTarget.value })}
            error={fieldErrors.currentPassword?.[locale]}
          />
          <PasswordField
            id="account-new-password"
            label={t.account.newPassword}
            description={t.setup.passwordHint}
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={(event) => setValues({ ...values, newPassword: event.currentTarget.value })}
            error={fieldErrors.newPassword?.[locale]}
          />
          <div>
            <Button type="submit" loading={change.isPending}>
              {t.account.changePassword}
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
