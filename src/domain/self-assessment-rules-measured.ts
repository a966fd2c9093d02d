import { toLocalDate } from './business-time.ts';
import type { CalendarSettings } from './calendar-settings.ts';
import { adjustmentWarnings, type MessageRoute } from './complainant-adjustments.ts';
import { computeTermStartDay } from './complaint-term.ts';
import { compareLocalDates, type LocalDate } from './local-date.ts';
import { formatRate, median } from './report-measures.ts';
import {
  fig,
  type Judgement,
  TERMS_MET_SHARE,
  TERMS_PARTLY_SHARE,
  type Text,
} from './self-assessment-rules-2026-2.ts';
import { addWorkingDays, workingDaysBetween } from './working-day-calendar.ts';

// Requirements of version 2026.2 that were judged "not measurable" and that Gehoord's data now supports (issue 26,
// decision 054): the acknowledgement within five working days (UK Code 6.2) and the board's decision on the
// committee's advice (Woningwet art. 55b, model regulation); and the adjustments for complainants who need them
// (decision 051) beside the portal's accessibility (UK Code section 3). Pure: the server gives the year's facts, the domain
// calendar and the server clock's `now`.

/** UK Complaint Handling Code 2024, 6.2: acknowledged and logged within five working days of receipt. */
export const ACKNOWLEDGE_WITHIN_WORKING_DAYS = 5;

/**
 * One complaint received in the year. What counts as its acknowledgement (decision 054): the portal's confirmation
 * page at submission (it shows the reference and the status link at once), or the first acknowledgement e-mail sent
 * or acknowledgement letter posted (outbox kinds `acknowledgement`, `acknowledgement_without_answer`, status sent).
 */
export type AcknowledgementFacts = Readonly<{
  receivedAt: Date;
  viaPortal: boolean;
  messageSentAt: Date | null;
}>;

export type AcknowledgementEvidence = Readonly<{
  /** Complaints whose five working days have passed or that were acknowledged: the n of the share. */
  counted: number;
  onTime: number;
  /** Acknowledged after the five working days. */
  lateAcknowledged: number;
  /** Not acknowledged and the five working days have passed. */
  notAcknowledged: number;
  /** Not acknowledged yet, still within the five working days (not counted). */
  pending: number;
  byPortal: number;
  byMessage: number;
  /** Median working days from the term's day 0 to the acknowledgement, of those acknowledged late. */
  lateMedianWorkingDays: number | null;
}>;

/**
 * Working days from day 0 (the day of receipt, or the next working day after the cut-off or on a day off: the
 * complaint term's rule, policy 2.3) to the day it was acknowledged; 0 when acknowledged before day 0.
 */
export function acknowledgementWorkingDays(
  receivedAt: Date,
  acknowledgedAt: Date,
  settings: CalendarSettings,
): number {
  const start = computeTermStartDay(receivedAt, settings);
  return Math.max(0, workingDaysBetween(start, toLocalDate(acknowledgedAt), settings));
}

/** The last day on which the acknowledgement is on time. */
export function acknowledgementDueDay(receivedAt: Date, settings: CalendarSettings): LocalDate {
  return addWorkingDays(computeTermStartDay(receivedAt, settings), ACKNOWLEDGE_WITHIN_WORKING_DAYS, settings);
}

export function summarizeAcknowledgements(
  facts: readonly AcknowledgementFacts[],
  settings: CalendarSettings,
  now: Date,
): AcknowledgementEvidence {
  const today = toLocalDate(now);
  let onTime = 0;
  let notAcknowledged = 0;
  let pending = 0;
  let byPortal = 0;
  let byMessage = 0;
  const lateDays: number[] = [];
  for (const f of facts) {
    const acknowledgedAt = f.viaPortal ? f.receivedAt : f.messageSentAt;
    if (acknowledgedAt === null) {
      if (compareLocalDates(today, acknowledgementDueDay(f.receivedAt, settings)) > 0) notAcknowledged += 1;
      else pending += 1;
      continue;
    }
    if (f.viaPortal) byPortal += 1;
    else byMessage += 1;
    const days = acknowledgementWorkingDays(f.receivedAt, acknowledgedAt, settings);
    if (days <= ACKNOWLEDGE_WITHIN_WORKING_DAYS) onTime += 1;
    else lateDays.push(days);
  }
  return {
    counted: onTime + lateDays.length + notAcknowledged,
    onTime,
    lateAcknowledged: lateDays.length,
    notAcknowledged,
    pending,
    byPortal,
    byMessage,
    lateMedianWorkingDays: median(lateDays),
  };
}

const decimal = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace('.', ','));

