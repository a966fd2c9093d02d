import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { normalizePostcode, POSTCODE_PATTERN, type Unit } from '../../../contract/reference-data.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { lookUpAddress } from '../people/people-api.ts';
import type { IntakeValues } from './intake-form.ts';

const describeUnit = (u: Unit) =>
  `${u.street} ${u.houseNumber}${u.houseNumberAddition ?? ''}, ${u.postcode.slice(0, 4)} ${u.postcode.slice(4)} ${u.place}`;

const fromUnit = (u: Unit): Partial<IntakeValues> => ({
  newPersonUnitId: u.id,
  newPersonStreet: u.street,
  newPersonPlace: u.place,
  newPersonAddition: u.houseNumberAddition ?? '',
});

const LET_GO: Partial<IntakeValues> = { newPersonUnitId: '', newPersonStreet: '', newPersonPlace: '' };

/**
 * Issue 22: a new caller's address by postcode and house number (+ addition), looked up in the imported units;
 * one match fills street, place, unit and (through the unit) the housing complex. No match: typed by hand.
 */
export function AddressLookup({
  values,
  set,
  errors,
}: {
  values: IntakeValues;
  set: (changes: Partial<IntakeValues>) => void;
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  const a = t.intake.address;
  const postcode = normalizePostcode(values.newPersonPostcode);
  const houseNumber = values.newPersonHouseNumber.trim();
  const complete = POSTCODE_PATTERN.test(postcode) && /^[1-9][0-9]{0,4}$/.test(houseNumber);
  const [address] = useDebouncedValue(
    { postcode, houseNumber, addition: values.newPersonAddition.trim() },
    250,
  );
  const lookup = useQuery({
    queryKey: ['address-lookup', address],
    queryFn: () => lookUpAddress(address),
    enabled: complete && address.postcode === postcode && address.houseNumber === houseNumber,
    staleTime: 5 * 60_000,
  });
  const units = complete ? (lookup.data?.items ?? []) : [];
  const only = units.length === 1 ? units[0] : undefined;
  const chosen = units.find((u) => u.id === values.newPersonUnitId);

  // One unit at the address: take it. A changed address lets go of a unit that is no longer there.
  useEffect(() => {
    if (only && values.newPersonUnitId !== only.id) set(fromUnit(only));
    else if (values.newPersonUnitId && (!complete || (lookup.data && units.length === 0))) set(LET_GO);
  }, [only, complete, lookup.data, units.length, values.newPersonUnitId, set]);

  const postcodeError =
    errors['complainant.postcode']?.[locale] ??
    (values.newPersonPostcode.trim() &&
    !POSTCODE_PATTERN.test(postcode) &&
    values.newPersonPostcode.length >= 6
      ? a.postcodeInvalid
      : undefined);

  return (
    <Stack gap="xs" data-testid="intake-address">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          id="intake-new-postcode"
          label={`${a.postcode} ${t.complaint.optional}`}
          autoComplete="off"
          value={values.newPersonPostcode}
          error={postcodeError}
          onChange={(event) => set({ newPersonPostcode: event.currentTarget.value })}
        />
        <TextInput
          id="intake-new-house-number"
          label={a.houseNumber}
          inputMode="numeric"
          autoComplete="off"
          value={values.newPersonHouseNumber}
          onChange={(event) => set({ newPersonHouseNumber: event.currentTarget.value })}
        />
        <TextInput
          id="intake-new-addition"
          label={`${a.addition} ${t.complaint.optional}`}
          autoComplete="off"
          value={values.newPersonAddition}
          onChange={(event) => set({ newPersonAddition: event.currentTarget.value, newPersonUnitId: '' })}
        />
      </SimpleGrid>
      {units.length > 1 && !chosen && (
        <Stack gap={4} data-testid="intake-address-choices">
          <Text size="sm">{a.several}</Text>
          <Group gap="xs">
            {units.map((u) => (
              <Button key={u.id} variant="default" size="compact-sm" onClick={() => set(fromUnit(u))}>
                {describeUnit(u)}
              </Button>
            ))}
          </Group>
        </Stack>
      )}
      {complete && lookup.data && units.length === 0 && (
        <Alert variant="light" color="gray" data-testid="intake-address-unknown">
          {a.notFound}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          id="intake-new-street"
          label={a.street}
          autoComplete="off"
          readOnly={Boolean(values.newPersonUnitId)}
          value={values.newPersonStreet}
          onChange={(event) => set({ newPersonStreet: event.currentTarget.value })}
        />
        <TextInput
          id="intake-new-place"
          label={a.place}
          autoComplete="off"
          readOnly={Boolean(values.newPersonUnitId)}
          value={values.newPersonPlace}
          onChange={(event) => set({ newPersonPlace: event.currentTarget.value })}
        />
      </SimpleGrid>
      {(chosen ?? only) && (
        <Text size="sm" aria-live="polite" data-testid="intake-address-found">
          {a.found(describeUnit((chosen ?? only) as Unit))}
        </Text>
      )}
    </Stack>
  );
}
