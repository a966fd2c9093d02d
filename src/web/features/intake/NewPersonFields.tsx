import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { AddressLookup } from './AddressLookup.tsx';
import type { IntakeValues } from './intake-form.ts';

/** An unknown caller is entered inline; the person is created together with the complaint. */
export function NewPersonFields({
  values,
  set,
  errors,
  onCancel,
}: {
  values: IntakeValues;
  set: (changes: Partial<IntakeValues>) => void;
  errors: FieldErrors;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          id="intake-new-name"
          label={t.intake.newPersonName}
          required
          autoComplete="off"
          // Entering a new caller starts here; the button that opened these fields is gone.
          autoFocus
          value={values.newPersonName}
          error={errors['complainant.name']?.[locale]}
          onChange={(event) => set({ newPersonName: event.currentTarget.value })}
        />
        <TextInput
          id="intake-new-phone"
          type="tel"
          label={`${t.intake.newPersonPhone} ${t.complaint.optional}`}
          autoComplete="off"
          value={values.newPersonPhone}
          error={errors['complainant.phone']?.[locale]}
          onChange={(event) => set({ newPersonPhone: event.currentTarget.value })}
        />
        <TextInput
          id="intake-new-email"
          type="email"
          label={`${t.intake.newPersonEmail} ${t.complaint.optional}`}
          autoComplete="off"
          value={values.newPersonEmail}
          error={errors['complainant.email']?.[locale]}
          onChange={(event) => set({ newPersonEmail: event.currentTarget.value })}
        />
        <NativeSelect
          id="intake-new-relation"
          label={t.intake.newPersonRelation}
          value={values.newPersonRelation}
          data={(['tenant', 'prospective_tenant', 'buyer', 'other'] as const).map((r) => ({
            value: r,
            label: t.intake.relation[r],
          }))}
          onChange={(event) =>
            set({ newPersonRelation: event.currentTarget.value as IntakeValues['newPersonRelation'] })
          }
        />
      </SimpleGrid>
      <AddressLookup values={values} set={set} errors={errors} />
      <Group>
        <Button variant="subtle" size="compact-sm" onClick={onCancel}>
          {t.intake.personChange}
        </Button>
      </Group>
    </Stack>
  );
}
