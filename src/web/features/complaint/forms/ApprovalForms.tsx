import { NativeSelect, Textarea } from '@mantine/core';
import { useState } from 'react';
import {
  approvalInput,
  approvalRefusalInput,
  approvalRequestInput,
} from '../../../../contract/complaints.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatEuros } from '../../complaints/format.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

type Subject = 'answer' | 'compensation' | 'manager_decision';

/** What the manager is most likely asked for now, from the assessment on file. */
function likelySubject(props: ActionFormProps): Subject {
  const assessment = props.complaint.assessment ?? {};
  if (assessment.kind === 'disagrees_with_policy' && assessment.finding === 'policy_wrong_in_this_case')
    return 'manager_decision';
  if (props.complaint.compensationCents) return 'compensation';
  return 'answer';
}

export function RequestApprovalForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [subject, setSubject] = useState<Subject | 'extension'>(likelySubject(props));
  const [note, setNote] = useState('');
  return (
    <ActionForm
      {...props}
      path="approval-requests"
      schema={approvalRequestInput}
      body={() => ({ subject, note: note.trim() || null })}
      fields={[{ path: 'note', id: 'approval-request-note', label: t.complaint.form.approvalNote }]}
      submitLabel={t.complaint.action.requestApproval}
    >
      {(errors) => (
        <>
          <NativeSelect
            id="approval-request-subject"
            label={t.complaint.form.approvalSubject}
            value={subject}
            data={(['answer', 'compensation', 'manager_decision', 'extension'] as const).map((s) => ({
              value: s,
              label: t.complaint.form.approvalSubjects[s],
            }))}
            onChange={(event) => setSubject(event.currentTarget.value as Subject)}
          />
          <Textarea
            id="approval-request-note"
            label={`${t.complaint.form.approvalNote} ${t.complaint.optional}`}
            autosize
            minRows={2}
            value={note}
            error={errors.note?.[locale]}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}

/** policy 2.4, 2.6: the manager approves the answer, the compensation, or decides on the handling. */
export function ApproveForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [subject, setSubject] = useState<Subject>(likelySubject(props));
  const [text, setText] = useState('');
  const cents = props.complaint.compensationCents;
  return (
    <ActionForm
      {...props}
      path="approvals"
      schema={approvalInput}
      body={() => ({ subject, text: text.trim() || null })}
      fields={[{ path: 'text', id: 'approval-text', label: t.complaint.form.decisionText }]}
      submitLabel={t.complaint.action.approve}
    >
      {(errors) => (
        <>
          <NativeSelect
            id="approval-subject"
            label={t.complaint.form.approvalSubject}
            value={subject}
            data={(['answer', 'compensation', 'manager_decision'] as const).map((s) => ({
              value: s,
              label:
                s === 'compensation' && cents
                  ? `${t.complaint.form.approvalSubjects[s]}: ${formatEuros(cents, locale)}`
                  : t.complaint.form.approvalSubjects[s],
            }))}
            onChange={(event) => setSubject(event.currentTarget.value as Subject)}
          />
          <Textarea
            id="approval-text"
            label={
              subject === 'manager_decision'
                ? t.complaint.form.decisionText
                : `${t.complaint.form.approvalNote} ${t.complaint.optional}`
            }
            required={subject === 'manager_decision'}
            autosize
            minRows={2}
            value={text}
            error={errors.text?.[locale]}
            onChange={(event) => setText(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}

/** issue 22: the manager says no, with a reason the requester reads on the case (the mail only points there). */
export function RefuseApprovalForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [subject, setSubject] = useState<Subject>(likelySubject(props));
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      {...props}
      path="approval-refusals"
      schema={approvalRefusalInput}
      body={() => ({ subject, reason: reason.trim() })}
      fields={[{ path: 'reason', id: 'refusal-reason', label: t.complaint.form.refusalReason }]}
      submitLabel={t.complaint.action.refuseApproval}
    >
      {(errors) => (
        <>
          <NativeSelect
            id="refusal-subject"
            label={t.complaint.form.approvalSubject}
            value={subject}
            data={(['answer', 'compensation', 'manager_decision'] as const).map((s) => ({
              value: s,
              label: t.complaint.form.approvalSubjects[s],
            }))}
            onChange={(event) => setSubject(event.currentTarget.value as Subject)}
          />
          <Textarea
            id="refusal-reason"
            label={t.complaint.form.refusalReason}
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
