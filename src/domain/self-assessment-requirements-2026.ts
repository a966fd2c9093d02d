// The requirements of the annual complaint-handling self-assessment (issue 26, decision 050), version 2026.
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
}>;

const WONINGWET_URL = 'https://wetten.overheid.nl/BWBR0005181/';
const MODEL_URL = 'https://zoek.officielebekendmakingen.nl/stcrt-2023-6160.html';
const UK_CODE_URL =
  'https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/complaint-handling-code-2024/';
const UK_SELF_ASSESSMENT_URL =
  'https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/self-assessment-guidance/';
const UNVERIFIED_PARAGRAPH =
  'Alleen het artikel is gecontroleerd; het lid is niet tegen de wettekst gecontroleerd. / Only the article was checked, not the paragraph.';
const UNVERIFIED_MODEL_ARTICLE =
  'Het artikelnummer in het voorbeeldreglement is niet gecontroleerd; de regel staat in het reglement. / The article number in the model regulation was not checked.';
const UK_SECTION_ONLY =
  'Sectie van de Code 2024; het paragraafnummer binnen de sectie is niet gecontroleerd. / Section of the 2024 Code; the paragraph number within it was not checked.';

export const SELF_ASSESSMENT_REQUIREMENTS = {
  version: '2026.1',
  date: '2026-12-07',
  requirements: [
    {
      id: 'WW-55B-COMMITTEE',
      framework: 'woningwet',
      section: 'art. 55b',
      sectionNote: UNVERIFIED_PARAGRAPH,
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
      id: 'MR-TERMS',
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
      id: 'UK-3-ACCESSIBILITY',
      framework: 'uk_code_2024',
      section: 'Section 3 (Accessibility and awareness)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Klagen is voor iedereen toegankelijk en makkelijk; de corporatie houdt rekening met wat huurders nodig hebben.',
        en: 'Complaining is accessible and easy for everyone; the landlord takes residents’ needs into account.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'accessibility',
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
      id: 'UK-6-TIMESCALES',
      framework: 'uk_code_2024',
      section: 'Section 6 (Complaint handling stages)',
      sectionNote: UK_SECTION_ONLY,
      text: {
        nl: 'Klachten worden binnen de vastgestelde termijnen beantwoord; verlenging alleen met reden en bericht aan de klager.',
        en: 'Complaints are answered within the set timescales; an extension only with a reason and notice to the resident.',
      },
      sourceUrl: UK_CODE_URL,
      evidence: 'terms',
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
  ],
} as const satisfies Readonly<{
  version: string;
  date: string;
  requirements: readonly Requirement[];
}>;
