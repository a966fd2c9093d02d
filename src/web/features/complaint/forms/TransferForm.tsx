import { NativeSelect, Textarea } from '@mantine/core';
import { useState } from 'react';
import { transferInput } from '../../../../contract/complaints.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useDepartments, useStaff } from '../../complaints/reference-queries.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/**
 * "Doorzetten naar andere afdeling" (policy 1.3, 2.6): to another department's unassigned queue or to an
 * employee there; handler, accountable manager and cc move along. The reason goes on the timeline.
 */
export function TransferForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const departments = useDepartments();
  const staff = useStaff();
  const [departmentId, setDepartmentId] = useState('');
  const [handlerId, setHandlerId] = useState('');
  const [reason, setReason] = useState('');
  const f = t.complaint.form;
  const current = props.complaint.department?.id;
  const colleagues = (staff.data ?? []).filter((s) => departmentId !== '' && s.departmentId === departmentId);
  return (
    <ActionForm
      {...props}
      path="transfer"
      schema={transferInput}
      body={() => ({ departmentId, handlerId: handlerId === '' ? null : handlerId, reason })}
      fields={[
        { path: 'departmentId', id: 'transfer-department', label: f.transferDepartment },
        { path: 'handlerId', id: 'transfer-handler', label: f.transferHandler },
        { path: 'reason', id: 'transfer-reason', label: f.transferReason },
      ]}
      submitLabel={t.complaint.action.transfer}
    >
      {(errors) => (
        <>
          <NativeSelect
            id="transfer-department"
            label={f.transferDepartment}
            required
            data-autofocus
            value={departmentId}
            data={[
              { value: '', label: t.intake.choose },
              ...(departments.data ?? [])
                .filter((d) => d.active && d.id !== current)
                .map((d) => ({ value: d.id, label: d.name })),
            ]}
            error={errors.departmentId?.[locale]}
            onChange={(event) => {
              setDepartmentId(event.currentTarget.value);
              setHandlerId('');
            }}
          />
          <NativeSelect
            id="transfer-handler"
            label={`${f.transferHandler} ${t.complaint.optional}`}
            description={f.transferHandlerHint}
            value={handlerId}
            disabled={departmentId === ''}
            data={[
              { value: '', label: f.transferQueue },
              ...colleagues.map((s) => ({ value: s.id, label: s.name })),
            ]}
            error={errors.handlerId?.[locale]}
            onChange={(event) => setHandlerId(event.currentTarget.value)}
          />
          <Textarea
            id="transfer-reason"
            label={f.transferReason}
            required
            autosize
            minRows={2}
            value={reason}
            error={errors.reason?.[locale]}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}