export function judgeAcknowledgements(a: AcknowledgementEvidence): Judgement {
  const late = a.lateAcknowledged + a.notAcknowledged;
  const figures = [
    fig('Klachten met verstreken of gehaalde bevestigingstermijn (n)', 'Complaints counted (n)', a.counted),
    fig(
      `Binnen ${ACKNOWLEDGE_WITHIN_WORKING_DAYS} werkdagen bevestigd`,
      `Acknowledged within ${ACKNOWLEDGE_WITHIN_WORKING_DAYS} working days`,
      `${a.onTime} (${formatRate(a.counted ? a.onTime / a.counted : null)})`,
    ),
    fig('Te laat bevestigd', 'Acknowledged late', a.lateAcknowledged),
    fig(
      'Te laat bevestigd: mediaan werkdagen na ontvangst',
      'Acknowledged late: median working days after receipt',
      a.lateMedianWorkingDays === null ? '—' : decimal(a.lateMedianWorkingDays),
    ),
    fig('Niet bevestigd (termijn verstreken)', 'Not acknowledged (term passed)', a.notAcknowledged),
    fig('Bevestigd op het portaal bij indienen', 'Acknowledged by the portal on submission', a.byPortal),
    fig('Bevestigd per e-mail of brief', 'Acknowledged by e-mail or letter', a.byMessage),
    fig('Nog binnen de termijn (niet meegeteld)', 'Still within the term (not counted)', a.pending),
  ];
  if (a.counted === 0)
    return {
      status: 'not_measurable',
      figures,
      missing: {
        nl: 'Geen klachten ontvangen waarvan de bevestigingstermijn in dit jaar verstreek.',
        en: 'No complaints received whose acknowledgement term passed this year.',
      },
    };
  const share = a.onTime / a.counted;
  return {
    status: share >= TERMS_MET_SHARE ? 'met' : share >= TERMS_PARTLY_SHARE ? 'partly' : 'not_met',
    figures,
    missing:
      late === 0
        ? null
        : {
            nl: `${late} klachten niet binnen ${ACKNOWLEDGE_WITHIN_WORKING_DAYS} werkdagen bevestigd.`,
            en: `${late} complaints not acknowledged within ${ACKNOWLEDGE_WITHIN_WORKING_DAYS} working days.`,
          },
  };
}

/** The committee's rulings of the year and what the board did with them (committee.ts: ruling → board → follow-up). */
export type BoardDecisionEvidence = Readonly<{
  ruled: number;
  boardDecided: number;
  adoptedAdvice: number;
  /** The follow-up recorded: what was done after the decision, so the complainant is told. */
  followedUp: number;
  /** Working days from the ruling to the board's decision, of those decided. */
  decisionWorkingDays: readonly number[];
}>;

export type BoardDecisionFacts = Readonly<{
  rulingAt: Date;
  boardDecisionAt: Date | null;
  adoptsAdvice: boolean;
  followedUp: boolean;
}>;

export function summarizeBoardDecisions(
  facts: readonly BoardDecisionFacts[],
  settings: CalendarSettings,
): BoardDecisionEvidence {
  const decided = facts.filter((f) => f.boardDecisionAt !== null);
  return {
    ruled: facts.length,
    boardDecided: decided.length,
    adoptedAdvice: decided.filter((f) => f.adoptsAdvice).length,
    followedUp: decided.filter((f) => f.followedUp).length,
    decisionWorkingDays: decided.map((f) =>
      Math.max(
        0,
        workingDaysBetween(toLocalDate(f.rulingAt), toLocalDate(f.boardDecisionAt as Date), settings),
      ),
    ),
  };
}

const boardFigures = (b: BoardDecisionEvidence) => {
  const days = median([...b.decisionWorkingDays]);
  return [
    fig('Uitspraken van de commissie', 'Committee rulings', b.ruled),
    fig('Besluit van het bestuur vastgelegd', 'Board decision recorded', b.boardDecided),
    fig('Advies overgenomen', 'Advice adopted', b.adoptedAdvice),
    fig('Opvolging vastgelegd (klager geïnformeerd)', 'Follow-up recorded (complainant told)', b.followedUp),
    fig(
      'Mediaan werkdagen van uitspraak tot besluit',
      'Median working days from ruling to decision',
      days === null ? '—' : decimal(days),
    ),
    fig(
      'Langste aantal werkdagen van uitspraak tot besluit',
      'Longest working days from ruling to decision',
      b.decisionWorkingDays.length === 0 ? '—' : Math.max(...b.decisionWorkingDays),
    ),
  ];
};

const NO_RULINGS: Text = {
  nl: 'Geen uitspraken van de klachtencommissie in dit jaar.',
  en: 'No complaints committee rulings this year.',
};

/** Woningwet art. 55b: the board decides on the advice and tells the tenant what it does with it. */
export function judgeBoardDecisions(b: BoardDecisionEvidence): Judgement {
  const figures = boardFigures(b);
  if (b.ruled === 0) return { status: 'not_measurable', figures, missing: NO_RULINGS };
  const undecided = b.ruled - b.boardDecided;
  const untold = b.boardDecided - b.followedUp;
  if (undecided === 0 && untold === 0) return { status: 'met', figures, missing: null };
  const gaps: Text[] = [];
  if (undecided > 0)
    gaps.push({
      nl: `${undecided} uitspraken nog zonder besluit van het bestuur.`,
      en: `${undecided} rulings without a board decision yet.`,
    });
  if (untold > 0)
    gaps.push({
      nl: `${untold} besluiten zonder vastgelegde opvolging naar de klager.`,
      en: `${untold} decisions without a recorded follow-up to the complainant.`,
    });
  return {
    status: b.boardDecided > 0 ? 'partly' : 'not_met',
    figures,
    missing: { nl: gaps.map((g) => g.nl).join(' '), en: gaps.map((g) => g.en).join(' ') },
  };
}

