import type { FieldProblem, FormValues } from '../forms/complaint-form.ts';
import type { PortalMessages } from '../i18n/messages.ts';
import { errorSummary, notice, radios, textArea } from './fields.ts';
import { html, multiline, type SafeHtml } from './html.ts';

export type StatusMessage = {
  title: string;
  at: string;
  from: 'us' | 'you';
  text: string | null;
  extra: string | null;
};

export type SatisfactionModel =
  | { state: 'not_yet' }
  | {
      state: 'open';
      action: string;
      formToken: string;
      values: FormValues;
      problems: readonly FieldProblem[];
    }
  | {
      state: 'given';
      handling: number;
      outcome: number;
      notSatisfied: boolean;
    };

export type StatusModel = {
  t: PortalMessages;
  reference: string;
  /** Issue 22: the link was made for a complaint that was merged into this one. */
  mergedNotice: string | null;
  statusText: string;
  receivedOn: string;
  dueOn: string | null;
  description: string;
  desiredOutcome: string | null;
  messages: readonly StatusMessage[];
  addMessage: {
    action: string;
    formToken: string;
    values: FormValues;
    problems: readonly FieldProblem[];
  } | null;
  satisfaction: SatisfactionModel;
  committee: { name: string; contact: string | null; url: string | null };
  newComplaintHref: string;
  sent: 'message' | 'satisfaction' | null;
  /** Issue 26: what the complainant asked for, one line each (empty: nothing). */
  adjustments: readonly string[];
};

function nextSteps(model: StatusModel): SafeHtml {
  const { t, committee } = model;
  return html`<section class="panel" aria-labelledby="next-steps-title">
<h2 id="next-steps-title">${t.notSatisfiedTitle}</h2>
<p>${t.notSatisfiedFollowUp}</p>
<p>${t.notSatisfiedRepeat(model.reference)}</p>
<p><a href="${model.newComplaintHref}">${t.notSatisfiedRepeatLink}</a></p>
<p>${t.notSatisfiedCommittee(committee.name)}</p>
${committee.contact ? html`<p>${t.committeeContactLabel}</p><p>${multiline(committee.contact)}</p>` : ''}
${committee.url ? html`<p><a href="${committee.url}">${t.committeeWebsite}</a></p>` : ''}
</section>`;
}

function satisfactionSection(model: StatusModel): SafeHtml {
  const { t } = model;
  const s = model.satisfaction;
  if (s.state === 'not_yet') return html``;
  if (s.state === 'given') {
    return html`<section aria-labelledby="satisfaction-title">
<h2 id="satisfaction-title">${t.satisfactionTitle}</h2>
<p>${t.satisfactionThanks} ${t.satisfactionGiven(s.handling, s.outcome)}</p>
</section>
${s.notSatisfied ? nextSteps(model) : ''}`;
  }
  const errors = Object.fromEntries(s.problems.map((p) => [p.field, p.message]));
  const scale = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t.scale[n] ?? String(n) }));
  return html`<section aria-labelledby="satisfaction-title">
<h2 id="satisfaction-title">${t.satisfactionTitle}</h2>
${errorSummary(t, s.problems, (field) => `${field}-1`)}
<p>${t.satisfactionIntro}</p>
<form method="post" action="${s.action}" novalidate>
<input type="hidden" name="formToken" value="${s.formToken}">
${radios({ t, errors, name: 'handling', label: t.handlingLegend, value: s.values.handling, options: scale })}
${radios({ t, errors, name: 'outcome', label: t.outcomeLegend, value: s.values.outcome, options: scale })}
${textArea({ t, errors, name: 'comment', label: t.commentLabel, value: s.values.comment, rows: 4, maxLength: 2000, optional: true })}
<button type="submit" class="button">${t.satisfactionSubmit}</button>
</form>
</section>`;
}

export function statusView(model: StatusModel): SafeHtml {
  const { t } = model;
  const add = model.addMessage;
  const addErrors = add ? Object.fromEntries(add.problems.map((p) => [p.field, p.message])) : {};
  return html`<h1>${t.statusTitle} <span class="reference">${model.reference}</span></h1>
${model.sent === 'message' ? notice(t.addInfoSent, 'success') : ''}
${model.sent === 'satisfaction' ? notice(t.satisfactionThanks, 'success') : ''}
${model.mergedNotice ? notice(model.mergedNotice) : ''}
<section class="panel status-panel" aria-labelledby="status-title">
<h2 id="status-title">${t.statusLabel}</h2>
<p class="status-text">${model.statusText}</p>
<p>${model.receivedOn}</p>
${model.dueOn ? html`<p><strong>${model.dueOn}</strong></p>` : ''}
</section>
${
  model.adjustments.length > 0
    ? html`<section aria-labelledby="asked-title" data-asked>
<h2 id="asked-title">${t.adjust.statusTitle}</h2>
<p>${t.adjust.statusIntro}</p>
<ul>
${model.adjustments.map((line) => html`<li>${line}</li>`)}
</ul>
</section>`
    : ''
}
<section aria-labelledby="messages-title">
<h2 id="messages-title">${t.messagesTitle}</h2>
${
  model.messages.length === 0
    ? html`<p>${t.noMessages}</p>`
    : html`<ol class="messages">
${model.messages.map(
  (m) => html`<li class="message message-${m.from}">
<h3>${m.title}</h3>
<p class="meta">${t.messageFrom[m.from]} · ${m.at}</p>
${m.text ? html`<p>${multiline(m.text)}</p>` : ''}
${m.extra ? html`<p>${m.extra}</p>` : ''}
</li>`,
)}
</ol>`
}
</section>
${/* issue 21: the answer (in the messages above) comes before the questions about it */ satisfactionSection(model)}
${
  add
    ? html`<section aria-labelledby="add-title">
<h2 id="add-title">${t.addInfoTitle}</h2>
${errorSummary(t, add.problems)}
<form method="post" action="${add.action}" novalidate>
<input type="hidden" name="formToken" value="${add.formToken}">
${textArea({ t, errors: addErrors, name: 'message', label: t.addInfoLabel, hint: t.addInfoHint, value: add.values.message, rows: 5, maxLength: 5000 })}
<p class="small">${t.filesNotYet}</p>
<button type="submit" class="button">${t.addInfoSubmit}</button>
</form>
</section>`
    : ''
}
<section aria-labelledby="wrote-title">
<h2 id="wrote-title">${t.yourComplaintTitle}</h2>
<div class="quote"><p>${multiline(model.description)}</p>
${model.desiredOutcome ? html`<p>${multiline(model.desiredOutcome)}</p>` : ''}</div>
</section>`;
}
