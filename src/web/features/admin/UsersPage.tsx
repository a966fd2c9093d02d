import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
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
import { createStaffUserInput, type StaffUser } from '../../../contract/staff.ts';
import { STAFF_ROLES, type StaffRole } from '../../../domain/permissions.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem, validateForm } from '../../lib/form-errors.ts';
import { formatDateTime } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { createUser, fetchDepartments, fetchUsers, updateUser } from './admin-api.ts';

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
      <EditUserDialog user={editing} onClose={() => setEditing(null)} />
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

function useDepartmentOptions() {
  const { t } = useI18n();
  const departments = useQuery({ queryKey: ['departments'], queryFn: fetchDepartments });
  return [
    { value: '', label: t.admin.noDepartment },
    ...(departments.data ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name })),
  ];
}

function CreateUserForm() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      setValues(EMPTY);
      void queryClient.invalidateQueries({ queryKey: usersKey });
    },
    onError: (error) => setFieldErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    create.reset();
    const input = { ...values, departmentId: values.departmentId || null };
    const validation = validateForm(createStaffUserInput, input);
    setFieldErrors(validation.ok ? {} : validation.errors);
    if (validation.ok) create.mutate(validation.data);
  };
  const fields = [
    { path: 'name', id: 'new-user-name', label: t.admin.name },
    { path: 'email', id: 'new-user-email', label: t.admin.email },
    { path: 'departmentId', id: 'new-user-department', label: t.admin.department },
    { path: 'roles', id: 'new-user-roles', label: t.admin.roles },
  ];
  const failure =
    create.error && !isFieldProblem(create.error) ? describeApiError(create.error, locale, t) : undefined;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="new-user" maw={760}>
      <Title order={2} size="h3" id="new-user" mb="sm">
        {t.admin.newUser}
      </Title>
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(fieldErrors, fields, locale)}
        attempt={attempt}
      />
      {create.isSuccess && (
        <Alert
          color="#1b5e20"
          variant="outline"
          role="status"
          mb="md"
          title={t.admin.userCreated(create.data.user.name)}
        >
          {create.data.initialPassword && (
            <>
              <Text size="sm">{t.admin.passwordOnce}</Text>
              <Code className="secret" data-testid="initial-password">
                {create.data.initialPassword}
              </Code>
            </>
          )}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Group grow wrap="wrap">
            <TextInput
              id="new-user-name"
              label={t.admin.name}
              required
              value={values.name}
              onChange={(event) => setValues({ ...values, name: event.currentTarget.value })}
              error={fieldErrors.name?.[locale]}
              autoComplete="off"
            />
            <TextInput
              id="new-user-email"
              label={t.admin.email}
              type="email"
              required
              value={values.email}
              onChange={(event) => setValues({ ...values, email: event.currentTarget.value })}
              error={fieldErrors.email?.[locale]}
              autoComplete="off"
            />
          </Group>
          <NativeSelect
            id="new-user-department"
            label={t.admin.department}
            value={values.departmentId}
            onChange={(event) => setValues({ ...values, departmentId: event.currentTarget.value })}
            data={departments}
            error={fieldErrors.departmentId?.[locale]}
            maw={360}
          />
          <RoleCheckboxes
            idPrefix="new-user"
            value={values.roles}
            onChange={(roles) => setValues({ ...values, roles })}
            error={fieldErrors.roles?.[locale]}
          />
          <Text size="sm">{t.admin.passwordGenerated}</Text>
          <div>
            <Button type="submit" loading={create.isPending}>
              {t.admin.createUser}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

function EditUserDialog({ user, onClose }: { user: StaffUser | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t.admin.editUser(user.name) : ''}
      closeButtonProps={{ 'aria-label': t.manager.close }}
    >
      {user && <EditUserForm key={user.id} user={user} onDone={onClose} />}
    </Modal>
  );
}

function EditUserForm({ user, onDone }: { user: StaffUser; onDone: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions();
  const [roles, setRoles] = useState<StaffRole[]>(user.roles);
  const [departmentId, setDepartmentId] = useState(user.departmentId ?? '');
  const [active, setActive] = useState(user.active);
  const save = useMutation({
    mutationFn: () => updateUser(user.id, { roles, departmentId: departmentId || null, active }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      onDone();
    },
  });
  const fieldError = (path: string) =>
    save.error && isFieldProblem(save.error) ? fieldErrorsFromProblem(save.error)[path]?.[locale] : undefined;
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
        <NativeSelect
          id="edit-user-department"
          label={t.admin.department}
          value={departmentId}
          onChange={(event) => setDepartmentId(event.currentTarget.value)}
          data={departments}
          error={fieldError('departmentId')}
        />
        <RoleCheckboxes idPrefix="edit-user" value={roles} onChange={setRoles} error={fieldError('roles')} />
        <Checkbox
          id="edit-user-active"
          label={t.admin.accountActive}
          description={t.admin.deactivateHint}
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