/**
 * Model regulation, the board's decision within the regulation's term: Gehoord shows how long the board took, but
 * the regulation's term was not verified and the decision letter's reference to the rent tribunal is free text, so
 * this stays "not measurable" with the figures beside it.
 */
export function judgeBoardDecisionTerm(b: BoardDecisionEvidence): Judgement {
  return {
    status: 'not_measurable',
    figures: b.ruled === 0 ? [] : boardFigures(b),
    missing: {
      nl: 'Gehoord legt het besluit van het bestuur en de datum vast (zie de cijfers), maar niet de termijn van het reglement en niet of de brief de huurder op de huurcommissie wees. Toon de beslisbrieven.',
      en: 'Gehoord records the board’s decision and its date (see the figures), but not the regulation’s term nor whether the letter told the tenant about the rent tribunal. Show the decision letters.',
    },
  };
}

/**
 * One complaint received in the year whose complainant has adjustments recorded (decision 051), with what the term
 * monitor compares: the route asked for, the e-mails that went to the complainant's own address since the channel
 * was recorded, the phone contacts logged since a call-back was asked, and whether the answer term has ended.
 */
export type AdjustmentYearFacts = Readonly<{
  personId: string;
  route: MessageRoute;
  callBackAsked: boolean;
  emailsToComplainant: number;
  phoneContacts: number;
  termEnded: boolean;
}>;

export type AdjustmentEvidence = Readonly<{
  complaints: number;
  complainants: number;
  /** Complaints whose complainant asked for letters or the phone and still got an e-mail (cannot be undone). */
  emailedDespitePreference: number;
  callBackAsked: number;
  /** Of those, the term ended without a phone contact logged: the call-back warning was never resolved. */
  callBackMissed: number;
  /** Call-backs asked on a complaint whose term still runs: not judged yet. */
  callBackOpen: number;
}>;

/** The year's adjustments judged with the term monitor's own rule (adjustmentWarnings) at the end of each term. */
export function summarizeAdjustments(facts: readonly AdjustmentYearFacts[]): AdjustmentEvidence {
  let emailedDespitePreference = 0;
  let callBackAsked = 0;
  let callBackMissed = 0;
  let callBackOpen = 0;
  for (const f of facts) {
    // an ended term has no working days left: every call-back still missing then was not followed
    const warnings = adjustmentWarnings({ ...f, workingDaysLeft: f.termEnded ? 0 : null });
    if (warnings.includes('emailed_despite_preference')) emailedDespitePreference += 1;
    if (!f.callBackAsked) continue;
    callBackAsked += 1;
    if (warnings.includes('call_back_missing')) callBackMissed += 1;
    else if (!f.termEnded && f.phoneContacts === 0) callBackOpen += 1;
  }
  return {
    complaints: facts.length,
    complainants: new Set(facts.map((f) => f.personId)).size,
    emailedDespitePreference,
    callBackAsked,
    callBackMissed,
    callBackOpen,
  };
}

/** UK Code section 3: the landlord takes residents' needs into account — were the recorded adjustments followed? */
export function judgeAdjustments(a: AdjustmentEvidence): Judgement {
  const figures = [
    fig(
      'Klachten van klagers met een aanpassing',
      'Complaints from complainants with an adjustment',
      a.complaints,
    ),
    fig('Klagers met een aanpassing', 'Complainants with an adjustment', a.complainants),
    fig(
      'Toch gemaild ondanks voorkeur voor brief of telefoon',
      'E-mailed despite a preference for letter or phone',
      a.emailedDespitePreference,
    ),
    fig('Terugbellen gevraagd', 'Call-back asked', a.callBackAsked),
    fig('Terugbellen niet gedaan (termijn voorbij)', 'Call-back not made (term ended)', a.callBackMissed),
    fig('Terugbellen nog open (termijn loopt)', 'Call-back still open (term running)', a.callBackOpen),
  ];
  if (a.complaints === 0)
    return {
      status: 'not_measurable',
      figures,
      missing: {
        nl: 'Geen aanpassingen vastgelegd voor klagers van dit jaar.',
        en: 'No adjustments recorded for this year’s complainants.',
      },
    };
  const notFollowed = a.emailedDespitePreference + a.callBackMissed;
  if (notFollowed === 0) return { status: 'met', figures, missing: null };
  return {
    status: notFollowed < a.complaints ? 'partly' : 'not_met',
    figures,
    missing: {
      nl: `${notFollowed} keer een aanpassing niet gevolgd (e-mail ondanks voorkeur of terugbellen niet gedaan).`,
      en: `${notFollowed} times an adjustment was not followed (e-mail despite a preference, or no call-back).`,
    },
  };
}
