import { Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { letterPostedInput, policyFindingInput } from '../../../../contract/complaints.ts';
import { type PolicyFinding, toLocalDate } from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { appNow } from '../../../lib/app-clock.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** policy 2.4, 3.1: the manager puts a wrong or missing policy on the MT agenda, or decides it as an exception. */
export function PolicyFindingForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const finding = (props.complaint.assessment?.finding ?? null) as PolicyFinding | null;
  const [route, setRoute] = useState<'management_team' | 'exception'>(
    finding === 'policy_wrong_in_this_case' ? 'exception' : 'management_team',
  );
  const [text, setText] = useState('');
  return (
    <ActionForm
      {...props}
      path="policy-finding"
      schema={policyFindingInput}
      body={() => (route === 'exception' ? { route, text } : { route })}
      fields={[{ path: 'text', id: 'policy-finding-text', label: t.complaint.form.decisionText }]}
      submitLabel={t.complaint.action.policyFinding}
    >
      {(errors) => (
        <>
          {finding && <Text>{t.complaint.form.policyFindingIntro(t.complaint.finding[finding])}</Text>}
          <Radio.Group
            label={t.complaint.form.policyFindingRoute}
            value={route}
            onChange={(value) => setRoute(value as 'management_team' | 'exception')}
          >
            <Stack gap={6} mt={4}>
              <Radio value="management_team" label={t.complaint.form.routeManagementTeam} />
              <Radio value="exception" label={t.complaint.form.routeException} />
            </Stack>
          </Radio.Group>
          {route === 'exception' && (
            <Textarea
              id="policy-finding-text"
              label={t.complaint.form.decisionText}
              required
              autosize
              minRows={3}
              value={text}
              error={errors.text?.[locale]}
              onChange={(event) => setText(event.currentTarget.value)}
            />
          )}
        </>
      )}
    </ActionForm>
  );
}

/** policy 2.5: the day the letter went into the post is the day the explanation was given. */
export function LetterPostedForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [postedOn, setPostedOn] = useState(toLocalDate(appNow()));
  return (
    <ActionForm
      {...props}
      path="letter-posted"
      schema={letterPostedInput}
      body={() => ({ postedOn })}
      fields={[{ path: 'postedOn', id: 'letter-posted-on', label: t.complaint.form.postedOn }]}
      submitLabel={t.complaint.action.letterPosted}
    >
      {(errors) => (
        <TextInput
          id="letter-posted-on"
          type="date"
          label={t.complaint.form.postedOn}
          description={t.complaint.form.postedOnHint}
          required
          value={postedOn}
          max={toLocalDate(appNow())}
          error={errors.postedOn?.[locale]}
          onChange={(event) => setPostedOn(event.currentTarget.value)}
        />
      )}
    </ActionForm>
  );
}
