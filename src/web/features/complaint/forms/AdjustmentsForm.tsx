import { Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AdjustmentsInput } from '../../../../contract/adjustments.ts';
import type { ComplaintDetail } from '../../../../contract/complaints.ts';
import {
  ACCESS_NEEDS,
  CONTACT_CHANNELS,
  DAY_PARTS,
  REPRESENTATIVE_AUTHORITIES,
} from '../../../../domain/index.ts';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem, summarizeFieldErrors } from '../../../lib/describe-error.ts';
import { type FieldErrors, fieldErrorsFromProblem } from '../../../lib/form-errors.ts';
import { useSaveAdjustments } from '../adjustments-api.ts';

type Rep = NonNullable<AdjustmentsInput['representative']>;
const NO_REP: Rep = {
  name: '',
  contact: '',
  authority: 'written_authorisation',
  authorityNote: null,
  authorityDate: '',
  receivesCopies: false,
};

/** Issue 26: the whole set of a complainant's adjustments, as staff hear them (phone, desk, letter, case). */
export function AdjustmentsForm(props: {
  complaint: ComplaintDetail;
  current: AdjustmentsInput;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const a = t.adjustments;
  const save = useSaveAdjustments(props.complaint);
  const [v, setV] = useState<AdjustmentsInput>(props.current);
  const [rep, setRep] = useState<Rep>(props.current.representative ?? NO_REP);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const callBack = v.callBack ?? { dayParts: [], note: null };
  const needs = v.accessNeeds ?? { needs: [], note: null, consentGiven: false };
  const fields = [
    { path: 'accessNeeds.consentGiven', id: 'adj-consent', label: a.consent },
    { path: 'callBack', id: 'adj-callback-note', label: a.callBack },
    { path: 'representative.authorityDate', id: 'adj-rep-date', label: a.authorityDate },
  ];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const input: AdjustmentsInput = {
      preferredChannel: v.preferredChannel ?? null,
      largePrint: v.largePrint === true,
      interpreterLanguage: v.interpreterLanguage?.trim() || null,
      callBack: callBack.dayParts.length > 0 || callBack.note?.trim() ? callBack : null,
      representative: rep.name.trim() ? rep : null,
      accessNeeds: needs.needs.length > 0 ? needs : null,
    };
    save.mutate(input, {
      onSuccess: props.onDone,
      onError: (error) => setErrors(isFieldProblem(error) ? fieldErrorsFromProblem(error) : {}),
    });
  };
  const failure =
    save.error && !isFieldProblem(save.error) ? describeApiError(save.error, locale, t) : undefined;
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary
        message={failure}
        fieldErrors={summarizeFieldErrors(errors, fields, locale)}
        attempt={attempt}
      />
      <Stack gap="sm">
        <NativeSelect
          id="adj-channel"
          label={a.channel}
          value={v.preferredChannel ?? ''}
          data={[
            { value: '', label: a.noPreference },
            ...CONTACT_CHANNELS.map((c) => ({ value: c, label: a.channels[c] })),
          ]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setV({
              ...v,
              preferredChannel: value === '' ? null : (value as AdjustmentsInput['preferredChannel']),
            });
          }}
        />
        <Checkbox
          id="adj-large-print"
          label={a.largePrint}
          checked={v.largePrint === true}
          onChange={(e) => setV({ ...v, largePrint: e.currentTarget.checked })}
        />
        <TextInput
          id="adj-interpreter"
          label={a.interpreter}
          value={v.interpreterLanguage ?? ''}
          onChange={(e) => setV({ ...v, interpreterLanguage: e.currentTarget.value })}
        />
        <Fieldset legend={a.callBack}>
          <Group>
            {DAY_PARTS.map((part) => (
              <Checkbox
                key={part}
                label={a.dayParts[part]}
                checked={callBack.dayParts.includes(part)}
                onChange={(e) =>
                  setV({
                    ...v,
                    callBack: {
                      ...callBack,
                      dayParts: toggle(callBack.dayParts, part, e.currentTarget.checked),
                    },
                  })
                }
              />
            ))}
          </Group>
          <TextInput
            id="adj-callback-note"
            mt="xs"
            label={a.callBackNote}
            value={callBack.note ?? ''}
            error={errors.callBack?.[locale]}
            onChange={(e) => setV({ ...v, callBack: { ...callBack, note: e.currentTarget.value || null } })}
          />
        </Fieldset>
        <Fieldset legend={a.representative}>
          <TextInput
            id="adj-rep-name"
            label={a.representativeName}
            value={rep.name}
            onChange={(e) => setRep({ ...rep, name: e.currentTarget.value })}
          />
          <TextInput
            id="adj-rep-contact"
            label={a.representativeContact}
            value={rep.contact}
            onChange={(e) => setRep({ ...rep, contact: e.currentTarget.value })}
          />
          <NativeSelect
            id="adj-rep-authority"
            label={a.authority}
            value={rep.authority}
            data={REPRESENTATIVE_AUTHORITIES.map((k) => ({ value: k, label: a.authorities[k] }))}
            onChange={(e) => setRep({ ...rep, authority: e.currentTarget.value as Rep['authority'] })}
          />
          <TextInput
            id="adj-rep-note"
            label={a.authorityNote}
            value={rep.authorityNote ?? ''}
            onChange={(e) => setRep({ ...rep, authorityNote: e.currentTarget.value || null })}
          />
          <TextInput
            id="adj-rep-date"
            type="date"
            label={a.authorityDate}
            value={rep.authorityDate}
            error={errors['representative.authorityDate']?.[locale]}
            onChange={(e) => setRep({ ...rep, authorityDate: e.currentTarget.value })}
          />
          <Checkbox
            mt="xs"
            label={a.receivesCopies}
            checked={rep.receivesCopies}
            onChange={(e) => setRep({ ...rep, receivesCopies: e.currentTarget.checked })}
          />
        </Fieldset>
        <Fieldset legend={a.accessNeeds}>
          <Group>
            {ACCESS_NEEDS.map((need) => (
              <Checkbox
                key={need}
                label={a.needs[need]}
                checked={needs.needs.includes(need)}
                onChange={(e) =>
                  setV({
                    ...v,
                    accessNeeds: { ...needs, needs: toggle(needs.needs, need, e.currentTarget.checked) },
                  })
                }
              />
            ))}
          </Group>
          <Textarea
            id="adj-needs-note"
            mt="xs"
            label={a.needsNote}
            value={needs.note ?? ''}
            onChange={(e) => setV({ ...v, accessNeeds: { ...needs, note: e.currentTarget.value || null } })}
          />
          <Checkbox
            id="adj-consent"
            mt="xs"
            label={a.consent}
            checked={needs.consentGiven}
            error={errors['accessNeeds.consentGiven']?.[locale]}
            onChange={(e) => setV({ ...v, accessNeeds: { ...needs, consentGiven: e.currentTarget.checked } })}
          />
        </Fieldset>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={props.onCancel}>
            {t.complaint.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {a.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
