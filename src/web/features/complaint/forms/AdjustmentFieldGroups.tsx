import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  ACCESS_NEEDS,
  CONTACT_CHANNELS,
  DAY_PARTS,
  REPRESENTATIVE_AUTHORITIES,
} from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Messages } from '../../../i18n/messages.nl.ts';
import type { AdjustmentsDraft } from './adjustments-draft.ts';

type Draft = AdjustmentsDraft;

/**
 * Issue 26: the field groups of a complainant's adjustments — channel, large print, interpreter, call-back,
 * representative, reading or hearing needs (with consent) — used by the case page's edit form and the staff
 * intake alike. `error(path)` gives the message for a path inside the set (`representative.authorityDate`).
 */
export function AdjustmentFieldGroups({
  value: v,
  onChange,
  error,
  idPrefix,
}: {
  value: Draft;
  onChange: (next: Draft) => void;
  error: (path: string) => string | undefined;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const a = t.adjustments;
  const id = (name: string) => `${idPrefix}-${name}`;
  const toggle = <T,>(list: readonly T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);
  const callBack = (changes: Partial<Draft['callBack']>) =>
    onChange({ ...v, callBack: { ...v.callBack, ...changes } });
  const rep = (changes: Partial<Draft['representative']>) =>
    onChange({ ...v, representative: { ...v.representative, ...changes } });
  const needs = (changes: Partial<Draft['accessNeeds']>) =>
    onChange({ ...v, accessNeeds: { ...v.accessNeeds, ...changes } });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          id={id('channel')}
          label={a.channel}
          error={error('preferredChannel')}
          value={v.preferredChannel ?? ''}
          data={[
            { value: '', label: a.noPreference },
            ...CONTACT_CHANNELS.map((c) => ({ value: c, label: a.channels[c] })),
          ]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            onChange({ ...v, preferredChannel: value === '' ? null : (value as Draft['preferredChannel']) });
          }}
        />
        <TextInput
          id={id('interpreter')}
          label={a.interpreter}
          error={error('interpreterLanguage')}
          value={v.interpreterLanguage}
          onChange={(e) => onChange({ ...v, interpreterLanguage: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Checkbox
        id={id('large-print')}
        label={a.largePrint}
        error={error('largePrint')}
        checked={v.largePrint}
        onChange={(e) => onChange({ ...v, largePrint: e.currentTarget.checked })}
      />
      <Fieldset legend={a.callBack}>
        <Group>
          {DAY_PARTS.map((part) => (
            <Checkbox
              key={part}
              id={id(`day-part-${part}`)}
              label={a.dayParts[part]}
              checked={v.callBack.dayParts.includes(part)}
              onChange={(e) =>
                callBack({ dayParts: toggle(v.callBack.dayParts, part, e.currentTarget.checked) })
              }
            />
          ))}
        </Group>
        <TextInput
          id={id('callback-note')}
          mt="xs"
          label={a.callBackNote}
          value={v.callBack.note}
          error={error('callBack') ?? error('callBack.note') ?? error('callBack.dayParts')}
          onChange={(e) => callBack({ note: e.currentTarget.value })}
        />
      </Fieldset>
      <Fieldset legend={a.representative}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            id={id('rep-name')}
            label={a.representativeName}
            value={v.representative.name}
            error={error('representative.name')}
            onChange={(e) => rep({ name: e.currentTarget.value })}
          />
          <TextInput
            id={id('rep-contact')}
            label={a.representativeContact}
            value={v.representative.contact}
            error={error('representative.contact')}
            onChange={(e) => rep({ contact: e.currentTarget.value })}
          />
          <NativeSelect
            id={id('rep-authority')}
            label={a.authority}
            value={v.representative.authority}
            error={error('representative.authority')}
            data={REPRESENTATIVE_AUTHORITIES.map((k) => ({ value: k, label: a.authorities[k] }))}
            onChange={(e) =>
              rep({ authority: e.currentTarget.value as Draft['representative']['authority'] })
            }
          />
          <TextInput
            id={id('rep-date')}
            type="date"
            label={a.authorityDate}
            value={v.representative.authorityDate}
            error={error('representative.authorityDate')}
            onChange={(e) => rep({ authorityDate: e.currentTarget.value })}
          />
        </SimpleGrid>
        <TextInput
          id={id('rep-note')}
          mt="xs"
          label={a.authorityNote}
          value={v.representative.authorityNote}
          error={error('representative.authorityNote')}
          onChange={(e) => rep({ authorityNote: e.currentTarget.value })}
        />
        <Checkbox
          id={id('rep-copies')}
          mt="xs"
          label={a.receivesCopies}
          checked={v.representative.receivesCopies}
          onChange={(e) => rep({ receivesCopies: e.currentTarget.checked })}
        />
      </Fieldset>
      <Fieldset legend={a.accessNeeds}>
        <Group>
          {ACCESS_NEEDS.map((need) => (
            <Checkbox
              key={need}
              id={id(`need-${need}`)}
              label={a.needs[need]}
              checked={v.accessNeeds.needs.includes(need)}
              onChange={(e) => needs({ needs: toggle(v.accessNeeds.needs, need, e.currentTarget.checked) })}
            />
          ))}
        </Group>
        <Textarea
          id={id('needs-note')}
          mt="xs"
          label={a.needsNote}
          value={v.accessNeeds.note}
          error={error('accessNeeds.needs') ?? error('accessNeeds.note')}
          onChange={(e) => needs({ note: e.currentTarget.value })}
        />
        <Checkbox
          id={id('consent')}
          mt="xs"
          label={a.consent}
          checked={v.accessNeeds.consentGiven}
          error={error('accessNeeds.consentGiven')}
          onChange={(e) => needs({ consentGiven: e.currentTarget.checked })}
        />
      </Fieldset>
    </Stack>
  );
}

/** The error summary's links for these fields: `pathPrefix` is '' on the case page, 'adjustments.' at intake. */
export function adjustmentSummaryFields(idPrefix: string, pathPrefix: string, a: Messages['adjustments']) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return [
    { path: 'preferredChannel', id: id('channel'), label: a.channel },
    { path: 'largePrint', id: id('large-print'), label: a.largePrint },
    { path: 'interpreterLanguage', id: id('interpreter'), label: a.interpreter },
    { path: 'callBack', id: id('callback-note'), label: a.callBack },
    { path: 'callBack.note', id: id('callback-note'), label: a.callBackNote },
    { path: 'callBack.dayParts', id: id('callback-note'), label: a.callBack },
    { path: 'representative.name', id: id('rep-name'), label: a.representativeName },
    { path: 'representative.contact', id: id('rep-contact'), label: a.representativeContact },
    { path: 'representative.authority', id: id('rep-authority'), label: a.authority },
    { path: 'representative.authorityNote', id: id('rep-note'), label: a.authorityNote },
    { path: 'representative.authorityDate', id: id('rep-date'), label: a.authorityDate },
    { path: 'accessNeeds.needs', id: id('needs-note'), label: a.accessNeeds },
    { path: 'accessNeeds.note', id: id('needs-note'), label: a.needsNote },
    { path: 'accessNeeds.consentGiven', id: id('consent'), label: a.consent },
  ].map((f) => ({ ...f, path: `${pathPrefix}${f.path}` }));
}
