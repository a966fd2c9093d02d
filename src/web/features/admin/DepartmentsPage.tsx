import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createDepartmentInput, type Department } from '../../../contract/staff.ts';
import { DialogActions, EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { FormDialog } from '../../components/forms/FormDialog.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { emptyToNull } from '../../components/forms/form-state.ts';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
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
      <FormDialog
        item={editing}
        title={(d) => t.admin.editDepartment(d.name)}
        onClose={() => setEditing(null)}
      >
        {(d) => <EditDepartmentForm key={d.id} department={d} onDone={() => setEditing(null)} />}
      </FormDialog>
    </Stack>
  );
}

function CreateDepartmentForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const managers = useManagerOptions();
  const form = useEntityForm({
    initial: { name: '', managerUserId: '' },
    fields: {
      name: { id: 'new-department-name', label: t.admin.name },
      managerUserId: { id: 'new-department-manager', label: t.admin.manager },
    },
    toInput: (v) => ({ name: v.name, managerUserId: emptyToNull(v.managerUserId) }),
    schema: createDepartmentInput,
    submit: createDepartment,
    resetOnSuccess: true,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: departmentsKey }),
  });
  return (
    <FormSection id="new-department" title={t.admin.newDepartment}>
      {form.isSuccess && form.data && (
        <SavedNotice mb="sm">{t.admin.departmentCreated(form.data.name)}</SavedNotice>
      )}
      <EntityForm form={form}>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t.admin.name} required {...form.text('name')} />
          <NativeSelect label={t.admin.manager} data={managers} {...form.text('managerUserId')} />
          <Button type="submit" mt={25} loading={form.isPending}>
            {t.admin.createDepartment}
          </Button>
        </Group>
      </EntityForm>
    </FormSection>
  );
}

function EditDepartmentForm({ department, onDone }: { department: Department; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const managers = useManagerOptions();
  const form = useEntityForm({
    initial: {
      name: department.name,
      managerUserId: department.managerUserId ?? '',
      active: department.active,
    },
    fields: {
      name: { id: 'edit-department-name', label: t.admin.name },
      managerUserId: { id: 'edit-department-manager', label: t.admin.manager },
      active: { id: 'edit-department-active', label: t.admin.departmentActive },
    },
    toInput: (v) => ({ ...v, managerUserId: emptyToNull(v.managerUserId) }),
    submit: (input) => updateDepartment(department.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: departmentsKey });
      onDone();
    },
  });
  return (
    <EntityForm form={form}>
      <Stack gap="sm">
        <TextInput label={t.admin.name} required {...form.text('name')} />
        <NativeSelect label={t.admin.manager} data={managers} {...form.text('managerUserId')} />
        <Checkbox label={t.admin.departmentActive} {...form.checkbox('active')} />
        <DialogActions onCancel={onDone} pending={form.isPending} />
      </Stack>
    </EntityForm>
  );
}
