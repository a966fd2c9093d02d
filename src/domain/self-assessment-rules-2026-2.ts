import { formatRate } from './report-measures.ts';
import type { AssessmentStatus } from './self-assessment.ts';

// The judgement rules added with requirements version 2026.2 (issue 26, decision 050 amended): triage, putting
// things right and term extensions, each from one year's aggregate figures; and the figure/judgement shapes the
// self-assessment's rules share. Pure.

export type Text = Readonly<{ nl: string; en: string }>;
export type EvidenceFigure = Readonly<{ label: Text; value: string }>;
export type Judgement = Readonly<{
  status: AssessmentStatus;
  figures: EvidenceFigure[];
  missing: Text | null;
}>;

export const fig = (nl: string, en: string, value: string | number): EvidenceFigure => ({
  label: { nl, en },
  value: String(value),
});

/** On time at or above this share of the answered complaints: met; at or above PARTLY: partly. */
export const TERMS_MET_SHARE = 0.95;
export const TERMS_PARTLY_SHARE = 0.8;

/**
 * Above this share of the received complaints refused (outside the procedure or not a complaint), the exclusions
 * are only "partly" shown to be fair: the UK Code (section 2) asks for no blanket exclusions, and more than one
 * in ten refused is the point where the corporation should show its grounds. Every refusal has a recorded ground
 * (triage requires it), so the data cannot show "not met".
 */
export const TRIAGE_REFUSED_PARTLY_SHARE = 0.1;

/** The year's received complaints by triage outcome (report sets, dated by receipt). */
export type TriageEvidence = Readonly<{
  received: number;
  takenIntoHandling: number;
  outsideProcedure: number;
  notAComplaint: number;
  boardTrack: number;
}>;
/** The year's answered complaints, the (partly) upheld ones and those with a remedy recorded. */
export type RemedyEvidence = Readonly<{
  answered: number;
  upheld: number;
  upheldWithRemedy: number;
  compensationGranted: number;
}>;
/** Answered complaints whose term was extended, with every extension explained, and answered on time. */
export type ExtensionEvidence = Readonly<{
  answered: number;
  extended: number;
  explained: number;
  onTimeAfterExtension: number;
}>;

export function judgeTriage(t: TriageEvidence): Judgement {
  const refused = t.outsideProcedure + t.notAComplaint;
  const share = t.received ? refused / t.received : null;
  const figures = [
    fig('Ontvangen', 'Received', t.received),
    fig('In behandeling genomen', 'Taken into handling', t.takenIntoHandling),
    fig('Buiten de procedure (met grond)', 'Outside the procedure (with a ground)', t.outsideProcedure),
    fig('Geen klacht', 'Not a complaint', t.notAComplaint),
    fig(
      'Naar het bestuur (vermoeden van een strafbaar feit)',
      'To the board (suspected offence)',
      t.boardTrack,
    ),
    fig('Niet in behandeling genomen', 'Refused', `${refused} (${formatRate(share)})`),
  ];
  if (share === null)
    return {
      status: 'not_measurable',
      figures,
      missing: { nl: 'Geen klachten ontvangen in dit jaar.', en: 'No complaints received this year.' },
    };
  if (share <= TRIAGE_REFUSED_PARTLY_SHARE) return { status: 'met', figures, missing: null };
  return {
    status: 'partly',
    figures,
    missing: {
      nl: `${refused} van ${t.received} klachten niet in behandeling genomen (meer dan ${Math.round(TRIAGE_REFUSED_PARTLY_SHARE * 100)}%): laat zien dat de gronden terecht waren.`,
      en: `${refused} of ${t.received} complaints refused (more than ${Math.round(TRIAGE_REFUSED_PARTLY_SHARE * 100)}%): show that the grounds were fair.`,
    },
  };
}

export function judgeRemedies(r: RemedyEvidence): Judgement {
  const figures = [
    fig('Beantwoorde klachten', 'Complaints answered', r.answered),
    fig('(Deels) gegrond', '(Partly) upheld', r.upheld),
    fig(
      'Gegrond met excuses of vergoeding vastgelegd',
      'Upheld with an apology or compensation recorded',
      `${r.upheldWithRemedy} (${formatRate(r.upheld ? r.upheldWithRemedy / r.upheld : null)})`,
    ),
    fig('Vergoeding toegekend', 'Compensation granted', r.compensationGranted),
  ];
  if (r.upheld === 0)
    return {
      status: 'not_measurable',
      figures,
      missing: {
        nl: 'Geen (deels) gegronde klachten beantwoord in dit jaar: niets om goed te maken.',
        en: 'No (partly) upheld complaints answered this year: nothing to put right.',
      },
    };
  const without = r.upheld - r.upheldWithRemedy;
  if (without === 0) return { status: 'met', figures, missing: null };
  return {
    status: r.upheldWithRemedy > 0 ? 'partly' : 'not_met',
    figures,
    missing: {
      nl: `${without} (deels) gegronde klachten zonder vastgelegde excuses of vergoeding.`,
      en: `${without} (partly) upheld complaints without a recorded apology or compensation.`,
    },
  };
}

export function judgeExtensions(x: ExtensionEvidence): Judgement {
  const figures = [
    fig('Beantwoorde klachten', 'Complaints answered', x.answered),
    fig(
      'Termijn verlengd',
      'Term extended',
      `${x.extended} (${formatRate(x.answered ? x.extended / x.answered : null)})`,
    ),
    fig('Met reden en bericht aan de klager', 'With a reason and a notice to the complainant', x.explained),
    fig(
      'Binnen de verlengde termijn beantwoord',
      'Answered within the extended term',
      x.onTimeAfterExtension,
    ),
  ];
  if (x.extended === 0)
    return {
      status: 'not_measurable',
      figures,
      missing: { nl: 'Geen termijn verlengd in dit jaar.', en: 'No term extended this year.' },
    };
  const unexplained = x.extended - x.explained;
  const late = x.extended - x.onTimeAfterExtension;
  if (unexplained === 0 && late === 0) return { status: 'met', figures, missing: null };
  const gaps: Text[] = [];
  if (unexplained > 0)
    gaps.push({
      nl: `${unexplained} verlengingen zonder reden of bericht aan de klager.`,
      en: `${unexplained} extensions without a reason or a notice to the complainant.`,
    });
  if (late > 0)
    gaps.push({
      nl: `${late} klachten ook na verlenging te laat beantwoord.`,
      en: `${late} complaints answered late even after the extension.`,
    });
  return {
    status: unexplained > 0 ? 'not_met' : 'partly',
    figures,
    missing: { nl: gaps.map((g) => g.nl).join(' '), en: gaps.map((g) => g.en).join(' ') },
  };
}
