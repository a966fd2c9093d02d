import { NativeSelect } from '@mantine/core';
import { useState } from 'react';
import { assignInput } from '../../../../contract/complaints.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useStaff } from '../../complaints/reference-queries.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** policy 2.6: the manager decides who handles it (the API refuses others handing it to someone else). */
export function AssignForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const staff = useStaff();
  const [handlerId, setHandlerId] = useState(props.complaint.handler?.id ?? '');
  return (
    <ActionForm
      {...props}
      path="assign"
      schema={assignInput}
      body={() => ({ handlerId })}
      fields={[{ path: 'handlerId', id: 'assign-handler', label: t.complaint.form.handler }]}
      submitLabel={t.complaint.action.assign}
    >
      {(errors) => (
        <NativeSelect
          id="assign-handler"
          label={t.complaint.form.handler}
          required
          data-autofocus
          value={handlerId}
          data={[
            { value: '', label: t.intake.choose },
            ...(staff.data ?? []).map((s) => ({
              value: s.id,
              label: s.departmentName ? `${s.name} (${s.departmentName})` : s.name,
            })),
          ]}
          error={errors.handlerId?.[locale]}
          onChange={(event) => setHandlerId(event.currentTarget.value)}
        />
      )}
    </ActionForm>
  );
}

/** Anyone may pick up a complaint without a handler, for themselves. */
export function PickUpForm(props: ActionFormProps & { userId: string }) {
  const { t } = useI18n();
  const { userId, ...rest } = props;
  return (
    <ActionForm
      {...rest}
      path="assign"
      body={() => ({ handlerId: userId })}
      fields={[]}
      submitLabel={t.complaint.action.pickUp}
    >
      {() => null}
    </ActionForm>
  );
}
