import { Alert, Button, Checkbox, Group, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { answerInput } from '../../../../contract/complaints.ts';
import { findLetterFrame } from '../../../../domain/answer-composer.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { describeApiError } from '../../../lib/describe-error.ts';
import { formatDateTime } from '../../complaints/format.ts';
import { ActionForm } from '../ActionForm.tsx';
import { AnswerPreview } from '../composer/AnswerPreview.tsx';
import { TemplatePicker } from '../composer/TemplatePicker.tsx';
import { type DraftStatus, useAnswerDraft } from '../composer/use-answer-draft.ts';
import type { ActionFormProps } from './form-props.ts';

/**
 * policy 2.3, 2.4, 2.6: the answer goes to the complainant with a cc to the manager and the management
 * assistant; a repeat complaint adds the statements the answer must make. Issue 22: written from a standard
 * text, kept as a draft while typing, previewed as it goes out.
 */
export function AnswerForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const { complaint } = props;
  const draft = useAnswerDraft(complaint.id);
  const [adoptsLegalAdvice, setAdopts] = useState(false);
  const [standsByEarlierDecision, setStands] = useState(false);
  const [statesLastResponse, setLast] = useState(false);
  const requirements = complaint.repeat?.requirements ?? {};
  const c = t.composer;
  if (draft.composer.isError)
    return <Alert color="red">{describeApiError(draft.composer.error, locale, t)}</Alert>;
  if (!draft.restored || !draft.composer.data) return <Text>{t.app.loading}</Text>;
  const { templates, values } = draft.composer.data;
  const frame = findLetterFrame(draft.text);
  return (
    <ActionForm
      {...props}
      onDone={(updated) => {
        draft.dropPending();
        props.onDone(updated);
      }}
      path="answer"
      schema={answerInput}
      body={() => {
        draft.holdPending();
        return { text: draft.text, adoptsLegalAdvice, standsByEarlierDecision, statesLastResponse };
      }}
      fields={[{ path: 'text', id: 'answer-text', label: t.complaint.form.answerText }]}
      submitLabel={t.complaint.action.answer}
    >
      {(errors) => (
        <>
          <Alert variant="light" color="gehoord">
            {t.complaint.form.recipientsNote}
            {complaint.responsibility.cc.length > 0 && (
              <Text size="sm" mt={4} data-testid="answer-cc">
                {t.complaint.recipientsCc}:{' '}
                {complaint.responsibility.cc
                  .map((cc) => `${cc.name} (${t.complaint.responsibility.roles[cc.role]})`)
                  .join(', ')}
              </Text>
            )}
          </Alert>
          <Text size="sm" data-testid="composer-values">
            {c.outcome}: {values.outcome ?? c.noOutcome} · {c.compensation}:{' '}
            {values.compensation ?? c.noCompensation}
          </Text>
          <TemplatePicker
            templates={templates}
            onUse={(template) =>
              draft.setText(
                draft.text.trim() === '' ? template.text : `${draft.text.trimEnd()}\n\n${template.text}`,
                template.kind,
              )
            }
          />
          <Textarea
            id="answer-text"
            label={t.complaint.form.answerText}
            description={c.textHelp}
            required
            autosize
            minRows={8}
            maxRows={20}
            data-autofocus
            value={draft.text}
            error={errors.text?.[locale]}
            onChange={(event) => draft.setText(event.currentTarget.value)}
          />
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <DraftStatusLine status={draft.status} />
            {draft.status.kind === 'saved' && (
              <Button variant="subtle" size="compact-sm" onClick={draft.discard}>
                {c.discard}
              </Button>
            )}
          </Group>
          {(frame.salutation || frame.closing) && (
            <Alert color="yellow" variant="light" data-testid="frame-warning">
              {frame.salutation && <Text size="sm">{c.salutationWarning(frame.salutation)}</Text>}
              {frame.closing && <Text size="sm">{c.closingWarning(frame.closing)}</Text>}
            </Alert>
          )}
          {requirements.legalAdvice === true && (
            <Checkbox
              label={t.complaint.form.adoptsLegalAdvice}
              checked={adoptsLegalAdvice}
              onChange={(event) => setAdopts(event.currentTarget.checked)}
            />
          )}
          {requirements.standByDecision === true && (
            <Checkbox
              label={t.complaint.form.standsByEarlierDecision}
              checked={standsByEarlierDecision}
              onChange={(event) => setStands(event.currentTarget.checked)}
            />
          )}
          {requirements.lastResponseStatement === true && (
            <Checkbox
              label={t.complaint.form.statesLastResponse}
              checked={statesLastResponse}
              onChange={(event) => setLast(event.currentTarget.checked)}
            />
          )}
          <AnswerPreview complaintId={complaint.id} text={draft.text} />
        </>
      )}
    </ActionForm>
  );
}

function DraftStatusLine({ status }: { status: DraftStatus }) {
  const { t, locale } = useI18n();
  const c = t.composer;
  const message =
    status.kind === 'saving'
      ? c.draftSaving
      : status.kind === 'saved'
        ? c.draftSaved(formatDateTime(status.at, locale))
        : status.kind === 'failed'
          ? c.draftFailed
          : '';
  return (
    <Text
      size="sm"
      c={status.kind === 'failed' ? 'red.9' : undefined}
      aria-live="polite"
      data-testid="draft-status"
    >
      {message}
    </Text>
  );
}
