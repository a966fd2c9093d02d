import { Group, Radio } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { YesNo as Answer } from './intake-form.ts';

/** A policy question answered yes or no: one radio group, arrow keys switch the answer. */
export function YesNo({
  name,
  label,
  description,
  value,
  onChange,
}: {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  value: Answer;
  onChange: (value: Answer) => void;
}) {
  const { t } = useI18n();
  return (
    <Radio.Group
      name={name}
      label={label}
      description={description}
      value={value}
      onChange={(next) => onChange(next === 'yes' ? 'yes' : 'no')}
    >
      <Group mt={4}>
        <Radio value="no" label={t.complaint.no} />
        <Radio value="yes" label={t.complaint.yes} />
      </Group>
    </Radio.Group>
  );
}
