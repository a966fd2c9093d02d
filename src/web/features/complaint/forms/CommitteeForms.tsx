import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  boardDecisionInput,
  committeeFollowUpInput,
  committeeRulingInput,
  compensationPaidInput,
} from '../../../../contract/complaints.ts';
import { COMMITTEE_VERDICTS, type CommitteeVerdict } from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { fromDateTimeLocalValue } from '../../complaints/format.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** policy 1.3: the regional committee's ruling, the board's decision on it, and what was done. */
export function CommitteeRulingForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [verdict, setVerdict] = useState<CommitteeVerdict | ''>('');
  const [summary, setSummary] = useState('');
  return (
    <ActionForm
      {...props}
      path="committee/ruling"
      schema={committeeRulingInput}
      body={() => ({ verdict, summary })}
      fields={[
        { path: 'verdict', id: 'ruling-verdict', label: t.complaint.form.committeeVerdict },
        { path: 'summary', id: 'ruling-summary', label: t.complaint.form.rulingSummary },
      ]}
      submitLabel={t.complaint.action.committeeRuling}
    >
      {(errors) => (
        <>
          <NativeSelect
            id="ruling-verdict"
            label={t.complaint.form.committeeVerdict}
            required
            data-autofocus
            value={verdict}
            data={[
              { value: '', label: t.intake.choose },
              ...(Object.keys(COMMITTEE_VERDICTS) as CommitteeVerdict[]).map((v) => ({
                value: v,
                label: t.complaint.committeeVerdict[v],
              })),
            ]}
            error={errors.verdict?.[locale]}
            onChange={(event) => setVerdict(event.currentTarget.value as CommitteeVerdict | '')}
          />
          <Textarea
            id="ruling-summary"
            label={t.complaint.form.rulingSummary}
            required
            autosize
            minRows={3}
            value={summary}
            error={errors.summary?.[locale]}
            onChange={(event) => setSummary(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}

export function BoardDecisionForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [adoptsAdvice, setAdopts] = useState(true);
  const [text, setText] = useState('');
  return (
    <ActionForm
      {...props}
      path="committee/board-decision"
      schema={boardDecisionInput}
      body={() => ({ adoptsAdvice, text })}
      fields={[{ path: 'text', id: 'board-text', label: t.complaint.form.boardText }]}
      submitLabel={t.complaint.action.boardDecision}
    >
      {(errors) => (
        <>
          <Checkbox
            label={t.complaint.form.adoptsAdvice}
            checked={adoptsAdvice}
            onChange={(event) => setAdopts(event.currentTarget.checked)}
          />
          <Textarea
            id="board-text"
            label={t.complaint.form.boardText}
            required
            autosize
            minRows={3}
            value={text}
            error={errors.text?.[locale]}
            onChange={(event) => setText(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}

export function CommitteeFollowUpForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  return (
    <ActionForm
      {...props}
      path="committee/follow-up"
      schema={committeeFollowUpInput}
      body={() => ({ text })}
      fields={[{ path: 'text', id: 'follow-up-text', label: t.complaint.form.followUpText }]}
      submitLabel={t.complaint.action.committeeFollowUp}
    >
      {(errors) => (
        <Textarea
          id="follow-up-text"
          label={t.complaint.form.followUpText}
          required
          autosize
          minRows={3}
          data-autofocus
          value={text}
          error={errors.text?.[locale]}
          onChange={(event) => setText(event.currentTarget.value)}
        />
      )}
    </ActionForm>
  );
}

/** policy 2.4: approved compensation is paid before the complaint is closed. */
export function CompensationPaidForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [paidAt, setPaidAt] = useState('');
  return (
    <ActionForm
      {...props}
      path="compensation-paid"
      schema={compensationPaidInput}
      body={() => {
        const instant = fromDateTimeLocalValue(paidAt);
        return instant ? { paidAt: instant } : {};
      }}
      fields={[{ path: 'paidAt', id: 'paid-at', label: t.complaint.form.paidAt }]}
      submitLabel={t.complaint.action.compensationPaid}
    >
      {(errors) => (
        <TextInput
          id="paid-at"
          type="datetime-local"
          label={`${t.complaint.form.paidAt} ${t.complaint.optional}`}
          description={t.complaint.form.atHint}
          value={paidAt}
          error={errors.paidAt?.[locale]}
          onChange={(event) => setPaidAt(event.currentTarget.value)}
        />
      )}
    </ActionForm>
  );
}
