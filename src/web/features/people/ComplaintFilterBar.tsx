import { Button, Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from '../../../domain/index.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ComplaintFilterValues, NO_FILTERS } from './complaint-filters.ts';

const STATUS_CODES = Object.keys(COMPLAINT_STATUSES) as (keyof typeof COMPLAINT_STATUSES)[];
const CATEGORY_CODES = Object.keys(COMPLAINT_CATEGORIES) as (keyof typeof COMPLAINT_CATEGORIES)[];

/** Filters of a complaint list; applied on submit, so typing does not fire a request per key. */
export function ComplaintFilterBar({
  idPrefix,
  onApply,
}: {
  idPrefix: string;
  onApply: (values: ComplaintFilterValues) => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(NO_FILTERS);
  const set = <K extends keyof ComplaintFilterValues>(key: K, value: ComplaintFilterValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <form role="search"> keeps its form semantics; not every screen reader announces <search> yet
    <form onSubmit={onSubmit} noValidate aria-label={t.people.filtersLabel} role="search">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          id={`${idPrefix}-q`}
          label={t.people.filterSearch}
          value={values.q}
          onChange={(event) => set('q', event.currentTarget.value)}
          maxLength={200}
        />
        <NativeSelect
          id={`${idPrefix}-status`}
          label={t.people.filterStatus}
          value={values.status}
          onChange={(event) => set('status', event.currentTarget.value)}
          data={[
            { value: '', label: t.people.filterAll },
            ...STATUS_CODES.map((code) => ({ value: code, label: t.people.statuses[code] })),
          ]}
        />
        <NativeSelect
          id={`${idPrefix}-category`}
          label={t.people.filterCategory}
          value={values.category}
          onChange={(event) => set('category', event.currentTarget.value)}
          data={[
            { value: '', label: t.people.filterAll },
            ...CATEGORY_CODES.map((code) => ({ value: code, label: t.people.categories[code] })),
          ]}
        />
        <TextInput
          id={`${idPrefix}-from`}
          type="date"
          label={t.people.filterFrom}
          value={values.receivedFrom}
          onChange={(event) => set('receivedFrom', event.currentTarget.value)}
        />
        <TextInput
          id={`${idPrefix}-to`}
          type="date"
          label={t.people.filterTo}
          value={values.receivedTo}
          onChange={(event) => set('receivedTo', event.currentTarget.value)}
        />
        <Checkbox
          id={`${idPrefix}-overdue`}
          label={t.people.filterOverdue}
          checked={values.overdue}
          onChange={(event) => set('overdue', event.currentTarget.checked)}
          mb={8}
        />
        <Button type="submit">{t.people.filterApply}</Button>
        <Button
          variant="subtle"
          onClick={() => {
            setValues(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          {t.people.filterReset}
        </Button>
      </Group>
    </form>
  );
}
