import type { TenantLocale } from '../../../../domain/tenant-locales.ts';
import { AR } from './complainant-templates.ar.ts';
import { PL } from './complainant-templates.pl.ts';
import { TR } from './complainant-templates.tr.ts';
import type { ComplainantKind, Locale, MessageKind } from './message-kinds.ts';
import { MESSAGE_KINDS } from './message-kinds.ts';

export type TemplateText = { subject: string; body: string };

/** Issue 21: what a complainant receives, in one more language (one file per language). */
export type ComplainantTemplates = Record<ComplainantKind, TemplateText>;

const lines = (...parts: string[]) => parts.join('\n\n');

// The sector's model complaints regulation requires the committee and huurcommissie routes in every
// answer to a tenant; kept as one passage so each answer-like letter says the same thing. How to reach
// the committee is its own paragraph: left out when the organisation stored no contact details.
const REACH_COMMITTEE_NL = 'Zo bereikt u de commissie:\n{{committeeContact}}';
const REACH_COMMITTEE_EN = 'How to reach the committee:\n{{committeeContact}}';
const ROUTES_NL = lines(
  'Bent u het niet eens met deze reactie? Dan kunt u uw klacht binnen zes weken voorleggen aan de ' +
    '{{committeeName}}.',
  REACH_COMMITTEE_NL,
  'Gaat uw klacht over de hoogte van de huur, de servicekosten of onderhoudsgebreken? Dan kunt u zich ook ' +
    'wenden tot de Huurcommissie (www.huurcommissie.nl).',
);
const ROUTES_EN = lines(
  'If you do not agree with this response, you can put your complaint to the {{committeeName}} within ' +
    'six weeks.',
  REACH_COMMITTEE_EN,
  'If your complaint concerns the rent, service charges or maintenance defects, you can also turn to the ' +
    'Huurcommissie (rent tribunal, www.huurcommissie.nl).',
);

// Issue 21: every answer carries the status link; there the complainant reads the answer again and says
// what they thought of the handling (the policy's title: satisfaction, for every channel)
const RATE_NL =
  'Op {{statusLink}} leest u dit antwoord terug. Daar kunt u ook laten weten wat u van de behandeling vindt.';
const RATE_EN =
  'At {{statusLink}} you can read this answer again and tell us what you thought of how we handled it.';

const GREETING_NL = 'Beste {{recipientName}},';
const GREETING_EN = 'Dear {{recipientName}},';
const CLOSING_NL = 'Met vriendelijke groet,\n\n{{handlerName}}\n{{organizationName}}';
const CLOSING_EN = 'Kind regards,\n\n{{handlerName}}\n{{organizationName}}';
const SIGNED_NL = 'Met vriendelijke groet,\n\n{{organizationName}}';
const SIGNED_EN = 'Kind regards,\n\n{{organizationName}}';

