import {
  BOARD_TRACK_DECISIONS,
  BOARD_TRACK_REPORT_DECISIONS,
  COMMITTEE_VERDICTS,
  COMPLAINT_CATEGORIES,
  INTAKE_CHANNELS,
  NOT_A_COMPLAINT_KINDS,
  OUTSIDE_PROCEDURE_GROUNDS,
  REPEAT_RUNGS,
  VERDICTS,
} from '../../../../domain/index.ts';
import type { Dimension } from '../measures/report-sets.ts';

// Dutch display names of group keys; reports go to Dutch boards and annual reports.

const SUBJECT_KINDS: Record<string, string> = {
  employee: 'Medewerker',
  department: 'Afdeling',
  contractor: 'Aannemer of andere partij namens ons',
};

const BOARD_DECISIONS: Record<string, string> = Object.fromEntries(
  Object.entries(BOARD_TRACK_DECISIONS).map(([kind, d]) => [kind, d.nl]),
);

const MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

const NONE: Partial<Record<Dimension, string>> = {
  category: 'Nog niet beoordeeld',
  subject_kind: 'Nog niet beoordeeld',
  department: 'Geen afdeling',
  concerned_department: 'Geen betrokken afdeling',
  board_decision: 'Nog geen besluit',
  complex: 'Geen complex',
  contractor: 'Geen aannemer',
  outcome: 'Nog geen uitkomst',
};

function lookup(record: Record<string, unknown>, key: string): string | null {
  const entry = record[key];
  if (typeof entry === 'string') return entry;
  if (entry !== null && typeof entry === 'object' && 'label' in entry) {
    const label = (entry as { label: unknown; letter?: unknown }).label;
    const letter = (entry as { letter?: unknown }).letter;
    return typeof letter === 'string' ? `${letter}. ${String(label)}` : String(label);
  }
  return null;
}

/** The label of a group: the reference data name from SQL when given, else the domain's code list. */
export function groupLabel(dimension: Dimension, key: string | null, sqlLabel: string | null): string {
  if (key === null) return NONE[dimension] ?? 'Onbekend';
  if (sqlLabel !== null) return sqlLabel;
  const lists: Partial<Record<Dimension, Record<string, unknown>>> = {
    channel: INTAKE_CHANNELS,
    category: COMPLAINT_CATEGORIES,
    subject_kind: SUBJECT_KINDS,
    ground: OUTSIDE_PROCEDURE_GROUNDS,
    referral_kind: NOT_A_COMPLAINT_KINDS,
    outcome: VERDICTS,
    verdict: COMMITTEE_VERDICTS,
    rung: REPEAT_RUNGS,
    board_decision: BOARD_DECISIONS,
  };
  if (dimension === 'month') {
    const [year, month] = key.split('-');
    return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
  }
  const list = lists[dimension];
  return (list && lookup(list, key)) ?? key;
}

/** Every code of a closed list, so a report shows a zero row instead of leaving a group out. */
export function allCodes(dimension: Dimension): string[] {
  switch (dimension) {
    case 'channel':
      return Object.keys(INTAKE_CHANNELS);
    case 'category':
      return Object.keys(COMPLAINT_CATEGORIES);
    case 'subject_kind':
      return Object.keys(SUBJECT_KINDS);
    case 'outcome':
      return Object.keys(VERDICTS);
    case 'board_decision':
      return [...BOARD_TRACK_REPORT_DECISIONS];
    default:
      return [];
  }
}
