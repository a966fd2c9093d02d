import { useState } from 'react';
import { triageInput } from '../../../../contract/complaints.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { FieldErrors } from '../../../lib/form-errors.ts';
import { blankIntakeValues, type IntakeValues, toTriageBody } from '../../intake/intake-form.ts';
import { TriageQuestions } from '../../intake/TriageQuestions.tsx';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

const prefixed = (errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([path, text]) => [`triage.${path}`, text]));

/** The intake's guided questions, for a complaint registered without triage (e.g. from the website). */
export function TriageForm(props: ActionFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<IntakeValues>(() => blankIntakeValues(props.complaint.channel, ''));

  const set = (changes: Partial<IntakeValues>) => setValues((current) => ({ ...current, ...changes }));
  const submitLabel =
    values.isReferral === 'yes'
      ? t.complaint.form.refer
      : values.isOutside === 'yes'
        ? t.complaint.form.decline
        : t.complaint.form.accept;
  return (
    <ActionForm
      {...props}
      path="triage"
      schema={triageInput}
      body={() => toTriageBody(values)}
      fields={[
        { path: 'kind', id: 'intake-referral-kind', label: t.intake.referralKind },
        { path: 'ground', id: 'intake-ground', label: t.intake.ground },
        { path: 'referralDetail', id: 'intake-ground-detail', label: t.intake.groundDetail },
        { path: 'category', id: 'intake-category', label: t.intake.category },
        { path: `subject.${values.subjectKind}Id`, id: 'intake-subject', label: t.intake.subjectKind },
        { path: 'managerTakes', id: 'intake-manager-takes', label: t.intake.managerTakes },
      ]}
      submitLabel={submitLabel}
    >
      {(errors) => <TriageQuestions values={values} set={set} errors={prefixed(errors)} />}
    </ActionForm>
  );
}
