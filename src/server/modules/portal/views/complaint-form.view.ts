import {
  type FieldProblem,
  type FormValues,
  fieldAnchor,
  RELATIONS,
  TOPICS,
  type Topic,
} from '../forms/complaint-form.ts';
import type { PortalMessages } from '../i18n/messages.ts';
import { adjustmentFields } from './adjustment-fields.ts';
import { checkbox, errorSummary, fileInput, notice, radios, textArea, textInput } from './fields.ts';
import { html, type SafeHtml } from './html.ts';

export type Referral = { url: string | null; text: string };
export type Referrals = Record<Exclude<Topic, 'complaint'>, Referral>;

export type ComplaintFormModel = {
  t: PortalMessages;
  action: string;
  values: FormValues;
  problems: readonly FieldProblem[];
  formToken: string;
  referrals: Referrals;
  /** The corporation's phone and hours (portal settings), for advice without a link: "contact us". */
  contact: { phone: string | null; hours: string | null };
  /** Set when the chosen topic belongs to another process: the advice is shown before anything else. */
  routeAdvice: Exclude<Topic, 'complaint'> | null;
  notice: string | null;
  /** Files cannot be kept in a form shown again: asks to choose them once more. */
  filesNote: string | null;
  maxFileMegabytes: number;
};

function contactUs(t: PortalMessages, contact: ComplaintFormModel['contact']): SafeHtml {
  const phone = contact.phone
    ? html` ${t.routeCall} <a href="tel:${contact.phone.replace(/[^0-9+]/g, '')}">${contact.phone}</a>.`
    : '';
  const hours = contact.hours ? html`<br>${t.frontDoorHours}: ${contact.hours}` : '';
  return html`${t.routeNoLink}${phone}${hours}`;
}

function referralBlock(
  t: PortalMessages,
  topic: Exclude<Topic, 'complaint'>,
  referral: Referral,
  contact: ComplaintFormModel['contact'],
): SafeHtml {
  return html`<p>${referral.text}</p>
<p>${referral.url ? html`<a href="${referral.url}" class="referral-link">${t.routeLink[topic]}</a>` : contactUs(t, contact)}</p>`;
}

