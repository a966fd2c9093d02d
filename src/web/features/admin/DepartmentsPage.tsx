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
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { createDepartmentInput, type Department } from '../../../contract/staff.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import { QueryState } from '../people/QueryState.tsx';
import { createDepartment, fetchDepartments, fetchUsers, updateDepartment } from './admin-api.ts';
import { RoutingRuleSection } from './RoutingRuleSection.tsx';

const departmentsKey = ['departments'];

function useManagerOptions() {
  const { t } = useI18n();
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: fetchUsers });
  return [
    { value: '', label: t.admin.noManager },
    ...(users.data ?? [])
      .filter((u) => u.active && u.roles.includes('manager'))
      .map((u) => ({ value: u.id, label: u.name })),
  ];
}

/**
 * Departments and their manager (leidinggevende), who is responsible for the department's complaints, and the
 * organisation's rule on when that manager takes a complaint over (policy 1.3).
 */
export function DepartmentsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.departmentsTitle);
  const departments = useQuery({ queryKey: departmentsKey, queryFn: fetchDepartments });
  const [editing, setEditing] = useState<Department | null>(null);
  return (
    <Stack gap="lg">
      <Title order={1}>{t.admin.departmentsTitle}</Title>
      <CreateDepartmentForm />
      <QueryState query={departments}>
        {(list) => (
          <Table striped maw={900} data-testid="departments">
            <Table.Caption>{t.admin.departmentsCaption(list.length)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t.admin.name}</Table.Th>
                <Table.Th scope="col">{t.admin.manager}</Table.Th>
                <Table.Th scope="col">{t.admin.staffCount}</Table.Th>
                <Table.Th scope="col">{t.admin.state}</Table.Th>
                <Table.Th scope="col">{t.admin.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Th scope="row">{d.name}</Table.Th>
                  <Table.Td>{d.managerName ?? '—'}</Table.Td>
                  <Table.Td>{d.staffCount}</Table.Td>
                  <Table.Td>
                    <Badge color={d.active ? '#1b5e20' : '#495057'} variant="outline" tt="none">
                      {d.active ? t.admin.active : t.admin.inactive}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="outline" onClick={() => setEditing(d)}>
                      {t.admin.edit}
                      <VisuallyHidden> {d.name}</VisuallyHidden>
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <RoutingRuleSection />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t.admin.editDepartment(editing.name) : ''}
        closeButtonProps={{ 'aria-label': t.manager.close }}
      >
        {editing && (
          <EditDepartmentForm key={editing.id} department={editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function CreateDepartmentForm() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const managers = useManagerOptions();
  const [name, setName] = useState('');
  const [managerUserId, setManagerUserId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: createDepartment,
    onSuccess: () => {
      setName('');
      setManagerUserId('');
      void queryClient.invalidateQueries({ queryKey: departmentsKey });
    },
    onError: (error) => setErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const validation = validateForm(createDepartmentInput, { name, managerUserId: managerUserId || null });
    setErrors(validation.ok ? {} : validation.errors);
    if (validation.ok) create.mutate(validation.data);
  };
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="new-department" maw={760}>
      <Title order={2} size="h3" id="new-department" mb="sm">
        {t.admin.newDepartment}
      </Title>
      {create.isError && !isFieldProblem(create.error) && (
        <Alert color="red.9" variant="outline" role="alert" mb="sm">
          {describeApiError(create.error, locale, t)}
        </Alert>
      )}
      {create.isSuccess && (
        <Alert color="#1b5e20" variant="outline" role="status" mb="sm">
          {t.admin.departmentCreated(create.data.name)}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            id="new-department-name"
            label={t.admin.name}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name?.[locale]}
          />
          <NativeSelect
            id="new-department-manager"
            label={t.admin.manager}
            value={managerUserId}
            onChange={(event) => setManagerUserId(event.currentTarget.value)}
            data={managers}
            error={errors.managerUserId?.[locale]}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t.admin.createDepartment}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function EditDepartmentForm({ department, onDone }: { department: Department; onDone: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const managers = useManagerOptions();
  const [name, setName] = useState(department.name);
  const [managerUserId, setManagerUserId] = useState(department.managerUserId ?? '');
  const [active, setActive] = useState(department.active);
  const save = useMutation({
    mutationFn: () => updateDepartment(department.id, { name, managerUserId: managerUserId || null, active }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: departmentsKey });
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
          id="edit-department-name"
          label={t.admin.name}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name?.[locale]}
        />
        <NativeSelect
          id="edit-department-manager"
          label={t.admin.manager}
          value={managerUserId}
          onChange={(event) => setManagerUserId(event.currentTarget.value)}
          data={managers}
          error={errors.managerUserId?.[locale]}
        />
        <Checkbox
          id="edit-department-active"
          label={t.admin.departmentActive}
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
