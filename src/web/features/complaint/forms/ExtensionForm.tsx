import { Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { extensionInput } from '../../../../contract/complaints.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** policy 2.3: only the manager extends, with a reason, and the complainant is told the new date. */
export function ExtensionForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [newDueDay, setNewDueDay] = useState('');
  const [reason, setReason] = useState('');
  const [noticeText, setNoticeText] = useState(t.complaint.form.noticeDefault);
  return (
    <ActionForm
      {...props}
      path="extensions"
      schema={extensionInput}
      body={() => ({ newDueDay, reason, noticeText })}
      fields={[
        { path: 'newDueDay', id: 'extension-day', label: t.complaint.form.newDueDay },
        { path: 'reason', id: 'extension-reason', label: t.complaint.form.reason },
        { path: 'noticeText', id: 'extension-notice', label: t.complaint.form.noticeText },
      ]}
      submitLabel={t.complaint.action.extension}
    >
      {(errors) => (
        <>
          <TextInput
            id="extension-day"
            type="date"
            label={t.complaint.form.newDueDay}
            required
            data-autofocus
            value={newDueDay}
            error={errors.newDueDay?.[locale]}
            onChange={(event) => setNewDueDay(event.currentTarget.value)}
          />
          <Textarea
            id="extension-reason"
            label={t.complaint.form.reason}
            required
            autosize
            minRows={2}
            value={reason}
            error={errors.reason?.[locale]}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Textarea
            id="extension-notice"
            label={t.complaint.form.noticeText}
            required
            autosize
            minRows={3}
            value={noticeText}
            error={errors.noticeText?.[locale]}
            onChange={(event) => setNoticeText(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}
