import { Alert, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  composeBoardTrackExplanation,
  composeOutsideProcedureExplanation,
  type OutsideProcedureGround,
} from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { ComplaintActionPath } from '../../complaints/complaints-api.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** Steps without input: the form only says what will happen, and asks to confirm. */
function ConfirmForm({
  path,
  text,
  submitLabel,
  ...props
}: ActionFormProps & { path: ComplaintActionPath; text: ReactNode; submitLabel: string }) {
  return (
    <ActionForm {...props} path={path} body={() => ({})} fields={[]} submitLabel={submitLabel}>
      {() => text}
    </ActionForm>
  );
}

export function RecordWithoutAnswerDutyForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <ConfirmForm
      {...props}
      path="record-without-answer-duty"
      text={<Text>{t.complaint.form.recordWithoutAnswerDutyConfirm}</Text>}
      submitLabel={t.complaint.action.recordWithoutAnswerDuty}
    />
  );
}

/**
 * policy 2.5: the explanation names the ground and where the complainant can go instead; on the board's track
 * it is the domain's neutral text.
 */
export function ExplanationForm(props: ActionFormProps) {
  const { t } = useI18n();
  const triage = props.complaint.triage ?? {};
  const ground = triage.ground as OutsideProcedureGround | undefined;
  const referral = triage.referral as { detail?: unknown } | undefined;
  const detail = typeof referral?.detail === 'string' ? referral.detail : null;
  const preview =
    props.complaint.status === 'with_board'
      ? composeBoardTrackExplanation()
      : ground
        ? composeOutsideProcedureExplanation(ground, detail)
        : null;
  return (
    <ConfirmForm
      {...props}
      path="explanation"
      text={
        <>
          {preview ? (
            <Alert variant="light" color="gehoord" title={t.complaint.form.explanationPreview}>
              <Text size="sm" data-testid="explanation-text">
                {preview}
              </Text>
            </Alert>
          ) : null}
          {/* policy 2.5: without an e-mail address the explanation is a letter to post */}
          {props.complaint.status === 'with_board' || props.complaint.complainant?.email ? null : (
            <Text size="sm">{t.complaint.form.explanationByPost}</Text>
          )}
        </>
      }
      submitLabel={t.complaint.action.explanation}
    />
  );
}

export function CloseForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <ConfirmForm
      {...props}
      path="close"
      text={<Text>{t.complaint.form.closeConfirm}</Text>}
      submitLabel={t.complaint.action.close}
    />
  );
}

export function CriminalOffenceForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <ConfirmForm
      {...props}
      path="criminal-offence"
      text={<Text>{t.complaint.form.criminalConfirm}</Text>}
      submitLabel={t.complaint.action.criminalOffence}
    />
  );
}

export function CommitteeForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <ConfirmForm
      {...props}
      path="committee"
      text={<Text>{t.complaint.form.committeeConfirm}</Text>}
      submitLabel={t.complaint.action.committee}
    />
  );
}
