import { TENANT_LOCALE_INFO } from '../../../../domain/tenant-locales.ts';
import type { PortalLocale } from '../i18n/messages.ts';
import { messagesFor } from '../i18n/messages.ts';
import type { Branding } from './brand.ts';
import { html, type SafeHtml } from './html.ts';

export type PageFrame = {
  locale: PortalLocale;
  branding: Branding;
  /** The same page in the other languages (the language switch); empty on pages without one. */
  alternates: readonly { locale: PortalLocale; href: string }[];
  assets: { css: string; js: string };
  title: string;
  /** The meta description a search engine shows under the title. */
  description: string;
  /** Where the corporation's name in the header leads: the front door in this language. */
  home: string;
  /** The front door carries the small sign-in link for staff (and its contact details in the page itself). */
  staffSignIn?: boolean;
  hasErrors?: boolean;
  /** Pages behind a private link are kept out of search engines. */
  private?: boolean;
};

export function layout(frame: PageFrame, body: SafeHtml): SafeHtml {
  const t = messagesFor(frame.locale);
  const title = `${frame.hasErrors ? t.errorTitlePrefix : ''}${frame.title} – ${frame.branding.displayName}`;
  const info = TENANT_LOCALE_INFO[frame.locale];
  return html`<!doctype html>
<html lang="${info.tag}" dir="${info.direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="description" content="${frame.description}">
<link rel="icon" href="data:,">
${frame.private ? html`<meta name="robots" content="noindex, nofollow">` : ''}
<title>${title}</title>
<link rel="stylesheet" href="${frame.assets.css}">
<style>:root{--brand:${frame.branding.colour}}</style>
<script type="module" src="${frame.assets.js}"></script>
</head>
<body>
<a class="skip-link" href="#main">${t.skipLink}</a>
<header class="site-header">
<div class="wrap header-row">
${
  frame.branding.logoUrl
    ? html`<p class="brand"><a href="${frame.home}"><img src="${frame.branding.logoUrl}" alt="${frame.branding.displayName}" class="logo"></a></p>`
    : html`<p class="brand"><a href="${frame.home}">${frame.branding.displayName}</a></p>`
}
${
  frame.alternates.length > 0
    ? html`<nav class="language" aria-label="${t.languageSwitchLabel}"><ul>${frame.alternates.map(
        (alternate) =>
          html`<li><a href="${alternate.href}" lang="${TENANT_LOCALE_INFO[alternate.locale].tag}" hreflang="${TENANT_LOCALE_INFO[alternate.locale].tag}">${messagesFor(alternate.locale).languageName}</a></li>`,
      )}</ul></nav>`
    : ''
}
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${body}
</main>
<footer class="site-footer">
<div class="wrap">
${
  frame.staffSignIn
    ? ''
    : html`${frame.branding.contactPhone ? html`<p>${t.contactLine(frame.branding.contactPhone)}</p>` : ''}
${frame.branding.contactEmail ? html`<p>${t.contactEmailLine(frame.branding.contactEmail)}</p>` : ''}
${frame.branding.contactHours ? html`<p>${frame.branding.contactHours}</p>` : ''}`
}
<p>${frame.branding.displayName}</p>
${frame.staffSignIn ? html`<p class="staff-link"><a href="/inloggen">${t.staffSignIn}</a></p>` : ''}
</div>
</footer>
</body>
</html>
`;
}
