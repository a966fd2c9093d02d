import { Checkbox, NativeSelect, NumberInput, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { assessmentInput } from '../../../../contract/complaints.ts';
import { POLICY_FINDINGS, type PolicyFinding, VERDICTS, type Verdict } from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/**
 * policy 2.4: kind A — our policy was not followed (apology, admitted error, compensation for demonstrable
 * damage, approved by the manager); kind B — the complainant disagrees with our policy (discussed with
 * colleagues, one of four outcomes).
 */
export function AssessmentForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<'policy_not_followed' | 'disagrees_with_policy'>('policy_not_followed');
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [apologyOffered, setApology] = useState(false);
  const [errorAdmitted, setErrorAdmitted] = useState(false);
  const [demonstrableDamage, setDamage] = useState(false);
  const [euros, setEuros] = useState<number | string>('');
  const [discussed, setDiscussed] = useState(false);
  const [finding, setFinding] = useState<PolicyFinding | ''>('');
  const [explanation, setExplanation] = useState('');
  const [improvements, setImprovements] = useState('');

  const body = () => {
    const common = { verdict, improvementSuggestions: improvements.trim() || null };
    if (kind === 'policy_not_followed')
      return {
        kind,
        ...common,
        apologyOffered,
        errorAdmitted,
        demonstrableDamage,
        compensationCents: demonstrableDamage && euros !== '' ? Math.round(Number(euros) * 100) : null,
      };
    return {
      kind,
      ...common,
      discussedWithColleagues: discussed,
      finding,
      explanation: explanation.trim() || null,
    };
  };

  return (
    <ActionForm
      {...props}
      path="assessment"
      schema={assessmentInput}
      body={body}
      fields={[
        { path: 'verdict', id: 'assessment-verdict', label: t.complaint.form.verdict },
        { path: 'compensationCents', id: 'assessment-compensation', label: t.complaint.form.compensation },
        { path: 'finding', id: 'assessment-finding', label: t.complaint.form.finding },
        { path: 'explanation', id: 'assessment-explanation', label: t.complaint.form.explanation },
      ]}
      submitLabel={t.complaint.action.assessment}
    >
      {(errors) => (
        <>
          <Radio.Group
            name="assessment-kind"
            label={t.complaint.form.assessmentKind}
            value={kind}
            onChange={(value) => setKind(value as typeof kind)}
          >
            <Stack gap={4} mt={4}>
              <Radio value="policy_not_followed" label={t.complaint.form.kindA} />
              <Radio value="disagrees_with_policy" label={t.complaint.form.kindB} />
            </Stack>
          </Radio.Group>
          <NativeSelect
            id="assessment-verdict"
            label={t.complaint.form.verdict}
            required
            value={verdict}
            data={[
              { value: '', label: t.intake.choose },
              ...(Object.keys(VERDICTS) as Verdict[]).map((v) => ({
                value: v,
                label: t.complaint.verdict[v],
              })),
            ]}
            error={errors.verdict?.[locale]}
            onChange={(event) => setVerdict(event.currentTarget.value as Verdict | '')}
          />
          {kind === 'policy_not_followed' ? (
            <>
              <Checkbox
                label={t.complaint.form.apologyOffered}
                checked={apologyOffered}
                onChange={(event) => setApology(event.currentTarget.checked)}
              />
              <Checkbox
                label={t.complaint.form.errorAdmitted}
                checked={errorAdmitted}
                onChange={(event) => setErrorAdmitted(event.currentTarget.checked)}
              />
              <Checkbox
                label={t.complaint.form.demonstrableDamage}
                checked={demonstrableDamage}
                onChange={(event) => setDamage(event.currentTarget.checked)}
              />
              {demonstrableDamage && (
                <NumberInput
                  id="assessment-compensation"
                  label={t.complaint.form.compensation}
                  description={t.complaint.form.compensationHint}
                  min={0.01}
                  decimalScale={2}
                  decimalSeparator={locale === 'nl' ? ',' : '.'}
                  thousandSeparator={locale === 'nl' ? '.' : ','}
                  prefix="€ "
                  value={euros}
                  error={errors.compensationCents?.[locale]}
                  onChange={setEuros}
                />
              )}
            </>
          ) : (
            <>
              <Checkbox
                label={t.complaint.form.discussedWithColleagues}
                checked={discussed}
                onChange={(event) => setDiscussed(event.currentTarget.checked)}
              />
              <NativeSelect
                id="assessment-finding"
                label={t.complaint.form.finding}
                required
                value={finding}
                data={[
                  { value: '', label: t.intake.choose },
                  ...(Object.keys(POLICY_FINDINGS) as PolicyFinding[]).map((f) => ({
                    value: f,
                    label: t.complaint.finding[f],
                  })),
                ]}
                error={errors.finding?.[locale]}
                onChange={(event) => setFinding(event.currentTarget.value as PolicyFinding | '')}
              />
              <Textarea
                id="assessment-explanation"
                label={t.complaint.form.explanation}
                autosize
                minRows={3}
                value={explanation}
                error={errors.explanation?.[locale]}
                onChange={(event) => setExplanation(event.currentTarget.value)}
              />
            </>
          )}
          <Textarea
            id="assessment-improvements"
            label={`${t.complaint.form.improvements} ${t.complaint.optional}`}
            autosize
            minRows={2}
            value={improvements}
            onChange={(event) => setImprovements(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}