export function complaintFormView(model: ComplaintFormModel): SafeHtml {
  const { t, values, referrals } = model;
  const errors = Object.fromEntries(model.problems.map((p) => [p.field, p.message]));
  const common = { t, errors };
  const advice = model.routeAdvice;
  return html`<h1>${t.formTitle}</h1>
${errorSummary(t, model.problems, fieldAnchor)}
${model.notice ? notice(model.notice) : ''}
${t.formIntro.map((line) => html`<p class="lead">${line}</p>`)}
<p>${t.formNoTimeLimit}</p>
<form method="post" action="${model.action}" enctype="multipart/form-data" novalidate data-complaint-form>
<input type="hidden" name="formToken" value="${model.formToken}">
${values.submitAnyway === '1' ? html`<input type="hidden" name="submitAnyway" value="1" data-submit-anyway>` : ''}
${
  advice
    ? html`<section class="route-advice" aria-labelledby="route-title" tabindex="-1" data-route-advice-current>
<h2 id="route-title">${t.routeTitle}</h2>
${referralBlock(t, advice, referrals[advice], model.contact)}
<p>${t.routeStillComplaint}</p>
<button type="submit" name="submitAnyway" value="1" class="button secondary">${t.routeSubmitAnyway}</button>
</section>`
    : ''
}
<h2>1. ${t.stepTopic}</h2>
${radios({
  ...common,
  name: 'topic',
  label: t.topicLegend,
  value: values.topic,
  options: TOPICS.map((topic) => ({ value: topic, label: t.topics[topic] })),
})}
${(['repair', 'nuisance', 'fraud', 'rent'] as const).map(
  (topic) => html`<div class="route-inline" data-route-for="${topic}" hidden>
${referralBlock(t, topic, referrals[topic], model.contact)}
<p>${t.routeStillComplaint}</p>
</div>`,
)}
<h2>2. ${t.whoLegend}</h2>
${radios({
  ...common,
  name: 'onBehalf',
  label: t.onBehalfLegend,
  value: values.onBehalf,
  options: [
    { value: 'self', label: t.onBehalf.self },
    { value: 'other', label: t.onBehalf.other },
  ],
})}
${textInput({ ...common, name: 'name', label: t.nameLabel, value: values.name, autocomplete: 'name' })}
<fieldset class="group" data-on-behalf>
<legend>${t.representativeLegend}</legend>
<p class="hint">${t.representativeHint}</p>
${textInput({ ...common, name: 'complainantName', label: t.complainantNameLabel, value: values.complainantName, optional: true })}
${textInput({
  ...common,
  name: 'representativeRelation',
  label: t.representativeRelationLabel,
  hint: t.representativeRelationHint,
  value: values.representativeRelation,
  width: 'medium',
  optional: true,
})}
${checkbox({ ...common, name: 'consent', label: t.consentLabel, value: values.consent, checkedValue: 'yes' })}
</fieldset>
${radios({
  ...common,
  name: 'relation',
  label: t.relationLegend,
  value: values.relation,
  options: RELATIONS.map((relation) => ({ value: relation, label: t.relations[relation] })),
})}
<h2>3. ${t.contactLegend}</h2>
<p class="hint">${t.contactHint}</p>
${textInput({
  ...common,
  name: 'email',
  label: t.emailLabel,
  hint: t.emailHint,
  value: values.email,
  type: 'email',
  autocomplete: 'email',
  optional: true,
})}
${textInput({
  ...common,
  name: 'phone',
  label: t.phoneLabel,
  value: values.phone,
  type: 'tel',
  autocomplete: 'tel',
  width: 'medium',
  optional: true,
})}
${radios({
  ...common,
  name: 'preferredContact',
  label: t.preferredLegend,
  value: values.preferredContact,
  options: (['phone', 'email', 'letter'] as const).map((value) => ({ value, label: t.preferred[value] })),
})}
<h2>4. ${t.addressLegend}</h2>
<p class="hint">${t.addressHint}</p>
${textInput({
  ...common,
  name: 'postcode',
  label: t.postcodeLabel,
  hint: t.postcodeHint,
  value: values.postcode,
  autocomplete: 'postal-code',
  width: 'short',
  optional: true,
})}
${textInput({
  ...common,
  name: 'houseNumber',
  label: t.houseNumberLabel,
  value: values.houseNumber,
  inputmode: 'numeric',
  width: 'short',
  optional: true,
})}
${textInput({
  ...common,
  name: 'addition',
  label: t.additionLabel,
  hint: t.additionHint,
  value: values.addition,
  width: 'short',
  optional: true,
})}
<h2>5. ${t.complaintLegend}</h2>
${textArea({
  ...common,
  name: 'description',
  label: t.descriptionLabel,
  hint: t.descriptionHint,
  value: values.description,
  rows: 8,
  maxLength: 20_000,
})}
${textArea({
  ...common,
  name: 'desiredOutcome',
  label: t.desiredOutcomeLabel,
  hint: t.desiredOutcomeHint,
  value: values.desiredOutcome,
  rows: 4,
  maxLength: 5000,
  optional: true,
})}
${fileInput({
  ...common,
  name: 'files',
  label: t.filesLabel,
  hint: model.filesNote
    ? `${t.filesHint(model.maxFileMegabytes)} ${model.filesNote}`
    : t.filesHint(model.maxFileMegabytes),
  accept: 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf',
  optional: true,
})}
${adjustmentFields(t, values, errors)}
<div class="trap" aria-hidden="true">
<label for="website">${t.honeypotLabel}</label>
<input id="website" name="website" type="text" tabindex="-1" autocomplete="off">
</div>
<p class="small">${t.privacyNote}</p>
<button type="submit" class="button" data-submit>${t.submit}</button>
</form>`;
}
