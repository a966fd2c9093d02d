import type { PortalMessages } from '../i18n/messages.ts';
import { html, type SafeHtml } from './html.ts';

// Form controls with their label, hint and error wired together (aria-describedby, aria-invalid), in the
// pattern of the GOV.UK and NL Design System forms: the error sits above the field, prefixed "Fout:".

export type FieldErrors = Record<string, string>;

type Common = {
  t: PortalMessages;
  name: string;
  label: string;
  hint?: string | undefined;
  value?: string | undefined;
  errors: FieldErrors;
  optional?: boolean;
};

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function hintAndError(t: PortalMessages, id: string, hint: string | undefined, error: string | undefined) {
  return html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : ''}${
    error
      ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">${t.errorPrefix}</span> ${error}</p>`
      : ''
  }`;
}

function labelText(common: Common) {
  return html`${common.label}${common.optional ? html` <span class="optional">${common.t.optional}</span>` : ''}`;
}

export function textInput(
  common: Common & { type?: string; autocomplete?: string; inputmode?: string; width?: 'short' | 'medium' },
): SafeHtml {
  const { t, name, hint, errors } = common;
  const error = errors[name];
  const aria = describedBy(name, hint, error);
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${name}">${labelText(common)}</label>
${hintAndError(t, name, hint, error)}
<input id="${name}" name="${name}" type="${common.type ?? 'text'}" value="${common.value ?? ''}"${
    common.autocomplete ? html` autocomplete="${common.autocomplete}"` : ''
  }${common.inputmode ? html` inputmode="${common.inputmode}"` : ''}${
    common.width ? html` class="width-${common.width}"` : ''
  }${aria ? html` aria-describedby="${aria}"` : ''}${error ? html` aria-invalid="true"` : ''}${
    common.optional ? '' : html` aria-required="true"`
  }>
</div>`;
}

/** A file field that takes several files; works without JavaScript in a multipart/form-data form. */
export function fileInput(common: Common & { accept: string }): SafeHtml {
  const { t, name, hint, errors } = common;
  const error = errors[name];
  const aria = describedBy(name, hint, error);
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${name}">${labelText(common)}</label>
${hintAndError(t, name, hint, error)}
<input id="${name}" name="${name}" type="file" multiple accept="${common.accept}"${
    aria ? html` aria-describedby="${aria}"` : ''
  }${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

export function textArea(common: Common & { rows?: number; maxLength: number }): SafeHtml {
  const { t, name, hint, errors } = common;
  const error = errors[name];
  const aria = describedBy(name, hint, error);
  return html`<div class="field${error ? ' has-error' : ''}">
<label for="${name}">${labelText(common)}</label>
${hintAndError(t, name, hint, error)}
<textarea id="${name}" name="${name}" rows="${common.rows ?? 6}" data-maxlength="${common.maxLength}"${
    aria ? html` aria-describedby="${aria}"` : ''
  }${error ? html` aria-invalid="true"` : ''}${common.optional ? '' : html` aria-required="true"`}>${common.value ?? ''}</textarea>
</div>`;
}

export function radios(
  common: Common & { options: readonly { value: string; label: string }[]; inline?: boolean },
): SafeHtml {
  const { t, name, hint, errors } = common;
  const error = errors[name];
  const aria = describedBy(name, hint, error);
  return html`<div class="field${error ? ' has-error' : ''}">
<fieldset class="radios${common.inline ? ' inline' : ''}"${aria ? html` aria-describedby="${aria}"` : ''}>
<legend>${labelText(common)}</legend>
${hintAndError(t, name, hint, error)}
${common.options.map(
  (option) => html`<div class="choice">
<input type="radio" id="${name}-${option.value}" name="${name}" value="${option.value}"${
    common.value === option.value ? html` checked` : ''
  }>
<label for="${name}-${option.value}">${option.label}</label>
</div>`,
)}
</fieldset>
</div>`;
}

export function checkbox(common: Common & { checkedValue: string }): SafeHtml {
  const { t, name, errors } = common;
  const error = errors[name];
  return html`<div class="field${error ? ' has-error' : ''}">
${hintAndError(t, name, undefined, error)}
<div class="choice">
<input type="checkbox" id="${name}" name="${name}" value="${common.checkedValue}"${
    common.value === common.checkedValue ? html` checked` : ''
  }${error ? html` aria-invalid="true" aria-describedby="${name}-error"` : ''}>
<label for="${name}">${common.label}</label>
</div>
</div>`;
}

/** The list of problems at the top: each links to its field; focused on arrival so it is read out first. */
export function errorSummary(
  t: PortalMessages,
  problems: readonly { field: string; message: string }[],
  anchor: (field: string) => string = (field) => field,
): SafeHtml {
  if (problems.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus data-error-summary>
<h2 id="error-summary-title">${t.errorSummaryTitle}</h2>
<p>${t.errorSummaryIntro}</p>
<ul>
${problems.map((p) => html`<li><a href="#${anchor(p.field)}">${p.message}</a></li>`)}
</ul>
</div>`;
}

export function notice(text: string, kind: 'info' | 'success' = 'info'): SafeHtml {
  return html`<div class="notice notice-${kind}" role="status"><p>${text}</p></div>`;
}
