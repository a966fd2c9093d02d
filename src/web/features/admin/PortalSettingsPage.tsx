import {
  Alert,
  Button,
  Fieldset,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type PortalSettings, portalSettings } from '../../../contract/portal.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchDepartments, fetchPortalSettings, savePortalSettings } from './admin-api.ts';

const settingsKey = ['admin', 'portal-settings'];

/**
 * The intake department for website complaints, the contact details tenants see and the regional
 * complaints committee (policy 1.1, 1.3, 2.1). The other portal settings are kept as they are.
 */
export function PortalSettingsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.backOffice.portalTitle);
  const settings = useQuery({ queryKey: settingsKey, queryFn: fetchPortalSettings });
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t.backOffice.portalTitle}</Title>
      <Text>{t.backOffice.portalIntro}</Text>
      <QueryState query={settings}>{(current) => <PortalSettingsForm current={current} />}</QueryState>
    </Stack>
  );
}

const FIELDS = [
  'contactPhone',
  'contactEmail',
  'contactHours',
  'committeeName',
  'committeeContact',
  'committeeUrl',
] as const;
type TextField = (typeof FIELDS)[number];

function PortalSettingsForm({ current }: { current: PortalSettings }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const departments = useQuery({ queryKey: ['departments'], queryFn: fetchDepartments });
  const [intakeDepartmentId, setIntakeDepartmentId] = useState(current.intakeDepartmentId ?? '');
  const [values, setValues] = useState<Record<TextField, string>>(
    () =>
      Object.fromEntries(FIELDS.map((field) => [field, current[field] ?? ''])) as Record<TextField, string>,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: savePortalSettings,
    // The form keeps what was typed (now saved); a refetch does not reset it or the confirmation
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: settingsKey });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'setup-gaps'] });
    },
    onError: (error) => setErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    const texts = Object.fromEntries(
      FIELDS.map((field) => [field, values[field].trim() === '' ? null : values[field].trim()]),
    );
    const validation = validateForm(portalSettings, {
      ...current,
      ...texts,
      intakeDepartmentId: intakeDepartmentId || null,
    });
    setErrors(validation.ok ? {} : validation.errors);
    if (validation.ok) save.mutate(validation.data);
  };
  const field = (name: TextField) => ({
    id: `portal-${name}`,
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setValues({ ...values, [name]: event.currentTarget.value }),
    error: errors[name]?.[locale],
  });
  const options = [
    { value: '', label: t.backOffice.noIntakeDepartment },
    ...(departments.data ?? [])
      .filter((d) => d.active || d.id === current.intakeDepartmentId)
      .map((d) => ({ value: d.id, label: d.name })),
  ];
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {save.isError && !isFieldProblem(save.error) && (
          <Alert color="red.9" variant="outline" role="alert">
            {describeApiError(save.error, locale, t)}
          </Alert>
        )}
        {save.isSuccess && (
          <Alert color="#1b5e20" variant="outline" role="status">
            {t.backOffice.portalSaved}
          </Alert>
        )}
        <Fieldset legend={t.backOffice.intakeSection}>
          <NativeSelect
            id="portal-intakeDepartmentId"
            label={t.backOffice.intakeDepartment}
            description={t.backOffice.intakeDepartmentHint}
            value={intakeDepartmentId}
            onChange={(event) => setIntakeDepartmentId(event.currentTarget.value)}
            data={options}
            error={errors.intakeDepartmentId?.[locale]}
          />
        </Fieldset>
        <Fieldset legend={t.backOffice.contactSection}>
          <Stack gap="sm">
            <TextInput label={t.backOffice.contactPhone} type="tel" {...field('contactPhone')} />
            <TextInput label={t.backOffice.contactEmail} type="email" {...field('contactEmail')} />
            <TextInput label={t.backOffice.contactHours} {...field('contactHours')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t.backOffice.committeeSection}>
          <Stack gap="sm">
            <TextInput label={t.backOffice.committeeName} {...field('committeeName')} />
            <Textarea
              label={t.backOffice.committeeContact}
              autosize
              minRows={2}
              {...field('committeeContact')}
            />
            <TextInput label={t.backOffice.committeeUrl} type="url" {...field('committeeUrl')} />
          </Stack>
        </Fieldset>
        <div>
          <Button type="submit" loading={save.isPending}>
            {t.admin.save}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
