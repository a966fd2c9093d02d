import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { confidentialityInput, liftConfidentialityInput } from '../../../../contract/complaints.ts';
import {
  CHOOSABLE_CONFIDENTIALITY_REASONS,
  type ChoosableConfidentialityReason,
  CONFIDENTIALITY_REASONS,
} from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** The reason choice, shared by the case page and the intake screen; labels come from the domain. */
export function ConfidentialReasonFields({
  idPrefix,
  reason,
  text,
  onReason,
  onText,
  reasonError,
  textError,
}: {
  idPrefix: string;
  reason: ChoosableConfidentialityReason | '';
  text: string;
  onReason: (reason: ChoosableConfidentialityReason) => void;
  onText: (text: string) => void;
  reasonError?: string | undefined;
  textError?: string | undefined;
}) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="sm">
      <Radio.Group
        id={`${idPrefix}-reason`}
        name={`${idPrefix}-reason`}
        label={t.complaint.form.confidentialReason}
        description={t.complaint.form.confidentialHint}
        required
        value={reason}
        error={reasonError}
        onChange={(value) => onReason(value as ChoosableConfidentialityReason)}
      >
        <Stack gap={6} mt={6}>
          {CHOOSABLE_CONFIDENTIALITY_REASONS.map((code) => (
            <Radio key={code} value={code} label={CONFIDENTIALITY_REASONS[code][locale]} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        id={`${idPrefix}-text`}
        label={`${t.complaint.form.confidentialReasonText}${reason === 'other' ? '' : ` ${t.complaint.optional}`}`}
        required={reason === 'other'}
        autosize
        minRows={2}
        value={text}
        error={textError}
        onChange={(event) => onText(event.currentTarget.value)}
      />
    </Stack>
  );
}

/** policy 1.3, 2.5: confidential on purpose, with a reason; the server checks the reason (422 otherwise). */
export function MarkConfidentialForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState<ChoosableConfidentialityReason | ''>('');
  const [text, setText] = useState('');
  return (
    <ActionForm
      {...props}
      path="confidential"
      schema={confidentialityInput}
      body={() => ({ ...(reason ? { reason } : {}), ...(text.trim() ? { text } : {}) })}
      fields={[
        { path: 'reason', id: 'confidential-reason', label: t.complaint.form.confidentialReason },
        { path: 'text', id: 'confidential-text', label: t.complaint.form.confidentialReasonText },
      ]}
      submitLabel={t.complaint.action.markConfidential}
    >
      {(errors) => (
        <ConfidentialReasonFields
          idPrefix="confidential"
          reason={reason}
          text={text}
          onReason={setReason}
          onText={setText}
          reasonError={errors.reason?.[locale]}
          textError={errors.text?.[locale]}
        />
      )}
    </ActionForm>
  );
}

export function LiftConfidentialityForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [reason, setReason] = useState('');
  const current = props.complaint.confidentialReason;
  return (
    <ActionForm
      {...props}
      path="confidential/lift"
      schema={liftConfidentialityInput}
      body={() => ({ reason })}
      fields={[{ path: 'reason', id: 'lift-confidential-reason', label: t.complaint.form.liftReason }]}
      submitLabel={t.complaint.action.liftConfidential}
    >
      {(errors) => (
        <Stack gap="sm">
          {current && (
            <Text size="sm">
              {t.complaint.flags.confidential}: {CONFIDENTIALITY_REASONS[current.code][locale]}
              {current.text ? ` — ${current.text}` : ''}
            </Text>
          )}
          <Textarea
            id="lift-confidential-reason"
            label={t.complaint.form.liftReason}
            required
            autosize
            minRows={3}
            data-autofocus
            value={reason}
            error={errors.reason?.[locale]}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </Stack>
      )}
    </ActionForm>
  );
}
