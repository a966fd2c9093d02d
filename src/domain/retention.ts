import {
  addCalendarDays,
  compareLocalDates,
  formatLocalDate,
  type LocalDate,
  toEpochDay,
} from './local-date.ts';

// Storage limitation (AVG art. 5(1)(e)): a closed complaint's personal data is kept for the organisation's
// term after closure, then anonymised. A legal hold stops the clock while it lasts, but never beyond the
// organisation's maximum: after that nothing personal is kept, whatever is still pending.

export const LEGAL_HOLD_KINDS = {
  committee: { label: 'Zaak bij de regionale klachtencommissie' },
  huurcommissie: { label: 'Zaak bij de Huurcommissie' },
  court: { label: 'Gerechtelijke procedure' },
  insurer: { label: 'Afhandeling met de verzekeraar' },
  compensation: { label: 'Vergoeding nog niet betaald' },
} as const;
export type LegalHoldKind = keyof typeof LEGAL_HOLD_KINDS;

export type RetentionPolicy = Readonly<{
  /** Whole years after the closing day (Europe/Amsterdam) that personal data is kept. */
  retentionYears: number;
  /** No personal data is kept longer than this many years after closing, legal holds included. */
  legalHoldMaxYears: number;
}>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = { retentionYears: 2, legalHoldMaxYears: 5 };

/** A hold placed by hand (with a reason), or one the data itself shows (derived: never lifted by hand). */
export type LegalHold = Readonly<{
  kind: LegalHoldKind;
  reason: string;
  placedOn: LocalDate;
  liftedOn: LocalDate | null;
  derived: boolean;
}>;

export type RetentionFacts = Readonly<{
  /** The closing day in Europe/Amsterdam; null while the complaint is open (or reopened for the committee). */
  closedOn: LocalDate | null;
  anonymised: boolean;
  /** policy 2.7: a committee case that has no board decision yet. */
  committeeCaseOpen: boolean;
  /** Approved compensation that has not been paid. */
  compensationUnpaid: boolean;
  holds: readonly LegalHold[];
}>;

export type RetentionDecision =
  | { readonly kind: 'already_anonymised' }
  | { readonly kind: 'open' }
  | { readonly kind: 'keep'; readonly anonymiseOn: LocalDate }
  | { readonly kind: 'held'; readonly holds: readonly LegalHold[]; readonly anonymiseOnAtLatest: LocalDate }
  | { readonly kind: 'anonymise'; readonly because: 'term_expired' | 'hold_maximum_reached' };

/**
 * The same calendar day `years` later. 29 February becomes 1 March in a year without it: the term is
 * never shorter than the promised number of years.
 */
export function addYears(date: LocalDate, years: number): LocalDate {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const shifted = new Date(Date.UTC(year, month - 1, day));
  return formatLocalDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The holds in force today: manual ones not lifted, plus those the data shows. */
export function activeHolds(facts: RetentionFacts, today: LocalDate): LegalHold[] {
  const manual = facts.holds.filter(
    (h) =>
      compareLocalDates(h.placedOn, today) <= 0 &&
      (h.liftedOn === null || compareLocalDates(h.liftedOn, today) > 0),
  );
  const derived: LegalHold[] = [];
  if (facts.committeeCaseOpen)
    derived.push({
      kind: 'committee',
      reason: LEGAL_HOLD_KINDS.committee.label,
      placedOn: today,
      liftedOn: null,
      derived: true,
    });
  if (facts.compensationUnpaid)
    derived.push({
      kind: 'compensation',
      reason: LEGAL_HOLD_KINDS.compensation.label,
      placedOn: today,
      liftedOn: null,
      derived: true,
    });
  return [...manual, ...derived];
}

/** Days after closing (up to today) on which at least one lifted manual hold applied: the clock stood still. */
export function heldDaysAfterClosing(
  holds: readonly LegalHold[],
  closedOn: LocalDate,
  today: LocalDate,
): number {
  const start = toEpochDay(closedOn);
  const end = toEpochDay(today);
  const intervals = holds
    .filter((h) => !h.derived && h.liftedOn !== null)
    .map(
      (h) =>
        [
          Math.max(start, toEpochDay(h.placedOn)),
          Math.min(end, toEpochDay(h.liftedOn as LocalDate)),
        ] as const,
    )
    .filter(([from, until]) => until > from)
    .sort((a, b) => a[0] - b[0]);
  let days = 0;
  let reached = start;
  for (const [from, until] of intervals) {
    const effectiveFrom = Math.max(from, reached);
    if (until > effectiveFrom) days += until - effectiveFrom;
    reached = Math.max(reached, until);
  }
  return days;
}

/**
 * Keep, hold or anonymise one complaint's personal data on `today` (a day in Europe/Amsterdam). The term
 * ends at the start of the anniversary of the closing day: closed on 3 March 2025 with a 2-year term means
 * kept through 2 March 2027 and anonymised from 3 March 2027. Days under a (since lifted) hold are added.
 */
export function decideRetention(
  facts: RetentionFacts,
  policy: RetentionPolicy,
  today: LocalDate,
): RetentionDecision {
  if (facts.anonymised) return { kind: 'already_anonymised' };
  if (facts.closedOn === null) return { kind: 'open' };
  const latest = addYears(facts.closedOn, Math.max(policy.legalHoldMaxYears, policy.retentionYears));
  if (compareLocalDates(today, latest) >= 0) {
    const termEnd = addYears(facts.closedOn, policy.retentionYears);
    const holdsMattered =
      activeHolds(facts, today).length > 0 || heldDaysAfterClosing(facts.holds, facts.closedOn, today) > 0;
    return {
      kind: 'anonymise',
      because:
        holdsMattered && compareLocalDates(latest, termEnd) > 0 ? 'hold_maximum_reached' : 'term_expired',
    };
  }
  const holds = activeHolds(facts, today);
  if (holds.length > 0) return { kind: 'held', holds, anonymiseOnAtLatest: latest };
  const anonymiseOn = addCalendarDays(
    addYears(facts.closedOn, policy.retentionYears),
    heldDaysAfterClosing(facts.holds, facts.closedOn, today),
  );
  const capped = compareLocalDates(anonymiseOn, latest) > 0 ? latest : anonymiseOn;
  return compareLocalDates(today, capped) >= 0
    ? { kind: 'anonymise', because: 'term_expired' }
    : { kind: 'keep', anonymiseOn: capped };
}

/** Erasure on request (AVG art. 17) waits for an open complaint to end and yields to every legal hold. */
export function decideErasure(
  facts: RetentionFacts,
  policy: RetentionPolicy,
  today: LocalDate,
):
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'open' | 'held'; readonly holds: readonly LegalHold[] } {
  if (facts.anonymised) return { allowed: true };
  if (facts.closedOn === null) return { allowed: false, reason: 'open', holds: [] };
  const decision = decideRetention(facts, policy, today);
  if (decision.kind === 'held') return { allowed: false, reason: 'held', holds: decision.holds };
  return { allowed: true };
}

export function isRetentionPolicy(policy: RetentionPolicy): boolean {
  return (
    Number.isInteger(policy.retentionYears) &&
    Number.isInteger(policy.legalHoldMaxYears) &&
    policy.retentionYears >= 1 &&
    policy.retentionYears <= 10 &&
    policy.legalHoldMaxYears >= policy.retentionYears &&
    policy.legalHoldMaxYears <= 20
  );
}
