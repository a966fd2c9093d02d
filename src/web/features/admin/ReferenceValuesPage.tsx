import { Alert, Button, Checkbox, Code, NumberInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { REFERENCE_VALUE_KINDS, type ReferenceValue } from '../../../contract/reference-data.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem } from '../../lib/describe-error.ts';
import { fieldErrorsFromProblem } from '../../lib/form-errors.ts';
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

function ValueRow({ value }: { value: ReferenceValue }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState(value.label);
  const [sortOrder, setSortOrder] = useState<number | string>(value.sortOrder);
  const [active, setActive] = useState(value.active);
  const save = useMutation({
    mutationFn: () =>
      updateReferenceValue(value.kind, value.code, { label, sortOrder: Number(sortOrder), active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: valuesKey }),
  });
  const errors = save.error && isFieldProblem(save.error) ? fieldErrorsFromProblem(save.error) : {};
  const changed = label !== value.label || Number(sortOrder) !== value.sortOrder || active !== value.active;
  const id = `value-${value.kind}-${value.code}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Code>{value.code}</Code>
      </Table.Td>
      <Table.Td>
        <TextInput
          id={`${id}-label`}
          aria-label={t.admin.valueLabelFor(value.code)}
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          error={errors.label?.[locale]}
          miw={280}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          id={`${id}-order`}
          aria-label={t.admin.valueOrderFor(value.code)}
          value={sortOrder}
          onChange={setSortOrder}
          min={0}
          max={10_000}
          w={90}
          error={errors.sortOrder?.[locale]}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          id={`${id}-active`}
          aria-label={t.admin.valueActiveFor(value.code)}
          checked={active}
          onChange={(event) => setActive(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
          {t.admin.save}
        </Button>
        {save.isError && !isFieldProblem(save.error) && (
          <Alert color="red.9" variant="outline" role="alert" mt={4} p={4}>
            {describeApiError(save.error, locale, t)}
          </Alert>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
