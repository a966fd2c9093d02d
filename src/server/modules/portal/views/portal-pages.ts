import {
  SELF_ASSESSMENT_LOCALES,
  type SelfAssessmentDocument,
  type SelfAssessmentLocale,
  selfAssessmentPublicPath,
} from '../../../../contract/self-assessment.ts';
import { isStatusIn, satisfactionNeedsFollowUp, TERM_RUNNING_STATUSES } from '../../../../domain/index.ts';
import type { FieldProblem, FormValues, Topic } from '../forms/complaint-form.ts';
import { issueFormToken } from '../forms/form-token.ts';
import type { PortalContext } from '../http/portal-context.ts';
import { formPath, frontDoorPath, statusCodePath, statusPaths } from '../http/portal-paths.ts';
import {
  formatDay,
  formatDayTime,
  LOCALE_LIST,
  messagesFor,
  type PortalLocale,
  type PortalMessages,
} from '../i18n/messages.ts';
import type { StatusView } from '../portal-status.service.ts';
import { type ComplaintFormModel, complaintFormView, type Referrals } from './complaint-form.view.ts';
import { frontDoorView } from './front-door.view.ts';
import type { SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import { confirmationView, messagePageView } from './pages.view.ts';
import { SELF_ASSESSMENT_PAGE_TEXT, selfAssessmentView } from './self-assessment.view.ts';
import { type StatusMessage, statusView } from './status.view.ts';
import { statusCodeView } from './status-code.view.ts';

// Turns what the services found into whole pages: the frame (branding, language switch) plus one view.

export type Assets = { css: string; js: string };

function frame(
  context: PortalContext | null,
  locale: PortalLocale,
  assets: Assets,
  title: string,
  /** The same page in another language (the language switch); null for pages without one. */
  alternate: ((other: PortalLocale) => string) | null,
  extra: {
    hasErrors?: boolean;
    private?: boolean;
    staffSignIn?: boolean;
    description?: (name: string) => string;
  } = {},
) {
  const branding = context?.branding ?? {
    displayName: 'Gehoord',
    logoUrl: null,
    colour: '#1f4e8c',
    contactPhone: null,
    contactEmail: null,
    contactHours: null,
  };
  const { description, ...flags } = extra;
  return {
    locale,
    assets,
    title,
    description: (description ?? messagesFor(locale).descriptions.other)(branding.displayName),
    home: frontDoorPath(locale),
    alternates:
      alternate === null
        ? []
        : LOCALE_LIST.filter((other) => other !== locale).map((other) => ({
            locale: other,
            href: alternate(other),
          })),
    branding,
    ...flags,
  };
}

function referralsOf(context: PortalContext, locale: PortalLocale): Referrals {
  const t = messagesFor(locale);
  const s = context.settings;
  const custom = (s.referral_texts?.[locale] ?? {}) as Record<string, unknown>;
  const text = (topic: keyof Referrals) =>
    typeof custom[topic] === 'string' && custom[topic] !== ''
      ? (custom[topic] as string)
      : t.routeAdvice[topic];
  return {
    repair: { url: s.repair_url, text: text('repair') },
    nuisance: { url: s.nuisance_url, text: text('nuisance') },
    fraud: { url: s.fraud_url, text: text('fraud') },
    rent: { url: s.objection_url, text: text('rent') },
  };
}

export function formPage(
  context: PortalContext,
  locale: PortalLocale,
  assets: Assets,
  state: {
    values?: FormValues;
    problems?: readonly FieldProblem[];
    formToken?: string;
    routeAdvice?: Exclude<Topic, 'complaint'> | null;
    notice?: string | null;
    /** Shown next to the file field when the form comes back after files were chosen. */
    filesNote?: string | null;
    maxFileBytes: number;
    now: Date;
  },
): string {
  const t = messagesFor(locale);
  const problems = state.problems ?? [];
  const model: ComplaintFormModel = {
    filesNote: state.filesNote ?? null,
    maxFileMegabytes: Math.floor(state.maxFileBytes / (1024 * 1024)),
    t,
    action: formPath(locale),
    values: state.values ?? {},
    problems,
    formToken: state.formToken ?? issueFormToken(context.secret),
    referrals: referralsOf(context, locale),
    contact: { phone: context.settings.contact_phone, hours: context.settings.contact_hours },
    routeAdvice: state.routeAdvice ?? null,
    notice: state.notice ?? null,
  };
  return layout(
    frame(context, locale, assets, t.formTitle, formPath, {
      hasErrors: problems.length > 0,
      description: t.descriptions.form,
    }),
    complaintFormView(model),
  ).value;
}

export function confirmationPage(
  context: PortalContext,
  locale: PortalLocale,
  assets: Assets,
  token: string,
  view: StatusView,
  emailSent: boolean,
): string {
  const t = messagesFor(locale);
  return layout(
    frame(context, locale, assets, t.thanksTitle, (other) => statusPaths(other, token).received, {
      private: true,
    }),
    confirmationView({
      t,
      reference: view.complaint.reference,
      dueDay: formatDay(locale, view.complaint.due_at),
      statusUrl: `${context.origin}${statusPaths(locale, token).status}`,
      emailSent,
      byPost: view.acknowledgementByPost,
    }),
  ).value;
}

/**
 * Issue 26: what the complainant asked for, one short line each. Reading or hearing needs are health data: the
 * page says they are kept with consent, not which they are (the link may be opened by someone else).
 */
function adjustmentLines(t: PortalMessages, adjustments: StatusView['adjustments']): string[] {
  const a = t.adjust;
  const lines: string[] = [];
  for (const { kind, value } of adjustments) {
    if (kind === 'preferred_channel' && typeof value === 'string' && value in a.channel)
      lines.push(a.channel[value as keyof typeof a.channel]);
    if (kind === 'large_print' && value === true) lines.push(a.largePrintDone);
    if (kind === 'interpreter' && typeof value === 'string') lines.push(a.interpreterDone(value));
    if (kind === 'call_back') lines.push(a.callBackDone);
    if (kind === 'representative')
      lines.push(a.representativeDone(String((value as { name?: unknown } | null)?.name ?? '')));
    if (kind === 'access_needs') lines.push(a.needsDone);
  }
  return lines;
}

function messagesOf(locale: PortalLocale, view: StatusView): StatusMessage[] {
  const t = messagesFor(locale);
  const lastAnswer = view.events.filter((e) => e.type === 'answer_sent').at(-1);
  return view.events.map((event) => {
    const payload = event.payload as Record<string, unknown>;
    let text: string | null = event.summary;
    let extra: string | null = null;
    if (event.type === 'answer_sent') text = event === lastAnswer ? view.complaint.answer_text : null;
    if (event.type === 'extension_notice_sent' && typeof payload.dueAt === 'string')
      extra = t.extendedTo(formatDay(locale, payload.dueAt));
    if (event.type === 'referral_recorded') {
      // Only where it went: the referral's detail is the handler's note, not a message to the complainant.
      const to = (payload.referral as { to?: string } | undefined)?.to;
      const key = { repair_process: 'repair', nuisance_process: 'nuisance', housing_fraud_process: 'fraud' }[
        to ?? ''
      ];
      text = t.referrals[key ?? 'other'] ?? null;
    }
    return {
      title: t.eventTitles[event.type] ?? event.type,
      at: formatDayTime(locale, event.at),
      from: event.type === 'complainant_message' ? ('you' as const) : ('us' as const),
      text,
      extra,
    };
  });
}

export function statusPage(
  context: PortalContext,
  locale: PortalLocale,
  assets: Assets,
  token: string,
  view: StatusView,
  state: {
    now: Date;
    sent?: 'message' | 'satisfaction' | null;
    message?: { values: FormValues; problems: readonly FieldProblem[]; formToken?: string };
    satisfaction?: { values: FormValues; problems: readonly FieldProblem[]; formToken?: string };
  },
): string {
  const t = messagesFor(locale);
  const paths = statusPaths(locale, token);
  const c = view.complaint;
  const settings = context.settings;
  const given = view.satisfaction;
  const hasErrors = (state.message?.problems.length ?? 0) + (state.satisfaction?.problems.length ?? 0) > 0;
  const body: SafeHtml = statusView({
    t,
    reference: c.reference,
    mergedNotice: c.mergedFromReference ? t.mergedNotice(c.mergedFromReference, c.reference) : null,
    statusText: t.statuses[c.status] ?? c.status,
    receivedOn: t.receivedOn(formatDay(locale, c.received_at)),
    // policy 2.3, 2.5: the date is promised while the term runs (also the explanation of a complaint outside the
    // procedure); policy 2.6: a repeat recorded without an answer term promises no date
    dueOn:
      isStatusIn(TERM_RUNNING_STATUSES, c.status) && c.has_answer_term
        ? t.dueOn(formatDay(locale, c.due_at))
        : null,
    description: c.description,
    desiredOutcome: c.desired_outcome,
    messages: messagesOf(locale, view),
    addMessage: view.canAddMessage
      ? {
          action: paths.message,
          formToken: state.message?.formToken ?? issueFormToken(context.secret),
          values: state.message?.values ?? {},
          problems: state.message?.problems ?? [],
        }
      : null,
    satisfaction:
      given !== null
        ? {
            state: 'given',
            handling: given.handling,
            outcome: given.outcome,
            notSatisfied: satisfactionNeedsFollowUp(given),
          }
        : view.canRate
          ? {
              state: 'open',
              action: paths.satisfaction,
              formToken: state.satisfaction?.formToken ?? issueFormToken(context.secret),
              values: state.satisfaction?.values ?? {},
              problems: state.satisfaction?.problems ?? [],
            }
          : { state: 'not_yet' },
    committee: {
      name: settings.committee_name ?? t.committeeDefaultName,
      contact: settings.committee_contact,
      url: settings.committee_url,
    },
    newComplaintHref: formPath(locale),
    sent: state.sent ?? null,
    adjustments: adjustmentLines(t, view.adjustments),
  });
  return layout(
    frame(
      context,
      locale,
      assets,
      `${t.statusTitle} ${c.reference}`,
      (other) => statusPaths(other, token).status,
      {
        private: true,
        hasErrors,
      },
    ),
    body,
  ).value;
}

/** Issue 21: type the code and reference from the letter. */
export function statusCodePage(
  context: PortalContext,
  locale: PortalLocale,
  assets: Assets,
  state: {
    now: Date;
    values?: { code?: string; reference?: string };
    problems?: readonly FieldProblem[];
  },
): string {
  const t = messagesFor(locale);
  const problems = state.problems ?? [];
  return layout(
    frame(context, locale, assets, t.codeTitle, statusCodePath, {
      hasErrors: problems.length > 0,
      description: t.descriptions.code,
    }),
    statusCodeView({
      t,
      action: statusCodePath(locale),
      // A fresh token every time: a typed code is never kept on the page after a wrong try
      formToken: issueFormToken(context.secret),
      values: state.values ?? {},
      problems,
    }),
  ).value;
}

export function simplePage(
  context: PortalContext | null,
  locale: PortalLocale,
  assets: Assets,
  content: { title: string; lines: readonly string[]; withFormLink?: boolean; withHomeLink?: boolean },
): string {
  const t = messagesFor(locale);
  const link = content.withFormLink
    ? { href: formPath(locale), text: t.newComplaintLink }
    : content.withHomeLink
      ? { href: frontDoorPath(locale), text: t.frontDoorLink }
      : null;
  return layout(
    frame(context, locale, assets, content.title, null, { private: true }),
    messagePageView({ title: content.title, lines: content.lines, ...(link ? { link } : {}) }),
  ).value;
}

/** Issue 21: the front door, the first page a tenant finds (`/`, `/en`). */
export function frontDoorPage(context: PortalContext, locale: PortalLocale, assets: Assets): string {
  const t = messagesFor(locale);
  const s = context.settings;
  return layout(
    frame(context, locale, assets, t.frontDoorTitle, frontDoorPath, {
      staffSignIn: true,
      description: t.descriptions.frontDoor,
    }),
    frontDoorView({
      t,
      name: context.branding.displayName,
      formHref: formPath(locale),
      followHref: statusCodePath(locale),
      contact: {
        phone: s.contact_phone,
        email: s.contact_email,
        hours: s.contact_hours,
        website: s.website_url,
      },
    }),
  ).value;
}

/**
 * Issue 26: a published self-assessment (`/zelfevaluatie/<year>`, `/en/self-assessment/<year>`) in Dutch or English,
 * with the language switch between the two (the document holds no other languages).
 */
export function selfAssessmentPage(
  context: PortalContext,
  assets: Assets,
  document: SelfAssessmentDocument,
  locale: SelfAssessmentLocale = 'nl',
): string {
  const base = frame(context, locale, assets, SELF_ASSESSMENT_PAGE_TEXT[locale].title(document.year), null);
  const alternates = SELF_ASSESSMENT_LOCALES.filter((other) => other !== locale).map((other) => ({
    locale: other,
    href: selfAssessmentPublicPath(document.year, other),
  }));
  return layout({ ...base, alternates }, selfAssessmentView(document, locale)).value;
}
