import { NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  committeeReferenceInput,
  contactInput,
  legalAdviceInput,
  noteInput,
  withdrawInput,
  writtenOnlyInput,
} from '../../../../contract/complaints.ts';
import { CONTACT_KINDS, type ContactKind } from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fromDateTimeLocalValue } from '../../complaints/format.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** policy 1.4, 2.3: every contact moment is recorded; phone or in person is what the answer needs. */
export function ContactForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<ContactKind>('phone');
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('outbound');
  const [at, setAt] = useState('');
  const [summary, setSummary] = useState('');
  return (
    <ActionForm
      {...props}
      path="contacts"
      schema={contactInput}
      body={() => {
        const instant = fromDateTimeLocalValue(at);
        return { kind, direction, summary, ...(instant ? { at: instant } : {}) };
      }}
      fields={[
        { path: 'at', id: 'contact-at', label: t.complaint.form.at },
        { path: 'summary', id: 'contact-summary', label: t.complaint.form.summary },
      ]}
      submitLabel={t.complaint.action.contact}
    >
      {(errors) => (
        <>
          <NativeSelect
            id="contact-kind"
            label={t.complaint.form.contactKind}
            value={kind}
            data={(Object.keys(CONTACT_KINDS) as ContactKind[]).map((k) => ({
              value: k,
              label: t.complaint.contactKind[k],
            }))}
            onChange={(event) => setKind(event.currentTarget.value as ContactKind)}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="contact-direction-label">
              {t.complaint.form.direction}
            </Text>
            <SegmentedControl
              aria-labelledby="contact-direction-label"
              value={direction}
              onChange={(value) => setDirection(value as 'inbound' | 'outbound')}
              data={[
                { value: 'outbound', label: t.complaint.direction.outbound },
                { value: 'inbound', label: t.complaint.direction.inbound },
              ]}
            />
          </Stack>
          <TextInput
            id="contact-at"
            type="datetime-local"
            label={`${t.complaint.form.at} ${t.complaint.optional}`}
            description={t.complaint.form.atHint}
            value={at}
            error={errors.at?.[locale]}
            onChange={(event) => setAt(event.currentTarget.value)}
          />
          <Textarea
            id="contact-summary"
            label={t.complaint.form.summary}
            required
            autosize
            minRows={3}
            data-autofocus
            value={summary}
            error={errors.summary?.[locale]}
            onChange={(event) => setSummary(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}

type TextFormConfig = {
  path: 'notes' | 'written-only' | 'withdraw' | 'legal-advice' | 'committee/reference';
  field: 'text' | 'reason' | 'summary' | 'reference';
  schema:
    | typeof noteInput
    | typeof writtenOnlyInput
    | typeof withdrawInput
    | typeof legalAdviceInput
    | typeof committeeReferenceInput;
};

/** The actions that are one text: a note, a reason, an advice, a reference. */
function SingleTextForm({
  config,
  label,
  description,
  submitLabel,
  multiline = true,
  ...props
}: ActionFormProps & {
  config: TextFormConfig;
  label: string;
  description?: string;
  submitLabel: string;
  multiline?: boolean;
}) {
  const { locale } = useI18n();
  const [value, setValue] = useState('');
  const id = `action-${config.field}`;
  return (
    <ActionForm
      {...props}
      path={config.path}
      schema={config.schema}
      body={() => ({ [config.field]: value })}
      fields={[{ path: config.field, id, label }]}
      submitLabel={submitLabel}
    >
      {(errors) =>
        multiline ? (
          <Textarea
            id={id}
            label={label}
            description={description}
            required
            autosize
            minRows={4}
            data-autofocus
            value={value}
            error={errors[config.field]?.[locale]}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
        ) : (
          <TextInput
            id={id}
            label={label}
            required
            data-autofocus
            value={value}
            error={errors[config.field]?.[locale]}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
        )
      }
    </ActionForm>
  );
}

export function NoteForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <SingleTextForm
      {...props}
      config={{ path: 'notes', field: 'text', schema: noteInput }}
      label={t.complaint.form.note}
      submitLabel={t.complaint.action.note}
    />
  );
}

export function WrittenOnlyForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <SingleTextForm
      {...props}
      config={{ path: 'written-only', field: 'reason', schema: writtenOnlyInput }}
      label={t.complaint.form.reason}
      description={t.complaint.form.writtenOnlyHint}
      submitLabel={t.complaint.action.writtenOnly}
    />
  );
}

export function WithdrawForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <SingleTextForm
      {...props}
      config={{ path: 'withdraw', field: 'reason', schema: withdrawInput }}
      label={t.complaint.form.reason}
      submitLabel={t.complaint.action.withdraw}
    />
  );
}

export function LegalAdviceForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <SingleTextForm
      {...props}
      config={{ path: 'legal-advice', field: 'summary', schema: legalAdviceInput }}
      label={t.complaint.form.legalSummary}
      submitLabel={t.complaint.action.legalAdvice}
    />
  );
}

export function CommitteeReferenceForm(props: ActionFormProps) {
  const { t } = useI18n();
  return (
    <SingleTextForm
      {...props}
      config={{ path: 'committee/reference', field: 'reference', schema: committeeReferenceInput }}
      label={t.complaint.form.reference}
      submitLabel={t.complaint.action.committeeReference}
      multiline={false}
    />
  );
}
