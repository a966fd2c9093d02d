import { Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { completeSetupInput, type DemoAccount } from '../../../contract/setup.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { inBothLanguages, useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import { completeSetup } from './setup-api.ts';

const PASSWORD_MIN_LENGTH = 12;

/** The server checks the administrator's password as `password`; the form nests it under `administrator`. */
function nestAdministratorErrors(errors: FieldErrors): FieldErrors {
  const nested: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    nested[['name', 'email', 'password'].includes(path) ? `administrator.${path}` : path] = message;
  }
  return nested;
}

export function SetupForm({
  token,
  organizationName,
  onDone,
}: {
  token: string;
  organizationName: string;
  onDone: (demoAccounts: DemoAccount[]) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    organizationName,
    name: '',
    email: '',
    password: '',
    loadDemo: true,
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const setup = useMutation({
    mutationFn: completeSetup,
    onSuccess: (result) => {
      // Now signed in, and the organisation may have a new name: nothing cached is current.
      queryClient.removeQueries();
      onDone(result.demoAccounts);
    },
    onError: (error) =>
      setFieldErrors(isFieldProblem(error) ? nestAdministratorErrors(fieldErrorsFromProblem(error)) : {}),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    setup.reset();
    const validation = validateForm(completeSetupInput, {
      token,
      organizationName: values.organizationName,
      administrator: { name: values.name, email: values.email, password: values.password },
      loadDemo: values.loadDemo,
    });
    const errors = validation.ok ? {} : { ...validation.errors };
    // The full policy (common passwords, own name) is the server's; the length rule is told at once.
    if (!errors['administrator.password'] && [...values.password].length < PASSWORD_MIN_LENGTH)
      errors['administrator.password'] = inBothLanguages((m) => m.setup.passwordTooShort);
    setFieldErrors(errors);
    if (validation.ok && Object.keys(errors).length === 0) setup.mutate(validation.data);
  };

  const fields = [
    { path: 'organizationName', id: 'setup-organization', label: t.setup.organizationName },
    { path: 'administrator.name', id: 'setup-name', label: t.setup.name },
    { path: 'administrator.email', id: 'setup-email', label: t.setup.email },
    { path: 'administrator.password', id: 'setup-password', label: t.setup.password },
  ];
  const failure =
    setup.error && !isFieldProblem(setup.error) ? describeApiError(setup.error, locale, t) : undefined;
  const error = (path: string) => fieldErrors[path]?.[locale];

  return (
    <>
      <Text>{t.setup.intro}</Text>
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(fieldErrors, fields, locale)}
        attempt={attempt}
      />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            id="setup-organization"
            label={t.setup.organizationName}
            autoComplete="organization"
            required
            value={values.organizationName}
            onChange={(event) => setValues({ ...values, organizationName: event.currentTarget.value })}
            error={error('organizationName')}
          />
          <TextInput
            id="setup-name"
            label={t.setup.name}
            autoComplete="name"
            required
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
            error={error('administrator.name')}
          />
          <TextInput
            id="setup-email"
            label={t.setup.email}
            type="email"
            autoComplete="username"
            required
            value={values.email}
            onChange={(event) => setValues({ ...values, email: event.currentTarget.value })}
            error={error('administrator.email')}
          />
          <PasswordField
            id="setup-password"
            label={t.setup.password}
            description={t.setup.passwordHint}
            autoComplete="new-password"
            required
            value={values.password}
            onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
            error={error('administrator.password')}
          />
          <Checkbox
            id="setup-demo"
            label={t.setup.loadDemo}
            description={t.setup.loadDemoHint}
            checked={values.loadDemo}
            onChange={(event) => setValues({ ...values, loadDemo: event.currentTarget.checked })}
          />
          <Button type="submit" loading={setup.isPending}>
            {t.setup.submit}
          </Button>
        </Stack>
      </form>
    </>
  );
}
