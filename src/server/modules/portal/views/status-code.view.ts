import type { PortalMessages } from '../i18n/messages.ts';
import { errorSummary, textInput } from './fields.ts';
import { html, type SafeHtml } from './html.ts';

/** Issue 21: the form where a tenant types the code and reference from their letter. */
export function statusCodeView(model: {
  t: PortalMessages;
  action: string;
  formToken: string;
  values: { code?: string; reference?: string };
  problems: readonly { field: string; message: string }[];
}): SafeHtml {
  const { t } = model;
  const errors = Object.fromEntries(model.problems.map((p) => [p.field, p.message]));
  return html`<h1>${t.codeTitle}</h1>
${errorSummary(t, model.problems)}
<p class="lead">${t.codeIntro}</p>
<form method="post" action="${model.action}" novalidate>
<input type="hidden" name="formToken" value="${model.formToken}">
${textInput({ t, errors, name: 'code', label: t.codeLabel, hint: t.codeHint, value: model.values.code, autocomplete: 'off', width: 'medium' })}
${textInput({ t, errors, name: 'reference', label: t.codeReferenceLabel, hint: t.codeReferenceHint, value: model.values.reference, autocomplete: 'off', width: 'medium' })}
<button type="submit" class="button">${t.codeSubmit}</button>
</form>
<p class="small">${t.codeEmailNote}</p>`;
}
