import { Badge, Table, Text } from '@mantine/core';
import { labelOf } from '../../i18n/code-labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Messages } from '../../i18n/messages.nl.ts';
import type { ActionDetail } from './mt-api.ts';

/** Which complaints are counted, in words (the API's `basis` is Dutch only and names the category code). */
function basisText(scope: ActionDetail['scope'], t: Messages): string {
  const categories: Record<string, string> = t.people.categories;
  const parts = [
    scope.category ? t.mtReview.effectCategory(labelOf(categories, scope.category)) : null,
    scope.housingComplexId ? t.mtReview.effectSameComplex : null,
    scope.contractorId ? t.mtReview.effectSameContractor : null,
  ];
  return parts.filter((part) => part !== null).join(t.mtReview.effectAnd);
}

/**
 * How complaints of the same kind developed per quarter, so the MT sees whether the action worked; quarters
 * after completion are marked in words (and shading), not colour alone.
 */
export function EffectView({ action }: { action: ActionDetail }) {
  const { t } = useI18n();
  const effect = action.effect;
  if (effect === null) return <Text>{t.mtReview.effectNone}</Text>;
  return (
    <>
      <Text mb="xs">{t.mtReview.effectBasis(basisText(action.scope, t))}</Text>
      {action.status !== 'done' && (
        <Text size="sm" mb="xs">
          {t.mtReview.effectNotDone}
        </Text>
      )}
      <Table maw={520} data-testid="action-effect">
        <Table.Caption>{t.mtReview.effectCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.mtReview.quarter}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t.mtReview.complaints}
            </Table.Th>
            <Table.Th scope="col">{t.mtReview.period}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {effect.quarters.map((q) => (
            <Table.Tr key={q.quarter} bg={q.afterCompletion ? 'var(--mantine-color-green-0)' : undefined}>
              <Table.Th scope="row" fw={400}>
                {q.quarter}
              </Table.Th>
              <Table.Td ta="right">{q.count}</Table.Td>
              <Table.Td>
                {q.afterCompletion ? (
                  <Badge color="#1b5e20" variant="outline">
                    {t.mtReview.afterCompletion}
                  </Badge>
                ) : (
                  t.mtReview.beforeCompletion
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
