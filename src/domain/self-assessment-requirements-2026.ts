// The requirements of the annual complaint-handling self-assessment (issue 26, decision 050), version 2026.2.
// Version 2026.1 (9 requirements) was replaced on 2026-12-07; assessments made with it keep their stored document.
// Decision 054 measured three requirements that were "not measurable" (UK-6-ACKNOWLEDGE, WW-55B-BOARD-DECISION,
// MR-BOARD-DECISION-TERM) and added the adjustments to UK-3-ACCESSIBILITY's evidence: their texts did not change, so the version stays 2026.2; an assessment stores its whole
// judged document, so one made before still renders as it was made.
// Versioned in the repository: a new edition of a source gets a new file and version; an assessment keeps the
// version it was made with. Each requirement names its framework, where in the source it stands, the source
// URL, and which evidence from Gehoord's data proves it. Where a paragraph number was not verified against the
// source text, `sectionNote` says so rather than inventing one.

export const EVIDENCE_KINDS = [
  'terms',
  'committee',
  'committee_rulings',
  'accessibility',
  'publication',
  'learning',
  'satisfaction',
  // version 2026.2
  'triage',
  'remedies',
  'extensions',
  // measured since decision 054 (the requirement texts unchanged)
  'acknowledgement',
  'board_decisions',
  'board_decision_term',
  'accessibility_and_adjustments',
  /** Gehoord holds no data that proves it: judged "not measurable" with the requirement's own missing text. */
  'none',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const FRAMEWORKS = {
  woningwet: {
    nl: 'Woningwet, art. 55b (klachtencommissie)',
    en: 'Dutch Housing Act (Woningwet), art. 55b (complaints committee)',
  },
  model_regulation: {
    nl: 'Voorbeeld Reglement Klachtencommissie (aangewezen op grond van art. 55b lid 3 Woningwet, versie 1 februari 2023)',
    en: 'Model complaints committee regulation (designated under art. 55b(3) Woningwet, version 1 February 2023)',
  },
  uk_code_2024: {
    nl: 'Housing Ombudsman (VK), Complaint Handling Code 2024 — internationale maatstaf',
    en: 'Housing Ombudsman (UK), Complaint Handling Code 2024 — international benchmark',
  },
} as const;
export type Framework = keyof typeof FRAMEWORKS;

export type Requirement = Readonly<{
  id: string;
  framework: Framework;
  section: string;
  /** Set when the section or paragraph number was not checked against the source text. */
  sectionNote: string | null;
  text: Readonly<{ nl: string; en: string }>;
  sourceUrl: string;
  evidence: EvidenceKind;
  /** For evidence `none`: what the corporation must show outside Gehoord (not stored in the document). */
  notMeasurable?: Readonly<{ nl: string; en: string }>;
}>;

const WONINGWET_URL = 'https://wetten.overheid.nl/BWBR0005181/';
const MODEL_URL = 'https://zoek.officielebekendmakingen.nl/stcrt-2023-6160.html';
const UK_CODE_URL =
  'https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/complaint-handling-code-2024/';
const UK_SELF_ASSESSMENT_URL =
  'https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/self-assessment-guidance/';
const UNVERIFIED_MODEL_ARTICLE =
  'Het artikelnummer in het voorbeeldreglement is niet gecontroleerd; de regel staat in het reglement. / The article number in the model regulation was not checked.';
const UNVERIFIED_ARTICLE_55B =
  'Artikel 55b is gecontroleerd (het besluit Stcrt. 2023, 6160 noemt art. 55b lid 3); dit lid niet. / Art. 55b checked (Stcrt. 2023, 6160 cites art. 55b(3)); this paragraph not.';
const MODEL_ARTICLE_1 =
  'Artikel 1 (Begrippen) van het voorbeeldreglement is tegen de tekst in Stcrt. 2023, 6160 gecontroleerd. / Art. 1 (definitions) checked against the text in Stcrt. 2023, 6160.';
const AEDES_CHANGES =
  'Het artikelnummer is niet gecontroleerd; de regel staat in de wijzigingen van versie 1 februari 2023 zoals Aedes ze beschrijft. / Article number not checked; the rule is among the 1 February 2023 changes as described by Aedes.';
const UK_PARAGRAPH_CHECKED =
  'Paragraafnummer gecontroleerd tegen gepubliceerde zelfevaluaties op de Code 2024, niet tegen de Code zelf. / Paragraph number checked against published self-assessments on the 2024 Code, not the Code itself.';
const UK_SECTION_ONLY =
  'Sectie van de Code 2024; het paragraafnummer binnen de sectie is niet gecontroleerd. / Section of the 2024 Code; the paragraph number within it was not checked.';

export const SELF_ASSESSMENT_REQUIREMENTS = {
  version: '2026.2',
  date: '2026-12-07',
  requirements: [
    {
      id: 'WW-55B-COMMITTEE',
      framework: 'woningwet',
      section: 'art. 55b',
      sectionNote: UNVERIFIED_ARTICLE_55B,
      text: {
        nl: 'De corporatie laat klachten van huurders behandelen door een klachtencommissie die zij (alleen of met andere corporaties) heeft ingesteld; huurders kunnen hun klacht daar voorleggen.',
        en: 'The corporation has complaints from tenants handled by a complaints committee it set up (alone or with other corporations); tenants can take their complaint there.',
      },
      sourceUrl: WONINGWET_URL,
      evidence: 'committee',
    },
    {
      id: 'WW-55B-REGULATION',
      framework: 'woningwet',
      section: 'art. 55b lid 3',
      sectionNote: null,
      text: {
        nl: 'De klachtencommissie werkt volgens het door de minister aangewezen klachtenreglement; de adviezen (uitspraken) van de commissie worden vastgelegd en opgevolgd.',
        en: 'The complaints committee works under the complaints regulation designated by the minister; the committee’s rulings are recorded and followed up.',
      },
      sourceUrl: MODEL_URL,
      evidence: 'committee_rulings',
    },
    {
      id: 'WW-55B-BOARD-DECISION',
      framework: 'woningwet',
      section: 'art. 55b',
      sectionNote: UNVERIFIED_ARTICLE_55B,
      text: {
        nl: 'Het bestuur beslist op het advies van de klachtencommissie en laat de huurder weten wat het met het advies doet.',
        en: 'The board decides on the complaints committee’s advice and tells the tenant what it does with the advice.',
      },
      sourceUrl: WONINGWET_URL,
      evidence: 'board_decisions',
    },
    {
      id: 'MR-1-INDEPENDENT-ADVICE',
      framework: 'model_regulation',
      section: 'Voorbeeld Reglement Klachtencommissie, art. 1 (Begrippen)',
      sectionNote: MODEL_ARTICLE_1,
      text: {
        nl: 'De klachtencommissie is ingesteld om de corporatie onafhankelijk te adviseren over klachten over het doen en nalaten van de corporatie.',
        en: 'The complaints committee is set up to advise the corporation independently on complaints about what the corporation did or failed to do.',
      },
      sourceUrl: MODEL_URL,
      evidence: 'committee',
    },
    {
      id: 'MR-COMPOSITION',
      framework: 'model_regulation',
      section: 'Voorbeeld Reglement Klachtencommissie (samenstelling)',
      sectionNote: UNVERIFIED_MODEL_ARTICLE,
      text: {
        nl: 'De commissie is onafhankelijk samengesteld; de huurdersorganisatie draagt ten minste één lid voor.',
        en: 'The committee is composed independently; the tenants’ organisation nominates at least one member.',
      },
      sourceUrl: MODEL_URL,
      evidence: 'none',
      notMeasurable: {
        nl: 'Gehoord kent de leden van de commissie niet. Toon de benoemingsbesluiten en de voordracht door de huurdersorganisatie.',
        en: 'Gehoord does not know the committee’s members. Show the appointment decisions and the tenants’ organisation’s nomination.',
      },
    },
    {
      id: 'MR-WHO-MAY-COMPLAIN',
      framework: 'model_regulation',
      section: 'Voorbeeld Reglement Klachtencommissie (ontvankelijkheid)',
      sectionNote: AEDES_CHANGES,
      text: {
        nl: 'Wie mag klagen en welke klachten de commissie behandelt, staat in het reglement; een klacht die niet in behandeling wordt genomen, krijgt een vastgelegde grond.',
        en: 'Who may complain and which complaints the committee handles is set out in the regulation; a complaint that is not taken into handling gets a recorded ground.',
      },
      sourceUrl: MODEL_URL,
      evidence: 'triage',
    },
    {
      id: 'MR-CORPORATION-FIRST',
      framework: 'model_regulation',
      section: 'Voorbeeld Reglement Klachtencommissie',
      sectionNote: UNVERIFIED_MODEL_ARTICLE,
      text: {
        nl: 'Een klacht wordt eerst door de corporatie zelf binnen een redelijke termijn behandeld; pas daarna kan de huurder naar de commissie. Gehoord meet de termijn van het eigen klachtenbeleid (beleid 2.3).',
        en: 'A complaint is first handled by the corporation itself within a reasonable term; only then may the tenant go to the committee. Gehoord measures the term of the corporation’s own policy (policy 2.3).',
      },
      sourceUrl: MODEL_URL,
      evidence: 'terms',
    },
    {
      id: 'MR-INFORM-TENANTS',
      framework: 'model_regulation',
      section: 'Voorbeeld Reglement Klachtencommissie',
      sectionNote: UNVERIFIED_MODEL_ARTICLE,
      text: {
        nl: 'Huurders weten hoe zij kunnen klagen en hoe zij de klachtencommissie bereiken: de klachtenregeling en de weg naar de commissie zijn openbaar.',
        en: 'Tenants know how to complain and how to reach the complaints committee: the complaints procedure and the way to the committee are public.',
      },
      sourceUrl: MODEL_URL,
      evidence: 'publication',
    },
    {
      id: 'MR-COMMITTEE-ADVICE',
      framework: 'model_regulation',
      section: 'Voorbeeld Reglement Klachtencommissie (advies)',
      sectionNote: UNVERIFIED_MODEL_ARTICLE,
      text: {
        nl: 'De commissie brengt over elke voorgelegde klacht een advies uit aan de corporatie; het advies wordt vastgelegd.',
        en: 'The committee gives the corporation an advice on every complaint put to it; the advice is recorded.',
      },
      sourceUrl: MODEL_URL,
      evidence: 'committee_rulings',
    },
    {
      id: 'MR-BOARD-DECISION-TERM',
      framework: 'model_regulation',
      section: 'Voorbeeld Reglement Klachtencommissie (beslissing op het advies)',
      sectionNote: UNVERIFIED_MODEL_ARTICLE,
      text: {
        nl: 'Het bestuur beslist binnen de termijn van het reglement op het advies en wijst de huurder daarbij op de mogelijkheid naar de huurcommissie te gaan.',
        en: 'The board decides on the advice within the regulation’s term and tells the tenant that they may go to the rent tribunal (huurcommissie).',
      },
      sourceUrl: MODEL_URL,
      evidence: 'board_decision_term',
    },
    {
      id: 'MR-ANNUAL-REPORT',
      framework: 'model_regulation',
      section: 'Voorbeeld Reglement Klachtencommissie (jaarverslag)',
      sectionNote: UNVERIFIED_MODEL_ARTICLE,
      text: {
        nl: 'De klachtencommissie brengt jaarlijks verslag uit van haar werkzaamheden.',
        en: 'The complaints committee reports on its work every year.',
      },
      sourceUrl: MODEL_URL,
      evidence: 'none',
      notMeasurable: {
        nl: 'Het jaarverslag van de commissie wordt buiten Gehoord gemaakt. Voeg het jaarverslag van de commissie toe; de cijfers van de corporatie staan in het jaarrapport van Gehoord.',
        en: 'The committee’s annual report is made outside Gehoord. Add the committee’s annual report; the corporation’s figures are in Gehoord’s annual report.',
      },
    },
    {
      id: 'UK-1-DEFINITION',
      framework: 'uk_code_2024',
      section: 'Section 1 (Definition of a complaint)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Elke uiting van ontevredenheid die de bewoner als klacht bedoelt, wordt als klacht herkend en vastgelegd; wat geen klacht is, wordt ook vastgelegd.',
        en: 'Every expression of dissatisfaction the resident means as a complaint is recognised and logged as one; what is not a complaint is recorded too.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'triage',
    },
    {
      id: 'UK-2-EXCLUSIONS',
      framework: 'uk_code_2024',
      section: 'Section 2 (Exclusions)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Een klacht wordt alleen om een in het beleid genoemde reden niet in behandeling genomen, en de bewoner krijgt die reden te horen.',
        en: 'A complaint is only refused for a reason set out in the policy, and the resident is told that reason.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'triage',
    },
    {
      id: 'UK-3-ACCESSIBILITY',
      framework: 'uk_code_2024',
      section: 'Section 3 (Accessibility and awareness)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Klagen is voor iedereen toegankelijk en makkelijk; de corporatie houdt rekening met wat huurders nodig hebben.',
        en: 'Complaining is accessible and easy for everyone; the landlord takes residents’ needs into account.',
      },
      sourceUrl: UK_CODE_URL,
      // decision 054: the portal's audit and the complainants' adjustments (decision 051) followed or not
      evidence: 'accessibility_and_adjustments',
    },
    {
      id: 'UK-3-PUBLICATION',
      framework: 'uk_code_2024',
      section: 'Section 3 (Accessibility and awareness)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Het klachtenbeleid staat op de website, op een plek die huurders vinden.',
        en: 'The complaints policy is published on the website, where residents can find it.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'publication',
    },
    {
      id: 'UK-3-ESCALATION-ROUTE',
      framework: 'uk_code_2024',
      section: 'Section 3 (Accessibility and awareness)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Bewoners weten waar zij terechtkunnen als zij het oneens blijven (in het VK de Ombudsman; hier de klachtencommissie).',
        en: 'Residents know where to turn when they still disagree (in the UK the Ombudsman; here the complaints committee).',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'committee',
    },
    {
      id: 'UK-4-COMPLAINTS-OFFICER',
      framework: 'uk_code_2024',
      section: 'Section 4 (Complaint handling staff)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Eén persoon of team heeft de leiding over de klachtbehandeling en heeft het gezag om klachten op te lossen.',
        en: 'One person or team leads complaint handling and has the authority to resolve complaints.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'none',
      notMeasurable: {
        nl: 'Gehoord kent rollen en afdelingen, maar legt niet vast wie de eindverantwoordelijke klachtfunctionaris is. Toon het besluit waarin die is aangewezen.',
        en: 'Gehoord knows roles and departments but does not record who the accountable complaints officer is. Show the decision that appoints them.',
      },
    },
    {
      id: 'UK-4-TRAINING',
      framework: 'uk_code_2024',
      section: 'Section 4 (Complaint handling staff)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Medewerkers die klachten behandelen zijn daarvoor opgeleid.',
        en: 'Staff who handle complaints are trained to do so.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'none',
      notMeasurable: {
        nl: 'Opleidingen staan niet in Gehoord. Toon de opleidingsregistratie van de klachtbehandelaars.',
        en: 'Training is not recorded in Gehoord. Show the training records of the complaint handlers.',
      },
    },
    {
      id: 'UK-5-REMEDY-IN-ANSWER',
      framework: 'uk_code_2024',
      section: 'Section 5 (The complaint handling process)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Elke klacht krijgt een volledig antwoord met de beslissing, de redenen en wat de corporatie doet om het goed te maken.',
        en: 'Every complaint gets a full answer with the decision, the reasons and what the landlord does to put things right.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'remedies',
    },
    {
      id: 'UK-6-ACKNOWLEDGE',
      framework: 'uk_code_2024',
      section: 'Section 6 (Complaint stages), 6.2',
      sectionNote: UK_PARAGRAPH_CHECKED,
      text: {
        nl: 'Een klacht wordt binnen vijf werkdagen na ontvangst bevestigd en vastgelegd.',
        en: 'A complaint is acknowledged and logged within five working days of receipt.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'acknowledgement',
    },
    {
      id: 'UK-6-STAGE1-RESPONSE',
      framework: 'uk_code_2024',
      section: 'Section 6 (Complaint stages), 6.3',
      sectionNote: UK_PARAGRAPH_CHECKED,
      text: {
        nl: 'Een klacht krijgt binnen de termijn een volledig antwoord (in het VK tien werkdagen; Gehoord meet de termijn van het eigen beleid).',
        en: 'A complaint gets a full response within the term (ten working days in the UK; Gehoord measures the corporation’s own policy term).',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'terms',
    },
    {
      id: 'UK-6-TIMESCALES',
      framework: 'uk_code_2024',
      section: 'Section 6 (Complaint stages)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Klachten worden binnen de vastgestelde termijnen beantwoord; verlenging alleen met reden en bericht aan de klager.',
        en: 'Complaints are answered within the set timescales; an extension only with a reason and notice to the resident.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'terms',
    },
    {
      id: 'UK-6-EXTENSION',
      framework: 'uk_code_2024',
      section: 'Section 6 (Complaint stages)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Een verlenging van de termijn wordt alleen gebruikt waar de klacht dat vraagt, met een reden en een bericht aan de bewoner met de nieuwe termijn; die termijn wordt gehaald.',
        en: 'An extension of the term is only used where the complaint needs it, with a reason and a notice to the resident giving the new timescale; that timescale is met.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'extensions',
    },
    {
      id: 'UK-6-STAGE2',
      framework: 'uk_code_2024',
      section: 'Section 6 (Complaint stages), 6.10',
      sectionNote: UK_PARAGRAPH_CHECKED,
      text: {
        nl: 'Wie na het antwoord ontevreden blijft, kan een tweede, laatste beoordeling krijgen; in Nederland is dat de klachtencommissie.',
        en: 'A resident who stays dissatisfied after the answer can have a second, final review; in the Netherlands that is the complaints committee.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'committee_rulings',
    },
    {
      id: 'UK-6-STAGE2-OTHER-PERSON',
      framework: 'uk_code_2024',
      section: 'Section 6 (Complaint stages), 6.13',
      sectionNote: UK_PARAGRAPH_CHECKED,
      text: {
        nl: 'Wie de klacht in de tweede fase beoordeelt, is niet dezelfde als in de eerste fase.',
        en: 'The person who considers the complaint at stage 2 is not the person who considered it at stage 1.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'none',
      notMeasurable: {
        nl: 'De tweede fase is de klachtencommissie, buiten de organisatie; Gehoord kan niet zien wie daar beslist. Toon de samenstelling van de commissie per zaak.',
        en: 'The second stage is the complaints committee, outside the organisation; Gehoord cannot see who decides there. Show the committee’s composition per case.',
      },
    },
    {
      id: 'UK-7-PUTTING-RIGHT',
      framework: 'uk_code_2024',
      section: 'Section 7 (Putting things right)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Waar iets mis is gegaan, maakt de corporatie het goed (excuses, herstel, vergoeding) en doet zij wat zij heeft toegezegd.',
        en: 'Where something went wrong, the landlord puts it right (apology, repair, compensation) and does what it promised.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'remedies',
    },
    {
      id: 'UK-8-SELF-ASSESSMENT',
      framework: 'uk_code_2024',
      section: 'Section 8 (Self-assessment, reporting and compliance)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'De corporatie beoordeelt zich jaarlijks tegen de eisen en publiceert de zelfevaluatie met haar klachtencijfers, inclusief tevredenheid.',
        en: 'The landlord assesses itself against the requirements every year and publishes the self-assessment with its complaint figures, satisfaction included.',
      },
      sourceUrl: UK_SELF_ASSESSMENT_URL,
      evidence: 'satisfaction',
    },
    {
      id: 'UK-8-GOVERNING-BODY-RESPONSE',
      framework: 'uk_code_2024',
      section: 'Section 8 (Self-assessment, reporting and compliance)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Het jaarlijkse klachtenrapport wordt besproken door het hoogste bestuursorgaan, dat er een reactie op publiceert.',
        en: 'The annual complaints report is considered by the governing body, which publishes a response to it.',
      },
      sourceUrl: UK_SELF_ASSESSMENT_URL,
      evidence: 'none',
      notMeasurable: {
        nl: 'Of de raad van commissarissen het rapport besprak en erop reageerde, staat niet in Gehoord. Toon het verslag van die vergadering.',
        en: 'Whether the supervisory board discussed the report and responded is not held in Gehoord. Show the minutes of that meeting.',
      },
    },
    {
      id: 'UK-9-LEARNING',
      framework: 'uk_code_2024',
      section: 'Section 9 (Scrutiny and oversight: continuous learning and improvement)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'De leiding bespreekt de klachten regelmatig en leert ervan: verbeteracties worden afgesproken en afgerond.',
        en: 'Senior management reviews complaints regularly and learns from them: improvement actions are agreed and completed.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'learning',
    },
    {
      id: 'UK-9-MEMBER-RESPONSIBLE',
      framework: 'uk_code_2024',
      section: 'Section 9 (Scrutiny and oversight: continuous learning and improvement)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Eén lid van het bestuursorgaan is verantwoordelijk voor klachten en ziet toe op de klachtbehandeling.',
        en: 'One member of the governing body is responsible for complaints and oversees complaint handling.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'none',
      notMeasurable: {
        nl: 'Wie in de raad van commissarissen verantwoordelijk is voor klachten, staat niet in Gehoord. Toon het besluit waarin dit lid is aangewezen.',
        en: 'Which supervisory board member is responsible for complaints is not held in Gehoord. Show the decision that names this member.',
      },
    },
  ],
} as const satisfies Readonly<{
  version: string;
  date: string;
  requirements: readonly Requirement[];
}>;
