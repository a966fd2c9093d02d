import { NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { changeComplainantLocaleInput } from '../../../../contract/complaints.ts';
import { TENANT_LOCALES, type TenantLocale } from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** Issue 21, policy 1.1: the language later mails and letters to the complainant are written in. */
export function ComplainantLocaleForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const current = props.complaint.complainantLocale;
  const [next, setNext] = useState<TenantLocale>(TENANT_LOCALES.find((l) => l !== current) ?? current);
  return (
    <ActionForm
      {...props}
      path="complainant-locale"
      schema={changeComplainantLocaleInput}
      body={() => ({ locale: next })}
      fields={[{ path: 'locale', id: 'complainant-locale-new', label: t.backOffice.newLanguage }]}
      submitLabel={t.backOffice.saveLanguage}
    >
      {(errors) => (
        <>
          <Text size="sm">{t.backOffice.currentLanguage(t.intake.languages[current])}</Text>
          <NativeSelect
            id="complainant-locale-new"
            label={t.backOffice.newLanguage}
            description={t.backOffice.languageHint}
            value={next}
            data={TENANT_LOCALES.map((l) => ({ value: l, label: t.intake.languages[l] }))}
            error={errors.locale?.[locale]}
            onChange={(event) => setNext(event.currentTarget.value as TenantLocale)}
          />
        </>
      )}
    </ActionForm>
  );
}
