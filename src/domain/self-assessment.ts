import { formatRate } from './report-measures.ts';
import { SATISFACTION_MINIMUM_ANSWERS, type SatisfactionFigures } from './satisfaction-figures.ts';
import type { EvidenceKind, Requirement } from './self-assessment-requirements-2026.ts';
import {
  type EvidenceFigure,
  type ExtensionEvidence,
  fig,
  type Judgement,
  judgeExtensions,
  judgeRemedies,
  judgeTriage,
  type RemedyEvidence,
  TERMS_MET_SHARE,
  TERMS_PARTLY_SHARE,
  type Text,
  type TriageEvidence,
} from './self-assessment-rules-2026-2.ts';
import {
  type AcknowledgementEvidence,
  type AdjustmentEvidence,
  type BoardDecisionEvidence,
  judgeAcknowledgements,
  judgeAdjustments,
  judgeBoardDecisions,
  judgeBoardDecisionTerm,
} from './self-assessment-rules-measured.ts';

export type { EvidenceFigure } from './self-assessment-rules-2026-2.ts';

// The annual self-assessment (issue 26, decision 050): each requirement met / partly / not met / not measurable,
// judged from the year's evidence figures, with those figures and what is missing. Only aggregate figures: the
// result may be published for tenants.

export const ASSESSMENT_STATUSES = ['met', 'partly', 'not_met', 'not_measurable'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const STATUS_LABELS: Record<AssessmentStatus, { nl: string; en: string }> = {
  met: { nl: 'Voldaan', en: 'Met' },
  partly: { nl: 'Deels voldaan', en: 'Partly met' },
  not_met: { nl: 'Niet voldaan', en: 'Not met' },
  not_measurable: { nl: 'Niet meetbaar', en: 'Not measurable' },
};

/** The MT reviews the complaints every quarter (policy 3.1). */
export const MT_REVIEWS_PER_YEAR = 4;
/** The accessibility audit of the portal as documented in docs/portal.md (measured, not computed at run time). */
export const PORTAL_ACCESSIBILITY_AUDIT = {
  measuredOn: '2026-12-07',
  tools: 'Lighthouse 12.8 (npm run audit:a11y) en axe-core (WCAG 2.2 AA) in de browsertests',
  pagesAudited: 9,
  lowestLighthouseAccessibility: 100,
  axeViolations: 0,
  source: 'docs/portal.md, "Accessibility (WCAG 2.2 AA)"',
} as const;

export type SelfAssessmentEvidence = Readonly<{
  terms: Readonly<{ answered: number; onTimeOriginal: number; onTimeExtended: number; extended: number }>;
  committee: Readonly<{
    /** The committee's name and contact are set for the portal (tenants are told where it is). */
    configured: boolean;
    referred: number;
    ruled: number;
    /** Rulings per verdict label. */
    rulings: readonly Readonly<{ label: string; count: number }>[];
  }>;
  publication: Readonly<{ portalOnline: boolean; committeeOnPortal: boolean }>;
  learning: Readonly<{ mtReviewsHeld: number; actionsOpened: number; actionsDone: number }>;
  satisfaction: SatisfactionFigures;
  accessibility: typeof PORTAL_ACCESSIBILITY_AUDIT;
  /** Version 2026.2 (self-assessment-rules-2026-2.ts) */
  triage: TriageEvidence;
  remedies: RemedyEvidence;
  extensions: ExtensionEvidence;
  /** Decision 054 */
  acknowledgement: AcknowledgementEvidence;
  boardDecisions: BoardDecisionEvidence;
  adjustments: AdjustmentEvidence;
}>;

export type AssessedRequirement = Omit<Requirement, 'notMeasurable'> &
  Readonly<{ status: AssessmentStatus; figures: readonly EvidenceFigure[]; missing: Text | null }>;

function terms(e: SelfAssessmentEvidence): Judgement {
  const t = e.terms;
  const figures = [
    fig('Beantwoorde klachten', 'Complaints answered', t.answered),
    fig(
      'Op tijd (oorspronkelijke termijn)',
      'On time (original term)',
      `${t.onTimeOriginal} (${formatRate(t.answered ? t.onTimeOriginal / t.answered : null)})`,
    ),
    fig(
      'Op tijd (verlengde termijn)',
      'On time (extended term)',
      `${t.onTimeExtended} (${formatRate(t.answered ? t.onTimeExtended / t.answered : null)})`,
    ),
    fig('Termijn verlengd', 'Term extended', t.extended),
  ];
  if (t.answered === 0)
    return {
      status: 'not_measurable',
      figures,
      missing: { nl: 'Geen klachten beantwoord in dit jaar.', en: 'No complaints answered this year.' },
    };
  const share = t.onTimeExtended / t.answered;
  const late = t.answered - t.onTimeExtended;
  const missing =
    late === 0
      ? null
      : { nl: `${late} klachten te laat beantwoord.`, en: `${late} complaints answered late.` };
  return {
    status: share >= TERMS_MET_SHARE ? 'met' : share >= TERMS_PARTLY_SHARE ? 'partly' : 'not_met',
    figures,
    missing,
  };
}

function committee(e: SelfAssessmentEvidence): Judgement {
  const c = e.committee;
  const figures = [
    fig(
      'Klachtencommissie vastgelegd (naam en contact)',
      'Complaints committee recorded (name and contact)',
      c.configured ? 'ja / yes' : 'nee / no',
    ),
    fig('Naar de klachtencommissie', 'Referred to the committee', c.referred),
    fig('Uitspraken van de commissie', 'Committee rulings', c.ruled),
  ];
  return c.configured
    ? { status: 'met', figures, missing: null }
    : {
        status: 'not_met',
        figures,
        missing: {
          nl: 'Naam en contactgegevens van de klachtencommissie ontbreken in de portaalinstellingen.',
          en: 'The complaints committee’s name and contact details are missing from the portal settings.',
        },
      };
}

function committeeRulings(e: SelfAssessmentEvidence): Judgement {
  const c = e.committee;
  const figures = [
    fig('Naar de klachtencommissie', 'Referred to the committee', c.referred),
    fig('Uitspraken van de commissie', 'Committee rulings', c.ruled),
    ...c.rulings.map((r) => fig(`Uitspraak: ${r.label}`, `Ruling: ${r.label}`, r.count)),
  ];
  if (c.referred === 0 && c.ruled === 0)
    return {
      status: 'not_measurable',
      figures,
      missing: {
        nl: 'Geen zaken bij de klachtencommissie in dit jaar.',
        en: 'No cases with the complaints committee this year.',
      },
    };
  const open = Math.max(0, c.referred - c.ruled);
  return open === 0
    ? { status: 'met', figures, missing: null }
    : {
        status: 'partly',
        figures,
        missing: {
          nl: `${open} zaken nog zonder vastgelegde uitspraak.`,
          en: `${open} cases without a recorded ruling yet.`,
        },
      };
}

function accessibility(e: SelfAssessmentEvidence): Judgement {
  const a = e.accessibility;
  const figures = [
    fig('Gemeten op', 'Measured on', a.measuredOn),
    fig('Pagina’s gemeten', 'Pages audited', a.pagesAudited),
    fig(
      'Laagste Lighthouse-score toegankelijkheid',
      'Lowest Lighthouse accessibility score',
      a.lowestLighthouseAccessibility,
    ),
    fig('axe-overtredingen (WCAG 2.2 AA)', 'axe violations (WCAG 2.2 AA)', a.axeViolations),
  ];
  const met = a.lowestLighthouseAccessibility === 100 && a.axeViolations === 0;
  return {
    status: met ? 'met' : 'partly',
    figures,
    missing: met
      ? null
      : {
          nl: 'Niet elke pagina haalt de toegankelijkheidscontrole.',
          en: 'Not every page passes the accessibility check.',
        },
  };
}

function publication(e: SelfAssessmentEvidence): Judgement {
  const p = e.publication;
  const figures = [
    fig('Klachtenportaal online', 'Complaints portal online', p.portalOnline ? 'ja / yes' : 'nee / no'),
    fig(
      'Klachtencommissie op het portaal',
      'Complaints committee on the portal',
      p.committeeOnPortal ? 'ja / yes' : 'nee / no',
    ),
  ];
  if (!p.portalOnline)
    return {
      status: 'not_met',
      figures,
      missing: { nl: 'Het klachtenportaal is niet ingericht.', en: 'The complaints portal is not set up.' },
    };
  return {
    status: 'partly',
    figures,
    missing: {
      nl: `Het klachtenbeleid zelf staat niet in Gehoord; of het op de website staat, kan Gehoord niet zien.${p.committeeOnPortal ? '' : ' De klachtencommissie staat niet op het portaal.'}`,
      en: `The complaints policy itself is not held in Gehoord; whether it is on the website, Gehoord cannot see.${p.committeeOnPortal ? '' : ' The complaints committee is not on the portal.'}`,
    },
  };
}

function learning(e: SelfAssessmentEvidence): Judgement {
  const l = e.learning;
  const figures = [
    fig('MT-besprekingen gehouden', 'MT reviews held', `${l.mtReviewsHeld} / ${MT_REVIEWS_PER_YEAR}`),
    fig('Verbeteracties gestart', 'Improvement actions started', l.actionsOpened),
    fig('Verbeteracties afgerond', 'Improvement actions completed', l.actionsDone),
  ];
  if (l.mtReviewsHeld >= MT_REVIEWS_PER_YEAR && l.actionsOpened > 0)
    return { status: 'met', figures, missing: null };
  const gaps: Text[] = [];
  if (l.mtReviewsHeld < MT_REVIEWS_PER_YEAR)
    gaps.push({
      nl: `${MT_REVIEWS_PER_YEAR - l.mtReviewsHeld} kwartaalbesprekingen van het MT ontbreken.`,
      en: `${MT_REVIEWS_PER_YEAR - l.mtReviewsHeld} quarterly MT reviews are missing.`,
    });
  if (l.actionsOpened === 0)
    gaps.push({ nl: 'Geen verbeteracties gestart.', en: 'No improvement actions started.' });
  const missing = { nl: gaps.map((g) => g.nl).join(' '), en: gaps.map((g) => g.en).join(' ') };
  return { status: l.mtReviewsHeld > 0 || l.actionsOpened > 0 ? 'partly' : 'not_met', figures, missing };
}

function satisfaction(e: SelfAssessmentEvidence): Judgement {
  const s = e.satisfaction;
  const score = (v: SatisfactionFigures['handling']) =>
    // the value is shown in both languages: a withheld score is a dash with its count (decision 054)
    v.shown ? v.mean.toFixed(1).replace('.', ',') : `— (n=${v.answers})`;
  const figures = [
    fig('Tevredenheidsformulieren gevraagd', 'Satisfaction forms asked', s.asked),
    fig('Beantwoord', 'Answered', `${s.answers} (${formatRate(s.responseRate)})`),
    fig('Tevredenheid behandeling (1–5)', 'Satisfaction with the handling (1–5)', score(s.handling)),
    fig('Tevredenheid uitkomst (1–5)', 'Satisfaction with the outcome (1–5)', score(s.outcome)),
  ];
  if (s.asked === 0)
    return {
      status: 'not_measurable',
      figures,
      missing: { nl: 'Geen tevredenheidsformulieren verstuurd.', en: 'No satisfaction forms sent.' },
    };
  if (s.answers < SATISFACTION_MINIMUM_ANSWERS)
    return {
      status: 'partly',
      figures,
      missing: {
        nl: `Minder dan ${SATISFACTION_MINIMUM_ANSWERS} antwoorden: geen score te tonen.`,
        en: `Fewer than ${SATISFACTION_MINIMUM_ANSWERS} answers: no score to show.`,
      },
    };
  return { status: 'met', figures, missing: null };
}

const STATUS_ORDER: readonly AssessmentStatus[] = ['met', 'partly', 'not_met'];

/**
 * UK Code section 3 (decision 054): the portal's audit and whether the complainants' adjustments were followed.
 * The worse of the two counts; a year without adjustments is judged on the audit alone.
 */
function accessibilityAndAdjustments(e: SelfAssessmentEvidence): Judgement {
  const audit = accessibility(e);
  const adjustments = judgeAdjustments(e.adjustments);
  const judged = adjustments.status === 'not_measurable' ? [audit] : [audit, adjustments];
  const worst = Math.max(...judged.map((j) => STATUS_ORDER.indexOf(j.status)));
  const gaps = judged.flatMap((j) => (j.missing ? [j.missing] : []));
  return {
    status: STATUS_ORDER[worst] ?? audit.status,
    figures: [...audit.figures, ...adjustments.figures],
    missing:
      gaps.length === 0 ? null : { nl: gaps.map((g) => g.nl).join(' '), en: gaps.map((g) => g.en).join(' ') },
  };
}

const NOT_IN_GEHOORD: Text = {
  nl: 'Gehoord heeft geen gegevens die dit aantonen.',
  en: 'Gehoord holds no data that proves this.',
};

const JUDGES: Record<Exclude<EvidenceKind, 'none'>, (e: SelfAssessmentEvidence) => Judgement> = {
  terms,
  committee,
  committee_rulings: committeeRulings,
  accessibility,
  publication,
  learning,
  satisfaction,
  triage: (e) => judgeTriage(e.triage),
  remedies: (e) => judgeRemedies(e.remedies),
  extensions: (e) => judgeExtensions(e.extensions),
  acknowledgement: (e) => judgeAcknowledgements(e.acknowledgement),
  board_decisions: (e) => judgeBoardDecisions(e.boardDecisions),
  board_decision_term: (e) => judgeBoardDecisionTerm(e.boardDecisions),
  accessibility_and_adjustments: accessibilityAndAdjustments,
};

/** Every requirement judged from the year's evidence. */
export function assessRequirements(
  requirements: readonly Requirement[],
  evidence: SelfAssessmentEvidence,
): AssessedRequirement[] {
  return requirements.map(({ notMeasurable, ...r }) => ({
    ...r,
    ...(r.evidence === 'none'
      ? { status: 'not_measurable' as const, figures: [], missing: notMeasurable ?? NOT_IN_GEHOORD }
      : JUDGES[r.evidence](evidence)),
  }));
}

/** How many requirements have each status. */
export function countStatuses(assessed: readonly AssessedRequirement[]): Record<AssessmentStatus, number> {
  const counts = { met: 0, partly: 0, not_met: 0, not_measurable: 0 };
  for (const r of assessed) counts[r.status] += 1;
  return counts;
}
