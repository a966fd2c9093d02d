import {
  Badge,
  Button,
  Checkbox,
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
import { type Contractor, createContractorInput } from '../../../contract/reference-data.ts';
import { DialogActions, EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { FormDialog } from '../../components/forms/FormDialog.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { blankToNull, emptyToNull } from '../../components/forms/form-state.ts';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { createContractor, fetchContractors, updateContractor } from './admin-api.ts';
import { useDepartmentOptions } from './department-options.ts';

const contractorsKey = ['admin', 'contractors'];

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
      <FormDialog
        item={editing}
        title={(c) => t.backOffice.editContractor(c.name)}
        onClose={() => setEditing(null)}
      >
        {(c) => <EditContractorForm key={c.id} contractor={c} onDone={() => setEditing(null)} />}
      </FormDialog>
    </Stack>
  );
}

function CreateContractorForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions(t.backOffice.noDepartment);
  const form = useEntityForm({
    initial: { name: '', trade: '', responsibleDepartmentId: '' },
    fields: {
      name: { id: 'new-contractor-name', label: t.admin.name },
      trade: { id: 'new-contractor-trade', label: t.backOffice.trade },
      responsibleDepartmentId: { id: 'new-contractor-department', label: t.backOffice.responsibleDepartment },
    },
    toInput: (v) => ({
      name: v.name,
      trade: blankToNull(v.trade),
      responsibleDepartmentId: emptyToNull(v.responsibleDepartmentId),
    }),
    schema: createContractorInput,
    submit: createContractor,
    resetOnSuccess: true,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: contractorsKey }),
  });
  return (
    <FormSection id="new-contractor" title={t.backOffice.newContractor} maw={1000}>
      {form.isSuccess && form.data && (
        <SavedNotice mb="sm">{t.backOffice.contractorCreated(form.data.name)}</SavedNotice>
      )}
      <EntityForm form={form}>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t.admin.name} required {...form.text('name')} />
          <TextInput label={t.backOffice.trade} {...form.text('trade')} />
          <NativeSelect
            label={t.backOffice.responsibleDepartment}
            data={departments}
            {...form.text('responsibleDepartmentId')}
          />
          <Button type="submit" mt={25} loading={form.isPending}>
            {t.backOffice.createContractor}
          </Button>
        </Group>
      </EntityForm>
    </FormSection>
  );
}

function EditContractorForm({ contractor, onDone }: { contractor: Contractor; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const departments = useDepartmentOptions(t.backOffice.noDepartment, contractor.responsibleDepartmentId);
  const form = useEntityForm({
    initial: {
      name: contractor.name,
      trade: contractor.trade ?? '',
      responsibleDepartmentId: contractor.responsibleDepartmentId ?? '',
      active: contractor.active,
    },
    fields: {
      name: { id: 'edit-contractor-name', label: t.admin.name },
      trade: { id: 'edit-contractor-trade', label: t.backOffice.trade },
      responsibleDepartmentId: {
        id: 'edit-contractor-department',
        label: t.backOffice.responsibleDepartment,
      },
      active: { id: 'edit-contractor-active', label: t.backOffice.contractorActive },
    },
    toInput: (v) => ({
      ...v,
      trade: blankToNull(v.trade),
      responsibleDepartmentId: emptyToNull(v.responsibleDepartmentId),
    }),
    submit: (input) => updateContractor(contractor.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contractorsKey });
      onDone();
    },
  });
  return (
    <EntityForm form={form}>
      <Stack gap="sm">
        <TextInput label={t.admin.name} required {...form.text('name')} />
        <TextInput label={t.backOffice.trade} {...form.text('trade')} />
        <NativeSelect
          label={t.backOffice.responsibleDepartment}
          data={departments}
          {...form.text('responsibleDepartmentId')}
        />
        <Checkbox
          label={t.backOffice.contractorActive}
          description={t.backOffice.contractorActiveHint}
          {...form.checkbox('active')}
        />
        <DialogActions onCancel={onDone} pending={form.isPending} />
      </Stack>
    </EntityForm>
  );
}
