import { Stack } from '@mantine/core';
import { useI18n } from '../../i18n/i18n.tsx';
import type { FieldErrors } from '../../lib/form-errors.ts';
import { ConfidentialReasonFields } from '../complaint/forms/ConfidentialityForms.tsx';
import type { IntakeValues } from './intake-form.ts';
import { YesNo } from './YesNo.tsx';

/** policy 1.3, 2.5: confidential only on purpose, and then with a reason. */
export function ConfidentialQuestion({
  values,
  set,
  errors,
}: {
  values: IntakeValues;
  set: (patch: Partial<IntakeValues>) => void;
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="sm">
      <YesNo
        name="intake-confidential"
        label={t.intake.confidential}
        description={t.intake.confidentialHint}
        value={values.confidential}
        onChange={(confidential) => set({ confidential })}
      />
      {values.confidential === 'yes' && (
        <ConfidentialReasonFields
          idPrefix="intake-confidential"
          reason={values.confidentialReason}
          text={values.confidentialReasonText}
          onReason={(confidentialReason) => set({ confidentialReason })}
          onText={(confidentialReasonText) => set({ confidentialReasonText })}
          reasonError={errors.confidentialReason?.[locale]}
          textError={errors.confidentialReasonText?.[locale]}
        />
      )}
    </Stack>
  );
}
