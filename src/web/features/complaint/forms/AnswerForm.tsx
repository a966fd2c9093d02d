import { Alert, Button, Checkbox, Group, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { answerInput } from '../../../../contract/complaints.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatDay } from '../../complaints/format.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/**
 * policy 2.3, 2.4, 2.6: the answer goes to the complainant with a cc to the manager and the management
 * assistant; a repeat complaint adds the statements the answer must make.
 */
export function AnswerForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const { complaint } = props;
  const [text, setText] = useState('');
  const [adoptsLegalAdvice, setAdopts] = useState(false);
  const [standsByEarlierDecision, setStands] = useState(false);
  const [statesLastResponse, setLast] = useState(false);
  const requirements = complaint.repeat?.requirements ?? {};
  const template = () =>
    setText(
      t.complaint.form.answerTemplateText(
        complaint.complainant?.name ?? '',
        formatDay(complaint.receivedAt, 'nl'),
      ),
    );
  return (
    <ActionForm
      {...props}
      path="answer"
      schema={answerInput}
      body={() => ({ text, adoptsLegalAdvice, standsByEarlierDecision, statesLastResponse })}
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
                  .map((c) => `${c.name} (${t.complaint.responsibility.roles[c.role]})`)
                  .join(', ')}
              </Text>
            )}
          </Alert>
          <Group>
            <Button variant="default" size="compact-sm" onClick={template}>
              {t.complaint.form.answerTemplate}
            </Button>
          </Group>
          <Textarea
            id="answer-text"
            label={t.complaint.form.answerText}
            required
            autosize
            minRows={8}
            maxRows={20}
            data-autofocus
            value={text}
            error={errors.text?.[locale]}
            onChange={(event) => setText(event.currentTarget.value)}
          />
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
        </>
      )}
    </ActionForm>
  );
}
