import { NativeSelect, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { changeHousingComplexInput } from '../../../../contract/complaints.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { searchComplexes } from '../../people/people-api.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** policy 2.2: the complaint's housing complex is corrected with a reason, kept on the timeline. */
export function HousingComplexForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const current = props.complaint.housingComplex;
  const complexes = useQuery({
    queryKey: ['housing-complexes', 'all'],
    queryFn: () => searchComplexes({ limit: 200 }),
  });
  const [complexId, setComplexId] = useState(current?.id ?? '');
  const [reason, setReason] = useState('');
  const options = [
    { value: '', label: t.backOffice.noComplexOption },
    ...(complexes.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.complexNumber} ${c.name}` })),
  ];
  return (
    <ActionForm
      {...props}
      path="housing-complex"
      schema={changeHousingComplexInput}
      body={() => ({ housingComplexId: complexId || null, reason })}
      fields={[
        { path: 'housingComplexId', id: 'complex-new', label: t.backOffice.newComplex },
        { path: 'reason', id: 'complex-reason', label: t.backOffice.changeReason },
      ]}
      submitLabel={t.backOffice.saveComplex}
    >
      {(errors) => (
        <>
          <Text size="sm">
            {t.backOffice.currentComplex(
              current ? `${current.complexNumber} ${current.name}` : t.backOffice.noComplex,
            )}
          </Text>
          <NativeSelect
            id="complex-new"
            label={t.backOffice.newComplex}
            value={complexId}
            data={options}
            error={errors.housingComplexId?.[locale]}
            onChange={(event) => setComplexId(event.currentTarget.value)}
          />
          <Textarea
            id="complex-reason"
            label={t.backOffice.changeReason}
            required
            autosize
            minRows={2}
            value={reason}
            error={errors.reason?.[locale]}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}
