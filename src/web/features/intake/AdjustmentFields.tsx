import { Checkbox, Fieldset, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { IntakeValues } from './intake-form.ts';

/**
 * Issue 26 (decision 051): what the caller or visitor asks for, heard at intake — the preferred channel, large
 * print, an interpreter. Saved with the complaint; the case page's "Aanpassingen" records the rest.
 */
export function AdjustmentFields({
  values,
  set,
}: {
  values: IntakeValues;
  set: (changes: Partial<IntakeValues>) => void;
}) {
  const { t } = useI18n();
  const a = t.adjustments;
  return (
    <Fieldset legend={a.title} variant="filled" p="sm" mt="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          id="intake-adjustment-channel"
          label={a.channel}
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
          value={values.adjustmentInterpreter}
          onChange={(event) => set({ adjustmentInterpreter: event.currentTarget.value })}
        />
      </SimpleGrid>
      <Checkbox
        id="intake-adjustment-large-print"
        mt="sm"
        label={a.largePrint}
        checked={values.adjustmentLargePrint}
        onChange={(event) => set({ adjustmentLargePrint: event.currentTarget.checked })}
      />
    </Fieldset>
  );
}
