import { Button, Checkbox, Fieldset, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { completeSetupInput, DEFAULT_INTAKE_DEPARTMENT, type DemoAccount } from '../../../contract/setup.ts';
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
    intakeDepartmentName: DEFAULT_INTAKE_DEPARTMENT,
    takesCharge: true,
    contactPhone: '',
    contactEmail: '',
    committeeName: '',
    committeeContact: '',
    committeeUrl: '',
  });
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
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
      intake: { departmentName: values.intakeDepartmentName, administratorTakesCharge: values.takesCharge },
      contact: { phone: orNull(values.contactPhone), email: orNull(values.contactEmail) },
      committee: {
        name: orNull(values.committeeName),
        contact: orNull(values.committeeContact),
        url: orNull(values.committeeUrl),
      },
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
    { path: 'intake.departmentName', id: 'setup-intake', label: t.setup.intakeDepartment },
    { path: 'contact.phone', id: 'setup-contact-phone', label: t.setup.contactPhone },
    { path: 'contact.email', id: 'setup-contact-email', label: t.setup.contactEmail },
    { path: 'committee.name', id: 'setup-committee-name', label: t.setup.committeeName },
    { path: 'committee.contact', id: 'setup-committee-contact', label: t.setup.committeeContact },
    { path: 'committee.url', id: 'setup-committee-url', label: t.setup.committeeUrl },
  ];
  const text = (key: keyof typeof values) => ({
    value: values[key] as string,
    onChange: (event: { currentTarget: { value: string } }) =>
      setValues({ ...values, [key]: event.currentTarget.value }),
  });
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
          <Fieldset legend={t.setup.intakeTitle}>
            <Stack gap="sm">
              <Text size="sm">{t.setup.intakeIntro}</Text>
              <TextInput
                id="setup-intake"
                label={t.setup.intakeDepartment}
                description={t.setup.intakeDepartmentHint}
                required
                {...text('intakeDepartmentName')}
                error={error('intake.departmentName')}
              />
              <Checkbox
                id="setup-takes-charge"
                label={t.setup.takesCharge}
                description={t.setup.takesChargeHint}
                checked={values.takesCharge}
                onChange={(event) => setValues({ ...values, takesCharge: event.currentTarget.checked })}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t.setup.contactTitle}>
            <Stack gap="sm">
              <Text size="sm">{t.setup.optionalHint}</Text>
              <TextInput
                id="setup-contact-phone"
                label={t.setup.contactPhone}
                type="tel"
                autoComplete="off"
                {...text('contactPhone')}
                error={error('contact.phone')}
              />
              <TextInput
                id="setup-contact-email"
                label={t.setup.contactEmail}
                type="email"
                autoComplete="off"
                {...text('contactEmail')}
                error={error('contact.email')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t.setup.committeeTitle}>
            <Stack gap="sm">
              <Text size="sm">
                {t.setup.committeeIntro} {t.setup.optionalHint}
              </Text>
              <TextInput
                id="setup-committee-name"
                label={t.setup.committeeName}
                {...text('committeeName')}
                error={error('committee.name')}
              />
              <Textarea
                id="setup-committee-contact"
                label={t.setup.committeeContact}
                autosize
                minRows={2}
                {...text('committeeContact')}
                error={error('committee.contact')}
              />
              <TextInput
                id="setup-committee-url"
                label={t.setup.committeeUrl}
                type="url"
                {...text('committeeUrl')}
                error={error('committee.url')}
              />
            </Stack>
          </Fieldset>
          <Button type="submit" loading={setup.isPending}>
            {t.setup.submit}
          </Button>
        </Stack>
      </form>
    </>
  );
}
