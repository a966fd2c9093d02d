import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Contractor, createContractorInput } from '../../../contract/reference-data.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import { QueryState } from '../people/QueryState.tsx';
import { createContractor, fetchContractors, fetchDepartments, updateContractor } from './admin-api.ts';

const contractorsKey = ['admin', 'contractors'];

/** Active departments to choose from, plus the current one even when it was deactivated since. */
function useDepartmentOptions(current: string | null = null) {
  const { t } = useI18n();
  const departments = useQuery({ queryKey: ['departments'], queryFn: fetchDepartments });
  return [
    { value: '', label: t.backOffice.noDepartment },
    ...(departments.data ?? [])
      .filter((d) => d.active || d.id === current)
      .map((d) => ({ value: d.id, label: d.name })),
  ];
}

/** Contractors (derden) and the department responsible for each: complaints about them go there (policy 1.3). */
export function ContractorsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.backOffice.contractorsTitle);
  const contractors = useQuery({ queryKey: contractorsKey, queryFn: fetchContractors });
  const [editing, setEditing] = useState<Contractor | null>(null);
  return (
    <Stack gap="lg">
      <Title order={1}>{t.backOffice.contractorsTitle}</Title>
      <Text maw={760}>{t.backOffice.contractorsIntro}</Text>
      <CreateContractorForm />
      <QueryState query={contractors}>
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t.backOffice.noContractors}</Text>
          ) : (
            <Table striped maw={1000} data-testid="contractors">
              <Table.Caption>{t.backOffice.contractorsCaption(items.length)}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.admin.name}</Table.Th>
                  <Table.Th scope="col">{t.backOffice.trade}</Table.Th>
                  <Table.Th scope="col">{t.backOffice.responsibleDepartment}</Table.Th>
                  <Table.Th scope="col">{t.admin.state}</Table.Th>
                  <Table.Th scope="col">{t.admin.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row">{c.name}</Table.Th>
                    <Table.Td>{c.trade ?? '—'}</Table.Td>
                    <Table.Td>{c.responsibleDepartmentName ?? t.backOffice.noDepartment}</Table.Td>
                    <Table.Td>
                      <Badge color={c.active ? '#1b5e20' : '#495057'} variant="outline" tt="none">
                        {c.active ? t.admin.active : t.admin.inactive}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="outline" onClick={() => setEditing(c)}>
                        {t.admin.edit}
                        <VisuallyHidden> {c.name}</VisuallyHidden>
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t.backOffice.editContractor(editing.name) : ''}
        closeButtonProps={{ 'aria-label': t.manager.close }}
      >
        {editing && (
          <EditContractorForm key={editing.id} contractor={editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function CreateContractorForm() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions();
  const [values, setValues] = useState({ name: '', trade: '', responsibleDepartmentId: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: createContractor,
    onSuccess: () => {
      setValues({ name: '', trade: '', responsibleDepartmentId: '' });
      void queryClient.invalidateQueries({ queryKey: contractorsKey });
    },
    onError: (error) => setErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const validation = validateForm(createContractorInput, {
      name: values.name,
      trade: values.trade.trim() || null,
      responsibleDepartmentId: values.responsibleDepartmentId || null,
    });
    setErrors(validation.ok ? {} : validation.errors);
    if (validation.ok) create.mutate(validation.data);
  };
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="new-contractor" maw={1000}>
      <Title order={2} size="h3" id="new-contractor" mb="sm">
        {t.backOffice.newContractor}
      </Title>
      {create.isError && !isFieldProblem(create.error) && (
        <Alert color="red.9" variant="outline" role="alert" mb="sm">
          {describeApiError(create.error, locale, t)}
        </Alert>
      )}
      {create.isSuccess && (
        <Alert color="#1b5e20" variant="outline" role="status" mb="sm">
          {t.backOffice.contractorCreated(create.data.name)}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            id="new-contractor-name"
            label={t.admin.name}
            required
            value={values.name}
            onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
            error={errors.name?.[locale]}
          />
          <TextInput
            id="new-contractor-trade"
            label={t.backOffice.trade}
            value={values.trade}
            onChange={(event) => setValues({ ...values, trade: event.currentTarget.value })}
            error={errors.trade?.[locale]}
          />
          <NativeSelect
            id="new-contractor-department"
            label={t.backOffice.responsibleDepartment}
            value={values.responsibleDepartmentId}
            onChange={(event) => setValues({ ...values, responsibleDepartmentId: event.currentTarget.value })}
            data={departments}
            error={errors.responsibleDepartmentId?.[locale]}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t.backOffice.createContractor}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function EditContractorForm({ contractor, onDone }: { contractor: Contractor; onDone: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions(contractor.responsibleDepartmentId);
  const [name, setName] = useState(contractor.name);
  const [trade, setTrade] = useState(contractor.trade ?? '');
  const [departmentId, setDepartmentId] = useState(contractor.responsibleDepartmentId ?? '');
  const [active, setActive] = useState(contractor.active);
  const save = useMutation({
    mutationFn: () =>
      updateContractor(contractor.id, {
        name,
        trade: trade.trim() || null,
        responsibleDepartmentId: departmentId || null,
        active,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contractorsKey });
      onDone();
    },
  });
  const errors = save.error && isFieldProblem(save.error) ? fieldErrorsFromProblem(save.error) : {};
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {save.isError && !isFieldProblem(save.error) && (
          <Alert color="red.9" variant="outline" role="alert">
            {describeApiError(save.error, locale, t)}
          </Alert>
        )}
        <TextInput
          id="edit-contractor-name"
          label={t.admin.name}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name?.[locale]}
        />
        <TextInput
          id="edit-contractor-trade"
          label={t.backOffice.trade}
          value={trade}
          onChange={(event) => setTrade(event.currentTarget.value)}
          error={errors.trade?.[locale]}
        />
        <NativeSelect
          id="edit-contractor-department"
          label={t.backOffice.responsibleDepartment}
          value={departmentId}
          onChange={(event) => setDepartmentId(event.currentTarget.value)}
          data={departments}
          error={errors.responsibleDepartmentId?.[locale]}
        />
        <Checkbox
          id="edit-contractor-active"
          label={t.backOffice.contractorActive}
          description={t.backOffice.contractorActiveHint}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onDone}>
            {t.manager.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.admin.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
