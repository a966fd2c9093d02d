import type { PortalMessages } from '../i18n/messages.ts';
import { html, type SafeHtml } from './html.ts';

export type FrontDoorModel = {
  t: PortalMessages;
  name: string;
  formHref: string;
  followHref: string;
  contact: { phone: string | null; email: string | null; hours: string | null; website: string | null };
};

// policy 1.1: complaining is "laagdrempelig … toegankelijk voor alle huurders": the two ways in come
// first, and the corporation's phone, e-mail and hours are on the page for whoever prefers a person.
export function frontDoorView(model: FrontDoorModel): SafeHtml {
  const { t, contact } = model;
  const telephone = contact.phone?.replace(/[^0-9+]/g, '') ?? '';
  const rows = [
    contact.phone
      ? html`<dt>${t.frontDoorPhone}</dt><dd><a href="tel:${telephone}">${contact.phone}</a></dd>`
      : null,
    contact.hours ? html`<dt>${t.frontDoorHours}</dt><dd>${contact.hours}</dd>` : null,
    contact.email
      ? html`<dt>${t.frontDoorEmail}</dt><dd><a href="mailto:${contact.email}">${contact.email}</a></dd>`
      : null,
    contact.website
      ? html`<dt>${t.frontDoorWebsite}</dt><dd><a href="${contact.website}">${contact.website}</a></dd>`
      : null,
  ].filter((row) => row !== null);
  return html`<h1>${t.frontDoorTitle} <span class="subtitle">${model.name}</span></h1>
${t.frontDoorIntro.map((line) => html`<p class="lead">${line}</p>`)}
<ul class="doors">
<li class="door">
<h2><a href="${model.formHref}" class="button">${t.frontDoorSubmit}</a></h2>
<p>${t.frontDoorSubmitHint}</p>
</li>
<li class="door">
<h2><a href="${model.followHref}" class="button secondary">${t.frontDoorFollow}</a></h2>
<p>${t.frontDoorFollowHint}</p>
</li>
</ul>
<section aria-labelledby="contact-title">
<h2 id="contact-title">${t.frontDoorContactTitle}</h2>
<p>${t.frontDoorContactIntro}</p>
${rows.length > 0 ? html`<dl class="contact">${rows}</dl>` : ''}
</section>`;
}
