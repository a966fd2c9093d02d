import type { PortalMessages } from '../i18n/messages.ts';
import { html, type SafeHtml } from './html.ts';

export function confirmationView(model: {
  t: PortalMessages;
  reference: string;
  dueDay: string;
  statusUrl: string;
  emailSent: boolean;
  /** Issue 26: the acknowledgement is a letter to post (they asked for letters). */
  byPost: boolean;
}): SafeHtml {
  const { t } = model;
  return html`<div class="panel-success">
<h1>${t.thanksTitle}</h1>
<p>${t.referenceLabel}: <strong class="reference">${model.reference}</strong></p>
</div>
<p class="lead">${t.thanksDue(model.dueDay)}</p>
<p>${t.thanksNext}</p>
${model.byPost ? html`<p>${t.adjust.thanksPost}</p>` : model.emailSent ? html`<p>${t.thanksEmail}</p>` : ''}
<h2>${t.statusLinkTitle}</h2>
<p>${t.statusLinkText}</p>
<p class="status-link"><a href="${model.statusUrl}">${model.statusUrl}</a></p>
<p><a href="${model.statusUrl}" class="button">${t.statusLinkOpen}</a></p>`;
}

/** A page with a heading and a few sentences: link not valid, refused, too many attempts, not found. */
export function messagePageView(model: {
  title: string;
  lines: readonly string[];
  link?: { href: string; text: string };
}): SafeHtml {
  return html`<h1>${model.title}</h1>
${model.lines.map((line) => html`<p>${line}</p>`)}
${model.link ? html`<p><a href="${model.link.href}">${model.link.text}</a></p>` : ''}`;
}
