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
type RequestSubject = Subject | 'extension';
const APPROVABLE: readonly string[] = ['answer', 'compensation', 'manager_decision'];

/** The approval the domain says is pending now (server's detail), else the answer itself. */
function pendingSubject(props: ActionFormProps): Subject {
  const first = props.complaint.approvals.waiting.find((w) => APPROVABLE.includes(w.subject));
  return (first?.subject as Subject | undefined) ?? 'answer';
}

/** The subject label, with the amount when it is the compensation (policy 2.4). */
function useSubjectLabel(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const cents = props.complaint.compensationCents;
  return (s: RequestSubject) =>
    s === 'compensation' && cents
      ? `${t.complaint.form.approvalSubjects[s]}: ${formatEuros(cents, locale)}`
      : t.complaint.form.approvalSubjects[s];
}

export function RequestApprovalForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const label = useSubjectLabel(props);
  // What the domain says is pending (the first not yet asked for), not a fixed default
  const [subject, setSubject] = useState<RequestSubject>(
    props.complaint.approvals.proposedSubject ?? pendingSubject(props),
  );
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
              label: label(s),
            }))}
            onChange={(event) => setSubject(event.currentTarget.value as RequestSubject)}
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
  const label = useSubjectLabel(props);
  const [subject, setSubject] = useState<Subject>(pendingSubject(props));
  const [text, setText] = useState('');
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
              label: label(s),
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

/** policy 2.3, 2.4, 2.6: the manager refuses what was asked, with a reason the handler reads. */
export function RefuseApprovalForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const label = useSubjectLabel(props);
  const asked = props.complaint.approvals.waiting.filter((w) => w.requestedAt !== null);
  const [subject, setSubject] = useState<RequestSubject>(
    (asked[0]?.subject as RequestSubject | undefined) ?? pendingSubject(props),
  );
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      {...props}
      path="approval-refusals"
      schema={approvalRefusalInput}
      body={() => ({ subject, reason })}
      fields={[{ path: 'reason', id: 'refusal-reason', label: t.complaint.form.refusalReason }]}
      submitLabel={t.complaint.action.refuseApproval}
    >
      {(errors) => (
        <>
          <NativeSelect
            id="refusal-subject"
            label={t.complaint.form.approvalSubject}
            value={subject}
            data={asked.map((w) => ({ value: w.subject, label: label(w.subject) }))}
            onChange={(event) => setSubject(event.currentTarget.value as RequestSubject)}
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
