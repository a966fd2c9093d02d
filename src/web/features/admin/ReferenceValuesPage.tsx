import { Button, Checkbox, Code, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { REFERENCE_VALUE_KINDS, type ReferenceValue } from '../../../contract/reference-data.ts';
import { FormFailure } from '../../components/forms/FormNotices.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { fetchReferenceValues, updateReferenceValue } from './admin-api.ts';

const valuesKey = ['reference-values'];

/** The policy's code lists: codes are fixed, the organisation chooses labels, order and what is offered. */
export function ReferenceValuesPage() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.valuesTitle);
  const values = useQuery({ queryKey: valuesKey, queryFn: fetchReferenceValues });
  return (
    <Stack gap="lg">
      <Title order={1}>{t.admin.valuesTitle}</Title>
      <p>{t.admin.valuesIntro}</p>
      <QueryState query={values}>
        {(list) => (
          <>
            {REFERENCE_VALUE_KINDS.map((kind) => (
              <section key={kind} aria-labelledby={`values-${kind}`}>
                <Title order={2} size="h3" id={`values-${kind}`} mb="sm">
                  {t.admin.valueKinds[kind]}
                </Title>
                <Table.ScrollContainer minWidth={760}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t.admin.valueCode}</Table.Th>
                        <Table.Th scope="col">{t.admin.valueLabel}</Table.Th>
                        <Table.Th scope="col">{t.admin.valueOrder}</Table.Th>
                        <Table.Th scope="col">{t.admin.valueActive}</Table.Th>
                        <Table.Th scope="col">{t.admin.actions}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list
                        .filter((value) => value.kind === kind)
                        .map((value) => (
                          <ValueRow
                            key={`${value.code}-${value.label}-${value.sortOrder}-${value.active}`}
                            value={value}
                          />
                        ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </section>
            ))}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** One code as a row that saves on its own: errors stay in the row (a summary above the table would be lost). */
function ValueRow({ value }: { value: ReferenceValue }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const id = `value-${value.kind}-${value.code}`;
  const form = useEntityForm({
    initial: { label: value.label, sortOrder: value.sortOrder as number | string, active: value.active },
    fields: {
      label: { id: `${id}-label`, label: t.admin.valueLabelFor(value.code) },
      sortOrder: { id: `${id}-order`, label: t.admin.valueOrderFor(value.code) },
      active: { id: `${id}-active`, label: t.admin.valueActiveFor(value.code) },
    },
    toInput: (v) => ({ ...v, sortOrder: Number(v.sortOrder) }),
    submit: (input) => updateReferenceValue(value.kind, value.code, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valuesKey }),
  });
  const { label, sortOrder, active } = form.values;
  const changed = label !== value.label || Number(sortOrder) !== value.sortOrder || active !== value.active;
  return (
    <Table.Tr>
      <Table.Td>
        <Code>{value.code}</Code>
      </Table.Td>
      <Table.Td>
        <TextInput aria-label={t.admin.valueLabelFor(value.code)} miw={280} {...form.text('label')} />
      </Table.Td>
      <Table.Td>
        <NumberInput
          id={`${id}-order`}
          aria-label={t.admin.valueOrderFor(value.code)}
          value={sortOrder}
          onChange={(next) => form.setValue('sortOrder', next)}
          min={0}
          max={10_000}
          w={90}
          error={form.error('sortOrder')}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox aria-label={t.admin.valueActiveFor(value.code)} {...form.checkbox('active')} />
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" disabled={!changed} loading={form.isPending} onClick={() => form.submit()}>
          {t.admin.save}
        </Button>
        <FormFailure message={form.failure} mt={4} p={4} />
      </Table.Td>
    </Table.Tr>
  );
}