export const DEFAULT_TEMPLATES: Record<MessageKind, Record<Locale, TemplateText>> = {
  acknowledgement: {
    nl: {
      subject: 'Wij hebben uw klacht ontvangen ({{reference}})',
      body: lines(
        GREETING_NL,
        'Op {{receivedDate}} hebben wij uw klacht ontvangen. Dank u wel dat u de moeite neemt ons dit te laten weten.',
        'Uw klacht heeft het kenmerk {{reference}}. Wilt u dit kenmerk noemen als u contact met ons opneemt? ' +
          'U kunt ook gewoon op dit bericht antwoorden.',
        '{{handlerName}} behandelt uw klacht. U krijgt uiterlijk op {{dueDate}} een reactie van ons. ' +
          'De stand van zaken kunt u volgen via {{statusLink}}.',
        CLOSING_NL,
      ),
    },
    en: {
      subject: 'We have received your complaint ({{reference}})',
      body: lines(
        GREETING_EN,
        'We received your complaint on {{receivedDate}}. Thank you for taking the trouble to tell us.',
        'Your complaint has reference {{reference}}. Please mention it when you contact us, or simply reply to this message.',
        '{{handlerName}} is handling your complaint. You will hear from us no later than {{dueDate}}. ' +
          'You can follow its progress at {{statusLink}}.',
        CLOSING_EN,
      ),
    },
  },
  answer: {
    nl: {
      subject: 'Reactie op uw klacht ({{reference}})',
      body: lines(GREETING_NL, '{{answerText}}', RATE_NL, ROUTES_NL, CLOSING_NL),
    },
    en: {
      subject: 'Our response to your complaint ({{reference}})',
      body: lines(GREETING_EN, '{{answerText}}', RATE_EN, ROUTES_EN, CLOSING_EN),
    },
  },
  answer_copy: {
    nl: {
      subject: 'Antwoord per post versturen: {{reference}}',
      body: lines(
        'De klager heeft geen e-mailadres. Verstuur het antwoord als brief (de PDF staat bij de klacht): {{caseLink}}',
        'Kopie van het antwoord van {{handlerName}}:',
        '{{answerText}}',
      ),
    },
    en: {
      subject: 'Send the answer by post: {{reference}}',
      body: lines(
        'The complainant has no e-mail address. Send the answer as a letter (the PDF is on the case): {{caseLink}}',
        'Copy of the answer by {{handlerName}}:',
        '{{answerText}}',
      ),
    },
  },
  // policy 2.6: a repeat without new facts after "the last response" is recorded; no answer is promised
  acknowledgement_without_answer: {
    nl: {
      subject: 'Wij hebben uw bericht ontvangen ({{reference}})',
      body: lines(
        GREETING_NL,
        'Op {{receivedDate}} hebben wij uw bericht ontvangen. Wij hebben het vastgelegd onder kenmerk {{reference}}.',
        'Over deze kwestie hebben wij u eerder onze laatste reactie gegeven. Uw bericht bevat geen nieuwe feiten. ' +
          'Daarom blijft onze laatste reactie gelden en krijgt u van ons geen nieuw antwoord.',
        'Bent u het niet eens met onze laatste reactie? Dan kunt u uw klacht voorleggen aan de {{committeeName}}.',
        REACH_COMMITTEE_NL,
        'Heeft u wel nieuwe feiten? Antwoord dan op dit bericht. De stand van zaken ziet u via {{statusLink}}.',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'We have received your message ({{reference}})',
      body: lines(
        GREETING_EN,
        'We received your message on {{receivedDate}}. We have recorded it under reference {{reference}}.',
        'We gave you our last response on this matter earlier. Your message contains no new facts, so our last ' +
          'response stands and you will not receive a new answer from us.',
        'If you do not agree with our last response, you can put your complaint to the {{committeeName}}.',
        REACH_COMMITTEE_EN,
        'If you do have new facts, please reply to this message. You can follow the status at {{statusLink}}.',
        SIGNED_EN,
      ),
    },
  },
  explanation: {
    nl: {
      subject: 'Uw klacht valt buiten de klachtenprocedure ({{reference}})',
      body: lines(
        GREETING_NL,
        'Wij hebben uw melding met kenmerk {{reference}} bekeken. Wij kunnen deze niet als klacht behandelen.',
        '{{explanationText}}',
        'Heeft u vragen over deze beslissing? Antwoord dan op dit bericht.',
        CLOSING_NL,
      ),
    },
    en: {
      subject: 'Your complaint falls outside the complaints procedure ({{reference}})',
      body: lines(
        GREETING_EN,
        'We have looked at your report with reference {{reference}}. We cannot handle it as a complaint.',
        '{{explanationText}}',
        'If you have questions about this decision, please reply to this message.',
        CLOSING_EN,
      ),
    },
  },
  referral: {
    nl: {
      subject: 'Uw melding wordt elders behandeld ({{reference}})',
      body: lines(
        GREETING_NL,
        'Dank u voor uw melding met kenmerk {{reference}}. Dit is geen klacht, maar een melding die bij ' +
          '"{{referralTarget}}" hoort. Wij hebben uw melding daar neergelegd.',
        '{{referralDetail}}',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'Your report is handled elsewhere ({{reference}})',
      body: lines(
        GREETING_EN,
        'Thank you for your report with reference {{reference}}. It is not a complaint but a report for ' +
          '"{{referralTarget}}". We have passed it on.',
        '{{referralDetail}}',
        SIGNED_EN,
      ),
    },
  },
  stand_by_decision: {
    nl: {
      subject: 'Reactie op uw klacht: wij blijven bij ons besluit ({{reference}})',
      body: lines(
        GREETING_NL,
        'U heeft ons opnieuw benaderd over deze zaak. Wij begrijpen dat u het niet eens bent met ons besluit. ' +
          'Omdat er geen nieuwe feiten zijn, blijven wij bij ons eerdere besluit.',
        '{{answerText}}',
        RATE_NL,
        ROUTES_NL,
        CLOSING_NL,
      ),
    },
    en: {
      subject: 'Response to your complaint: we stand by our decision ({{reference}})',
      body: lines(
        GREETING_EN,
        'You have contacted us again about this matter. We understand that you disagree with our decision. ' +
          'As there are no new facts, we stand by our earlier decision.',
        '{{answerText}}',
        RATE_EN,
        ROUTES_EN,
        CLOSING_EN,
      ),
    },
  },
  last_response: {
    nl: {
      subject: 'Onze laatste reactie in deze zaak ({{reference}})',
      body: lines(
        GREETING_NL,
        '{{answerText}}',
        'Dit is de laatste keer dat wij op deze zaak reageren. Nieuwe berichten hierover zonder nieuwe feiten ' +
          'nemen wij wel op, maar beantwoorden wij niet meer.',
        RATE_NL,
        ROUTES_NL,
        CLOSING_NL,
      ),
    },
    en: {
      subject: 'Our last response on this matter ({{reference}})',
      body: lines(
        GREETING_EN,
        '{{answerText}}',
        'This is the last time we respond on this matter. Further messages about it without new facts will be ' +
          'recorded, but not answered.',
        RATE_EN,
        ROUTES_EN,
        CLOSING_EN,
      ),
    },
  },
  extension_notice: {
    nl: {
      subject: 'Wij hebben meer tijd nodig voor uw klacht ({{reference}})',
      body: lines(
        GREETING_NL,
        'Wij hebben meer tijd nodig om uw klacht met kenmerk {{reference}} goed te behandelen.',
        '{{extensionText}}',
        'U krijgt uiterlijk op {{dueDate}} een reactie van ons.',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'We need more time for your complaint ({{reference}})',
      body: lines(
        GREETING_EN,
        'We need more time to handle your complaint with reference {{reference}} properly.',
        '{{extensionText}}',
        'You will hear from us no later than {{dueDate}}.',
        SIGNED_EN,
      ),
    },
  },
  committee_information: {
    nl: {
      subject: 'De regionale klachtencommissie ({{reference}})',
      body: lines(
        GREETING_NL,
        'U heeft aangegeven dat u niet tevreden bent met onze reactie op uw klacht {{reference}}. U kunt uw klacht ' +
          'voorleggen aan de {{committeeName}}. De commissie is onafhankelijk en geeft ons bestuur een advies.',
        REACH_COMMITTEE_NL,
        'Gaat uw klacht over de hoogte van de huur, de servicekosten of onderhoudsgebreken? Dan kunt u zich ook ' +
          'wenden tot de Huurcommissie (www.huurcommissie.nl).',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'The regional complaints committee ({{reference}})',
      body: lines(
        GREETING_EN,
        'You told us you are not satisfied with our response to complaint {{reference}}. You can put it to the ' +
          '{{committeeName}}. The committee is independent and advises our board.',
        REACH_COMMITTEE_EN,
        'If your complaint concerns the rent, service charges or maintenance defects, you can also turn to the ' +
          'Huurcommissie (rent tribunal, www.huurcommissie.nl).',
        SIGNED_EN,
      ),
    },
  },
  satisfaction_request: {
    nl: {
      subject: 'Hoe hebben wij uw klacht behandeld? ({{reference}})',
      body: lines(
        GREETING_NL,
        'Wij hebben uw klacht {{reference}} afgerond. Wij horen graag hoe u dit heeft ervaren. Het invullen kost ' +
          'twee minuten: {{statusLink}}',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'How did we handle your complaint? ({{reference}})',
      body: lines(
        GREETING_EN,
        'We have finished handling your complaint {{reference}}. We would like to hear how you experienced it. It ' +
          'takes two minutes: {{statusLink}}',
        SIGNED_EN,
      ),
    },
  },
  progress_in_handling: {
    nl: {
      subject: 'Uw klacht {{reference}} is in behandeling',
      body: lines(
        GREETING_NL,
        '{{handlerName}} behandelt uw klacht {{reference}}. U hoort uiterlijk {{dueDate}} van ons. Wij nemen ' +
          'daarvoor meestal telefonisch contact met u op.',
        'De stand van zaken ziet u ook hier: {{statusLink}}',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'Your complaint {{reference}} is being handled',
      body: lines(
        GREETING_EN,
        '{{handlerName}} is handling your complaint {{reference}}. You will hear from us by {{dueDate}} at the ' +
          'latest, usually by phone.',
        'You can also follow it here: {{statusLink}}',
        SIGNED_EN,
      ),
    },
  },
  progress_closed: {
    nl: {
      subject: 'Uw klacht {{reference}} is afgesloten',
      body: lines(
        GREETING_NL,
        'Wij hebben uw klacht {{reference}} afgesloten. Bedankt dat u de moeite nam ons dit te laten weten.',
        'U kunt de afhandeling nog nalezen via {{statusLink}}',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'Your complaint {{reference}} has been closed',
      body: lines(
        GREETING_EN,
        'We have closed your complaint {{reference}}. Thank you for taking the trouble to tell us.',
        'You can still read how it was handled at {{statusLink}}',
        SIGNED_EN,
      ),
    },
  },
  // Issue 21: the other steps that matter to the complainant, B1, no internal detail
  progress_committee: {
    nl: {
      subject: 'Uw klacht {{reference}} ligt bij de klachtencommissie',
      body: lines(
        GREETING_NL,
        'U heeft uw klacht {{reference}} voorgelegd aan de klachtencommissie. Wij hebben dat genoteerd.',
        'De commissie neemt zelf contact met u op. Wij doen wat de commissie vraagt.',
        'De stand van zaken ziet u hier: {{statusLink}}',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'Your complaint {{reference}} is with the complaints committee',
      body: lines(
        GREETING_EN,
        'You have taken your complaint {{reference}} to the complaints committee. We have noted this.',
        'The committee will contact you itself. We will do what the committee asks.',
        'You can follow it here: {{statusLink}}',
        SIGNED_EN,
      ),
    },
  },
  progress_withdrawn: {
    nl: {
      subject: 'Uw klacht {{reference}} is ingetrokken',
      body: lines(
        GREETING_NL,
        'Uw klacht {{reference}} is ingetrokken. Wij behandelen deze klacht dus niet verder.',
        'Klopt dit niet? Antwoord dan op dit bericht of bel ons.',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'Your complaint {{reference}} has been withdrawn',
      body: lines(
        GREETING_EN,
        'Your complaint {{reference}} has been withdrawn. We will not handle it any further.',
        'Is this not right? Then reply to this message or call us.',
        SIGNED_EN,
      ),
    },
  },
  progress_reopened: {
    nl: {
      subject: 'Wij behandelen uw klacht {{reference}} opnieuw',
      body: lines(
        GREETING_NL,
        'Wij behandelen uw klacht {{reference}} opnieuw. U hoort van ons wat wij gaan doen.',
        'De stand van zaken ziet u hier: {{statusLink}}',
        SIGNED_NL,
      ),
    },
    en: {
      subject: 'We are handling your complaint {{reference}} again',
      body: lines(
        GREETING_EN,
        'We are handling your complaint {{reference}} again. We will tell you what we are going to do.',
        'You can follow it here: {{statusLink}}',
        SIGNED_EN,
      ),
    },
  },
  assignment: {
    nl: {
      subject: 'Klacht {{reference}} is aan u toegewezen',
      body: lines(
        '{{recipientName}}, klacht {{reference}} is aan u toegewezen. Reageren vóór {{dueDate}}.',
        '{{caseLink}}',
      ),
    },
    en: {
      subject: 'Complaint {{reference}} has been assigned to you',
      body: lines(
        '{{recipientName}}, complaint {{reference}} has been assigned to you. Respond by {{dueDate}}.',
        '{{caseLink}}',
      ),
    },
  },
  approval_requested: {
    nl: {
      subject: 'Akkoord gevraagd voor klacht {{reference}}',
      body: lines(
        '{{recipientName}}, {{handlerName}} vraagt uw akkoord voor klacht {{reference}}.',
        '{{caseLink}}',
      ),
    },
    en: {
      subject: 'Approval requested for complaint {{reference}}',
      body: lines(
        '{{recipientName}}, {{handlerName}} asks for your approval on complaint {{reference}}.',
        '{{caseLink}}',
      ),
    },
  },
  due_soon: {
    nl: {
      subject: 'Termijn van klacht {{reference}} loopt af op {{dueDate}}',
      body: lines(
        '{{recipientName}}, de reactietermijn van klacht {{reference}} loopt af op {{dueDate}}.',
        '{{caseLink}}',
      ),
    },
    en: {
      subject: 'Term of complaint {{reference}} ends on {{dueDate}}',
      body: lines(
        '{{recipientName}}, the term of complaint {{reference}} ends on {{dueDate}}.',
        '{{caseLink}}',
      ),
    },
  },
  overdue: {
    nl: {
      subject: 'Termijn van klacht {{reference}} is verstreken',
      body: lines(
        '{{recipientName}}, de reactietermijn van klacht {{reference}} is op {{dueDate}} verstreken.',
        '{{caseLink}}',
      ),
    },
    en: {
      subject: 'Term of complaint {{reference}} has passed',
      body: lines(
        '{{recipientName}}, the term of complaint {{reference}} passed on {{dueDate}}.',
        '{{caseLink}}',
      ),
    },
  },
  // Issue 22: the middle of an answer only; the answer's template adds "Beste …," and the sign-off
  answer_text: {
    nl: {
      subject: 'Beoordeeld: ons oordeel',
      body: lines(
        'Op {{receivedDate}} heeft u een klacht bij ons ingediend. Dank u wel dat u dit aan ons heeft laten weten. ' +
          'Wij hebben uw klacht met u besproken en beoordeeld.',
        'Ons oordeel: uw klacht is {{outcome}}.',
        '[Leg hier uit wat u heeft gedaan en waarom.]',
        'Wij vergoeden u {{compensation}}.',
      ),
    },
    en: {
      subject: 'Assessed: our verdict',
      body: lines(
        'On {{receivedDate}} you submitted a complaint to us. Thank you for letting us know. ' +
          'We have discussed your complaint with you and assessed it.',
        'Our verdict: your complaint is {{outcome}}.',
        '[Explain here what you did and why.]',
        'We will pay you {{compensation}}.',
      ),
    },
  },
  answer_text_apology: {
    nl: {
      subject: 'Excuses en vergoeding',
      body: lines(
        'Wij hebben uw klacht met kenmerk {{reference}} beoordeeld. Uw klacht is {{outcome}}: het ging bij ons niet ' +
          'zoals het hoort. Onze excuses daarvoor.',
        'Als tegemoetkoming in de schade vergoeden wij u {{compensation}}. U ontvangt dit bedrag binnen vier weken.',
        '[Beschrijf hier wat wij doen om herhaling te voorkomen.]',
      ),
    },
    en: {
      subject: 'Apology and compensation',
      body: lines(
        'We have assessed your complaint with reference {{reference}}. Your complaint is {{outcome}}: things did ' +
          'not go as they should have. We apologise for that.',
        'To make up for the damage we will pay you {{compensation}}. You will receive it within four weeks.',
        '[Describe here what we do to prevent it from happening again.]',
      ),
    },
  },
  board_notice: {
    nl: {
      subject: 'Vertrouwelijk: vermoeden van een strafbaar feit ({{reference}})',
      body: lines(
        '{{recipientName}}, bij klacht {{reference}} is een ernstig vermoeden van een strafbaar feit gemeld. ' +
          'De klacht is vertrouwelijk gemaakt.',
        '{{caseLink}}',
      ),
    },
    en: {
      subject: 'Confidential: suspected criminal offence ({{reference}})',
      body: lines(
        '{{recipientName}}, a serious suspicion of a criminal offence was reported on complaint {{reference}}. ' +
          'The complaint has been made confidential.',
        '{{caseLink}}',
      ),
    },
  },
};

/** How a message addresses a complainant whose name we do not know. */
export const UNNAMED_RECIPIENT: Record<TenantLocale, string> = {
  nl: 'heer/mevrouw',
  en: 'Sir or Madam',
  tr: 'Bay/Bayan',
  ar: 'السيد/السيدة',
  pl: 'Pani/Panie',
};

/**
 * The complainant's mails and letters in the other tenant languages (issue 21, decision 028). An
 * organisation's own wording (admin, Dutch and English) applies to those two languages only.
 */
export const COMPLAINANT_TEMPLATES: Record<Exclude<TenantLocale, Locale>, ComplainantTemplates> = {
  tr: TR,
  ar: AR,
  pl: PL,
};

/**
 * The built-in text of a message in a language. Messages to staff are always Dutch or English (staff
 * read Dutch); a message to the complainant in Turkish, Arabic or Polish comes from that language's file.
 */
export function defaultTemplate(kind: MessageKind, locale: TenantLocale): TemplateText {
  if (locale === 'nl' || locale === 'en') return DEFAULT_TEMPLATES[kind][locale];
  if (MESSAGE_KINDS[kind].audience !== 'complainant') return DEFAULT_TEMPLATES[kind].nl;
  return COMPLAINANT_TEMPLATES[locale][kind as ComplainantKind];
}
