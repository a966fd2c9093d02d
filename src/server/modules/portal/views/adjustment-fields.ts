import { ACCESS_NEEDS } from '../../../../domain/index.ts';
import { PORTAL_AUTHORITIES } from '../forms/complaint-form.ts';
import type { PortalMessages } from '../i18n/messages.ts';
import { checkbox, type FieldErrors, radios, textArea, textInput } from './fields.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * Issue 26 (decision 052): the adjustments a complainant can ask for on the form — large print, an interpreter,
 * someone who acts for them, help with reading or hearing (kept only with their consent, AVG art. 9(2)(a)).
 * The preferred channel is the form's own "Hoe wilt u het liefst contact?": "Brief" sends every message by post.
 * Every part is optional; each group is a fieldset with its legend, errors sit above their field.
 */
export function adjustmentFields(
  t: PortalMessages,
  values: Record<string, string>,
  errors: FieldErrors,
): SafeHtml {
  const a = t.adjust;
  const common = { t, errors };
  return html`<section aria-labelledby="adjust-title" data-adjustments>
<h2 id="adjust-title">6. ${a.legend}</h2>
<p class="hint">${a.hint}</p>
<p class="hint">${a.channelNote}</p>
${checkbox({ ...common, name: 'largePrint', label: a.largePrint, value: values.largePrint, checkedValue: 'yes' })}
${textInput({
  ...common,
  name: 'interpreterLanguage',
  label: a.interpreter,
  value: values.interpreterLanguage,
  width: 'medium',
  optional: true,
})}
<fieldset class="group">
<legend>${a.representativeLegend}</legend>
<p class="hint">${a.representativeHint}</p>
${textInput({ ...common, name: 'repName', label: a.representativeName, value: values.repName, optional: true })}
${textInput({
  ...common,
  name: 'repContact',
  label: a.representativeContact,
  value: values.repContact,
  optional: true,
})}
${radios({
  ...common,
  name: 'repAuthority',
  label: a.authorityLegend,
  value: values.repAuthority,
  options: PORTAL_AUTHORITIES.map((authority) => ({ value: authority, label: a.authorities[authority] })),
  optional: true,
})}
${checkbox({ ...common, name: 'repCopies', label: a.receivesCopies, value: values.repCopies, checkedValue: 'yes' })}
</fieldset>
<fieldset class="group" aria-describedby="needs-hint">
<legend>${a.needsLegend}</legend>
<p class="hint" id="needs-hint">${a.needsHint}</p>
${ACCESS_NEEDS.map((need) =>
  checkbox({
    ...common,
    name: `need_${need}`,
    label: a.needs[need],
    value: values[`need_${need}`],
    checkedValue: 'yes',
  }),
)}
${textArea({ ...common, name: 'needsNote', label: a.needsNote, value: values.needsNote, rows: 2, maxLength: 300, optional: true })}
${checkbox({ ...common, name: 'needsConsent', label: a.needsConsent, value: values.needsConsent, checkedValue: 'yes' })}
</fieldset>
</section>`;
}
