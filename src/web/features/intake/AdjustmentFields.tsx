import { Alert, Button, Collapse, Fieldset, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { AdjustmentsSummary } from '../complaint/AdjustmentsSummary.tsx';
import { usePersonAdjustments } from '../complaint/adjustments-api.ts';
import { AdjustmentFieldGroups } from '../complaint/forms/AdjustmentFieldGroups.tsx';
import type { IntakeValues } from './intake-form.ts';
import { toAdjustments } from './intake-form.ts';

export const INTAKE_ADJUSTMENT_ID_PREFIX = 'intake-adjustment';

/**
 * Issue 26 (decisions 051, 052): every adjustment the caller or visitor asks for, in the case page's own field
 * groups, folded away behind "Aanpassingen voor deze klager" so a phone intake stays fast. Sent with the
 * registration and stored in its transaction; its refusals come back under `adjustments.` and open the section.
 * A picked complainant's recorded adjustments are shown above it, read-only, so staff don't ask again.
 */
export function AdjustmentFields({
  values,
  set,
  errors,
}: {
  values: IntakeValues;
  set: (changes: Partial<IntakeValues>) => void;
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  const a = t.adjustments;
  const [open, setOpen] = useState(false);
  const hasErrors = Object.keys(errors).some(
    (path) => path === 'adjustments' || path.startsWith('adjustments.'),
  );
  const opened = open || hasErrors;
  const asked = toAdjustments(values);
  const filled = asked
    ? [
        asked.preferredChannel,
        asked.largePrint,
        asked.interpreterLanguage,
        asked.callBack,
        asked.representative,
        asked.accessNeeds,
      ].filter(Boolean).length
    : 0;
  const bodyId = `${INTAKE_ADJUSTMENT_ID_PREFIX}-section`;
  const current = usePersonAdjustments(values.newPerson ? '' : values.complainantId).data;
  const recorded = current && current.personId === values.complainantId && current.records.length > 0;
  return (
    <Fieldset variant="filled" p="sm" mt="sm" data-testid="intake-adjustments">
      <Group gap="sm">
        <Button
          variant="subtle"
          px={0}
          aria-expanded={opened}
          aria-controls={bodyId}
          onClick={() => setOpen(!opened)}
        >
          {opened ? '▾' : '▸'} {a.intakeToggle}
        </Button>
        {filled > 0 && (
          <Text size="sm" c="dimmed">
            {a.intakeFilled(filled)}
          </Text>
        )}
      </Group>
      {recorded && (
        <Alert
          variant="light"
          color="blue"
          title={a.intakeCurrent}
          my="xs"
          data-testid="intake-current-adjustments"
        >
          <AdjustmentsSummary adjustments={current.adjustments} />
          <Text size="xs" mt="xs">
            {a.intakeCurrentHint}
          </Text>
        </Alert>
      )}
      {!opened && (
        <Text size="sm" c="dimmed">
          {a.intakeHint}
        </Text>
      )}
      <Collapse expanded={opened} id={bodyId}>
        {errors.adjustments?.[locale] && (
          <Text size="sm" c="red.8" role="alert" mb="xs">
            {errors.adjustments[locale]}
          </Text>
        )}
        <AdjustmentFieldGroups
          idPrefix={INTAKE_ADJUSTMENT_ID_PREFIX}
          value={values.adjustments}
          onChange={(adjustments) => set({ adjustments })}
          error={(path) => errors[`adjustments.${path}`]?.[locale]}
        />
      </Collapse>
    </Fieldset>
  );
}
