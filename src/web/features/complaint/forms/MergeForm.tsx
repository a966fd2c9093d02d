import { Loader, Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { mergeInput } from '../../../../contract/complaints.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { complaintKeys, fetchLikelyDuplicates } from '../../complaints/complaints-api.ts';
import { formatDay } from '../../complaints/format.ts';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** Issue 22 (decision 035): this complaint, received twice, merged into the other one (which survives). */
export function MergeForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const m = t.complaint.merge;
  const query = { complaintId: props.complaint.id };
  const duplicates = useQuery({
    queryKey: complaintKeys.likelyDuplicates(query),
    queryFn: () => fetchLikelyDuplicates(query),
  });
  const options = (duplicates.data ?? []).filter((d) => d.mergeable);
  const [into, setInto] = useState('');
  const chosen = into || (options.length === 1 ? (options[0]?.id ?? '') : '');
  return (
    <ActionForm
      {...props}
      path="merge"
      schema={mergeInput}
      body={() => ({ intoComplaintId: chosen })}
      fields={[{ path: 'intoComplaintId', id: 'merge-into', label: m.choose }]}
      submitLabel={m.submit}
    >
      {(errors) => (
        <Stack gap="sm">
          <Text size="sm">{m.intro}</Text>
          {duplicates.isPending ? (
            <Loader size="sm" aria-label={t.app.loading} />
          ) : options.length === 0 ? (
            <Text size="sm" data-testid="merge-none">
              {m.none}
            </Text>
          ) : (
            <Radio.Group
              id="merge-into"
              label={m.choose}
              value={chosen}
              onChange={setInto}
              error={errors.intoComplaintId?.[locale]}
            >
              <Stack gap="xs" mt={4}>
                {options.map((d) => (
                  <Radio
                    key={d.id}
                    value={d.id}
                    label={m.option(d.reference, formatDay(d.receivedAt, locale))}
                    description={d.description.slice(0, 160)}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
        </Stack>
      )}
    </ActionForm>
  );
}
