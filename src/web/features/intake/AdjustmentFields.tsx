import { Checkbox, Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import type { IntakeValues } from './intake-form.ts';

/**
 * Issue 26 (decision 051): what the caller or visitor asks for, heard at intake — the preferred channel, large
 * print, an interpreter. Sent with the registration, stored in its transaction (decision 052); the case page's "Aanpassingen" records the rest.
 */
export function AdjustmentFields({
  values,
  set,
  errors,
}: {
  values: IntakeValues;
  set: (changes: Partial<IntakeValues>) => void;
  /** Issue 26 (decision 052): they go with the registration, so its refusals name them under `adjustments.` */
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  const error = (path: string) => errors[`adjustments.${path}`]?.[locale];
  const a = t.adjustments;
  return (
    <Fieldset legend={a.title} variant="filled" p="sm" mt="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          id="intake-adjustment-channel"
          label={a.channel}
          error={error('preferredChannel') ?? errors.adjustments?.[locale]}
          value={values.adjustmentChannel}
          data={[
            { value: '', label: a.noPreference },
            ...CONTACT_CHANNELS.map((c) => ({ value: c, label: a.channels[c] })),
          ]}
          onChange={(event) => set({ adjustmentChannel: event.currentTarget.value as ContactChannel | '' })}
        />
        <TextInput
          id="intake-adjustment-interpreter"
          label={a.interpreter}
          error={error('interpreterLanguage')}
          value={values.adjustmentInterpreter}
          onChange={(event) => set({ adjustmentInterpreter: event.currentTarget.value })}
        />
      </SimpleGrid>
      <Checkbox
        id="intake-adjustment-large-print"
        mt="sm"
        label={a.largePrint}
        error={error('largePrint')}
        checked={values.adjustmentLargePrint}
        onChange={(event) => set({ adjustmentLargePrint: event.currentTarget.checked })}
      />
    </Fieldset>
  );
}
