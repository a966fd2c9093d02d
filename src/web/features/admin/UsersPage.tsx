import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createStaffUserInput, type StaffUser } from '../../../contract/staff.ts';
import { STAFF_ROLES, type StaffRole } from '../../../domain/permissions.ts';
import { DialogActions, EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { FormDialog } from '../../components/forms/FormDialog.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { emptyToNull } from '../../components/forms/form-state.ts';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDateTime } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { createUser, fetchUsers, updateUser } from './admin-api.ts';
import { useDepartmentOptions } from './department-options.ts';

const usersKey = ['admin', 'users'];
const EMPTY = { name: '', email: '', departmentId: '', roles: ['employee'] as StaffRole[] };

/** Staff accounts: create (the generated password is shown once), change roles and department, deactivate. */
export function UsersPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.admin.usersTitle);
  const users = useQuery({ queryKey: usersKey, queryFn: fetchUsers });
  const [editing, setEditing] = useState<StaffUser | null>(null);
  return (
    <Stack gap="lg">
      <Title order={1}>{t.admin.usersTitle}</Title>
      <CreateUserForm />
      <section aria-labelledby="users-list">
        <Title order={2} size="h3" id="users-list" mb="sm">
          {t.admin.usersList}
        </Title>
        <QueryState query={users}>
          {(list) => (
            <Table.ScrollContainer minWidth={800}>
              <Table striped data-testid="users">
                <Table.Caption>{t.admin.usersCaption(list.length)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.admin.name}</Table.Th>
                    <Table.Th scope="col">{t.admin.email}</Table.Th>
                    <Table.Th scope="col">{t.admin.department}</Table.Th>
                    <Table.Th scope="col">{t.admin.roles}</Table.Th>
                    <Table.Th scope="col">{t.admin.state}</Table.Th>
                    <Table.Th scope="col">{t.admin.lastLogin}</Table.Th>
                    <Table.Th scope="col">{t.admin.actions}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Th scope="row">{user.name}</Table.Th>
                      <Table.Td>{user.email}</Table.Td>
                      <Table.Td>{user.departmentName ?? '—'}</Table.Td>
                      <Table.Td>{user.roles.map((role) => t.roles[role]).join(', ')}</Table.Td>
                      <Table.Td>
                        <Badge color={user.active ? '#1b5e20' : '#495057'} variant="outline" tt="none">
                          {user.active ? t.admin.active : t.admin.inactive}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : '—'}</Table.Td>
                      <Table.Td>
                        <Button size="compact-sm" variant="outline" onClick={() => setEditing(user)}>
                          {t.admin.edit}
                          <VisuallyHidden> {user.name}</VisuallyHidden>
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </section>
      <FormDialog
        item={editing}
        title={(user) => t.admin.editUser(user.name)}
        onClose={() => setEditing(null)}
      >
        {(user) => <EditUserForm key={user.id} user={user} onDone={() => setEditing(null)} />}
      </FormDialog>
    </Stack>
  );
}

function RoleCheckboxes({
  value,
  onChange,
  error,
  idPrefix,
}: {
  value: StaffRole[];
  onChange: (roles: StaffRole[]) => void;
  error?: string | undefined;
  idPrefix: string;
}) {
  const { t } = useI18n();
  return (
    <Checkbox.Group
      id={`${idPrefix}-roles`}
      label={t.admin.roles}
      value={value}
      onChange={(roles) => onChange(roles as StaffRole[])}
      error={error}
      withAsterisk
    >
      <Group mt={4} gap="md">
        {STAFF_ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t.roles[role]} id={`${idPrefix}-role-${role}`} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

function CreateUserForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions(t.admin.noDepartment);
  const form = useEntityForm({
    initial: EMPTY,
    fields: {
      name: { id: 'new-user-name', label: t.admin.name },
      email: { id: 'new-user-email', label: t.admin.email },
      departmentId: { id: 'new-user-department', label: t.admin.department },
      roles: { id: 'new-user-roles', label: t.admin.roles },
    },
    toInput: (v) => ({ ...v, departmentId: emptyToNull(v.departmentId) }),
    schema: createStaffUserInput,
    submit: createUser,
    resetOnSuccess: true,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: usersKey }),
  });
  return (
    <FormSection id="new-user" title={t.admin.newUser}>
      {form.isSuccess && form.data && (
        <SavedNotice mb="md" title={t.admin.userCreated(form.data.user.name)}>
          {form.data.initialPassword && (
            <>
              <Text size="sm">{t.admin.passwordOnce}</Text>
              <Code className="secret" data-testid="initial-password">
                {form.data.initialPassword}
              </Code>
            </>
          )}
        </SavedNotice>
      )}
      <EntityForm form={form}>
        <Stack gap="sm">
          <Group grow wrap="wrap">
            <TextInput label={t.admin.name} required autoComplete="off" {...form.text('name')} />
            <TextInput
              label={t.admin.email}
              type="email"
              required
              autoComplete="off"
              {...form.text('email')}
            />
          </Group>
          <NativeSelect
            label={t.admin.department}
            data={departments}
            maw={360}
            {...form.text('departmentId')}
          />
          <RoleCheckboxes
            idPrefix="new-user"
            value={form.values.roles}
            onChange={(roles) => form.setValue('roles', roles)}
            error={form.error('roles')}
          />
          <Text size="sm">{t.admin.passwordGenerated}</Text>
          <div>
            <Button type="submit" loading={form.isPending}>
              {t.admin.createUser}
            </Button>
          </div>
        </Stack>
      </EntityForm>
    </FormSection>
  );
}

function EditUserForm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions(t.admin.noDepartment);
  const form = useEntityForm({
    initial: { roles: user.roles, departmentId: user.departmentId ?? '', active: user.active },
    fields: {
      departmentId: { id: 'edit-user-department', label: t.admin.department },
      roles: { id: 'edit-user-roles', label: t.admin.roles },
      active: { id: 'edit-user-active', label: t.admin.accountActive },
    },
    toInput: (v) => ({ ...v, departmentId: emptyToNull(v.departmentId) }),
    submit: (input) => updateUser(user.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      onDone();
    },
  });
  return (
    <EntityForm form={form}>
      <Stack gap="sm">
        <NativeSelect label={t.admin.department} data={departments} {...form.text('departmentId')} />
        <RoleCheckboxes
          idPrefix="edit-user"
          value={form.values.roles}
          onChange={(roles) => form.setValue('roles', roles)}
          error={form.error('roles')}
        />
        <Checkbox
          label={t.admin.accountActive}
          description={t.admin.deactivateHint}
          {...form.checkbox('active')}
        />
        <DialogActions onCancel={onDone} pending={form.isPending} />
      </Stack>
    </EntityForm>
  );
}
