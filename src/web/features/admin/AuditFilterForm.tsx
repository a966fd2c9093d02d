import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AUTH_EVENT_TYPES, authEventQuery } from '../../../contract/audit.ts';
import { EntityForm } from '../../components/forms/EntityForm.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { labelOf } from '../../i18n/code-labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { fetchUsers } from './admin-api.ts';
import type { AuditFilter } from './outgoing-api.ts';

/**
 * The audit log's filter: who, what (translated), from and until (days, Dutch time). Checked with the API's
 * own query schema first, so an end before the start is a message on the field, not an empty list.
 */
export function AuditFilterForm({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const s = t.adminScreens;
  const users = useQuery({ queryKey: ['admin', 'users'], queryFn: fetchUsers });
  const form = useEntityForm({
    initial: { type: '', userId: '', from: '', until: '' } as AuditFilter,
    fields: {
      userId: { id: 'audit-user', label: s.auditUser },
      type: { id: 'audit-type', label: s.auditType },
      from: { id: 'audit-from', label: s.auditFromDay },
      until: { id: 'audit-until', label: s.auditUntilDay },
    },
    toInput: (values) =>
      Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')) as Partial<AuditFilter>,
    schema: authEventQuery,
    submit: async (input) => input,
    onSuccess: (input) =>
      onApply({
        type: input.type ?? '',
        userId: input.userId ?? '',
        from: input.from ?? '',
        until: input.until ?? '',
      }),
  });
  const typeLabels = t.admin.auditEvent;
  return (
    <EntityForm form={form}>
      <Group align="flex-end" wrap="wrap" role="search" aria-label={s.auditFilter}>
        <NativeSelect
          label={s.auditUser}
          data={[
            { value: '', label: s.auditAnyone },
            ...(users.data ?? []).map((user) => ({ value: user.id, label: user.name })),
          ]}
          {...form.text('userId')}
        />
        <NativeSelect
          label={s.auditType}
          data={[
            { value: '', label: s.auditAnything },
            ...AUTH_EVENT_TYPES.map((type) => ({ value: type, label: labelOf(typeLabels, type) })),
          ]}
          {...form.text('type')}
        />
        <TextInput type="date" label={s.auditFromDay} {...form.text('from')} />
        <TextInput type="date" label={s.auditUntilDay} {...form.text('until')} />
        <Button type="submit">{s.auditApply}</Button>
      </Group>
    </EntityForm>
  );
}
