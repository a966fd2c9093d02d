import { Checkbox, Fieldset, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import type { IntakeValues } from './intake-form.ts';

/** policy 1.1: a relative or someone else may complain on the complainant's behalf; their consent is noted. */
export function RepresentativeFields({
  values,
  set,
  errors,
}: {
  values: IntakeValues;
  set: (changes: Partial<IntakeValues>) => void;
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  const r = t.intake.representative;
  const error = (field: string) => errors[`representative.${field}`]?.[locale];
  return (
    <Stack gap="sm" mt="sm">
      <Checkbox
        id="intake-has-representative"
        label={r.toggle}
        description={r.toggleHint}
        checked={values.hasRepresentative}
        onChange={(event) => set({ hasRepresentative: event.currentTarget.checked })}
      />
      {values.hasRepresentative && (
        <Fieldset legend={r.title} variant="filled" p="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              id="intake-rep-name"
              label={r.name}
              required
              autoComplete="off"
              value={values.representativeName}
              error={error('name')}
              onChange={(event) => set({ representativeName: event.currentTarget.value })}
            />
            <TextInput
              id="intake-rep-relation"
              label={r.relation}
              description={r.relationHint}
              required
              autoComplete="off"
              value={values.representativeRelation}
              error={error('relation')}
              onChange={(event) => set({ representativeRelation: event.currentTarget.value })}
            />
            <TextInput
              id="intake-rep-phone"
              type="tel"
              label={`${r.phone} ${t.complaint.optional}`}
              autoComplete="off"
              value={values.representativePhone}
              error={error('phone')}
              onChange={(event) => set({ representativePhone: event.currentTarget.value })}
            />
            <TextInput
              id="intake-rep-email"
              type="email"
              label={`${r.email} ${t.complaint.optional}`}
              autoComplete="off"
              value={values.representativeEmail}
              error={error('email')}
              onChange={(event) => set({ representativeEmail: event.currentTarget.value })}
            />
          </SimpleGrid>
          <Checkbox
            id="intake-rep-consent"
            mt="sm"
            label={r.consent}
            checked={values.representativeConsent}
            onChange={(event) => set({ representativeConsent: event.currentTarget.checked })}
          />
        </Fieldset>
      )}
    </Stack>
  );
}
