// Issue 26 (decision 051): adjustments for complainants who need them. Recorded per person, shown at intake
// and on the case, followed by letters and messages, and watched by the term monitor. Each adjustment keeps
// its legal basis under the AVG: reading or hearing needs say something about health (art. 9), so they are
// only kept with the complainant's explicit consent (art. 9(2)(a)); the others are needed to handle the
// complaint as the policy promises ("laagdrempelig, toegankelijk voor alle huurders", policy 1.1).

export const CONTACT_CHANNELS = ['email', 'letter', 'phone', 'portal'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export const REPRESENTATIVE_AUTHORITIES = ['written_authorisation', 'guardian', 'oral_recorded'] as const;
export type RepresentativeAuthority = (typeof REPRESENTATIVE_AUTHORITIES)[number];

export const ACCESS_NEEDS = ['low_vision', 'blind', 'hard_of_hearing', 'deaf', 'reading_difficulty'] as const;
export type AccessNeed = (typeof ACCESS_NEEDS)[number];

export const LEGAL_BASES = ['consent_art9_2a', 'legitimate_interest_art6_1f'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** What staff (or the portal form) fill in; every part is optional. */
export type AdjustmentsInput = Readonly<{
  preferredChannel?: ContactChannel | null;
  largePrint?: boolean;
  interpreterLanguage?: string | null;
  callBack?: Readonly<{ dayParts: DayPart[]; note: string | null }> | null;
  representative?: Readonly<{
    name: string;
    contact: string;
    authority: RepresentativeAuthority;
    /** Who recorded an oral authority, or the document's description. */
    authorityNote: string | null;
    authorityDate: string;
    receivesCopies: boolean;
  }> | null;
  accessNeeds?: Readonly<{ needs: AccessNeed[]; note: string | null; consentGiven: boolean }> | null;
}>;

export type AdjustmentKind =
  | 'preferred_channel'
  | 'large_print'
  | 'interpreter'
  | 'call_back'
  | 'representative'
  | 'access_needs';

export const ADJUSTMENT_KINDS: readonly AdjustmentKind[] = [
  'preferred_channel',
  'large_print',
  'interpreter',
  'call_back',
  'representative',
  'access_needs',
];

/** One stored adjustment: its value, basis, and who recorded it when. */
export type StoredAdjustment = Readonly<{
  kind: AdjustmentKind;
  value: unknown;
  legalBasis: LegalBasis;
  consentAt: string | null;
  recordedBy: string | null;
  recordedAt: string;
}>;

/** The basis each kind needs: health-related needs only with explicit consent (AVG art. 9(2)(a)). */
export function legalBasisFor(kind: AdjustmentKind): { basis: LegalBasis; consentRequired: boolean } {
  return kind === 'access_needs'
    ? { basis: 'consent_art9_2a', consentRequired: true }
    : { basis: 'legitimate_interest_art6_1f', consentRequired: false };
}

export type AdjustmentProblem = Readonly<{ path: string; code: 'consent_required' | 'call_back_empty' }>;

export type DecidedAdjustments =
  | Readonly<{
      ok: true;
      /** Kinds to store with their value; kinds not listed are removed. */
      rows: readonly Readonly<{
        kind: AdjustmentKind;
        value: unknown;
        legalBasis: LegalBasis;
        consent: boolean;
      }>[];
      changed: readonly AdjustmentKind[];
    }>
  | Readonly<{ ok: false; problems: readonly AdjustmentProblem[] }>;

function rowsOf(input: AdjustmentsInput): { kind: AdjustmentKind; value: unknown }[] {
  const rows: { kind: AdjustmentKind; value: unknown }[] = [];
  if (input.preferredChannel) rows.push({ kind: 'preferred_channel', value: input.preferredChannel });
  if (input.largePrint === true) rows.push({ kind: 'large_print', value: true });
  const language = input.interpreterLanguage?.trim();
  if (language) rows.push({ kind: 'interpreter', value: language });
  if (input.callBack) rows.push({ kind: 'call_back', value: input.callBack });
  if (input.representative) rows.push({ kind: 'representative', value: input.representative });
  if (input.accessNeeds) rows.push({ kind: 'access_needs', value: input.accessNeeds });
  return rows;
}

/** The same value in one spelling whatever the key order (jsonb does not keep the order it was given). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * The whole set of adjustments replaces what was stored. Reading or hearing needs without consent are
 * refused (nothing is stored); a call-back without day parts or note says nothing and is refused too.
 * `changed` lists the kinds added, removed or given another value: the timeline names those, nothing more.
 */
export function decideAdjustments(
  current: readonly Pick<StoredAdjustment, 'kind' | 'value'>[],
  input: AdjustmentsInput,
): DecidedAdjustments {
  const problems: AdjustmentProblem[] = [];
  if (input.accessNeeds && !input.accessNeeds.consentGiven)
    problems.push({ path: 'accessNeeds.consentGiven', code: 'consent_required' });
  if (input.callBack && input.callBack.dayParts.length === 0 && !input.callBack.note?.trim())
    problems.push({ path: 'callBack', code: 'call_back_empty' });
  if (problems.length > 0) return { ok: false, problems };
  const next = rowsOf(input);
  const before = new Map(current.map((c) => [c.kind, canonical(c.value)]));
  const after = new Map(next.map((n) => [n.kind, canonical(n.value)]));
  const changed = ADJUSTMENT_KINDS.filter((kind) => before.get(kind) !== after.get(kind));
  return {
    ok: true,
    rows: next.map((row) => ({
      ...row,
      legalBasis: legalBasisFor(row.kind).basis,
      consent: legalBasisFor(row.kind).consentRequired,
    })),
    changed,
  };
}

/** How a message to the complainant goes: e-mail only when nothing else was asked for and there is an address. */
export type MessageRoute = Readonly<{
  channel: ContactChannel;
  largePrint: boolean;
  copyToRepresentative: boolean;
}>;

export function messageRouteOf(
  adjustments: readonly Pick<StoredAdjustment, 'kind' | 'value'>[],
): MessageRoute {
  const value = (kind: AdjustmentKind) => adjustments.find((a) => a.kind === kind)?.value;
  const channel = value('preferred_channel');
  const representative = value('representative') as { receivesCopies?: boolean } | undefined;
  return {
    channel: CONTACT_CHANNELS.includes(channel as ContactChannel) ? (channel as ContactChannel) : 'email',
    largePrint: value('large_print') === true,
    copyToRepresentative: representative?.receivesCopies === true,
  };
}

/** What the complaint shows about how its messages went: the term monitor compares it with the adjustments. */
export type FollowFacts = Readonly<{
  route: MessageRoute;
  callBackAsked: boolean;
  /** Answers (and other messages to the complainant) sent by e-mail since the adjustment was recorded. */
  emailsToComplainant: number;
  /** Phone contact moments logged with the complainant. */
  phoneContacts: number;
  /** Working days left in the answer term (negative when overdue); null when there is no running term. */
  workingDaysLeft: number | null;
}>;

// Letters are rendered from the stored adjustments on every print (answer-letter.ts), so large print cannot be
// missed once recorded; what can be missed is the channel and the call-back.
export type AdjustmentWarning = 'emailed_despite_preference' | 'call_back_missing';

/** Working days before the term ends by which a requested call-back should have been logged. */
export const CALL_BACK_WARNING_DAYS = 2;

/**
 * The term monitor's check: each adjustment that was not followed. A call-back is due before the answer
 * term nearly ends: from two working days before its end without a phone contact the handler is warned.
 */
export function adjustmentWarnings(facts: FollowFacts): AdjustmentWarning[] {
  const warnings: AdjustmentWarning[] = [];
  if (facts.route.channel !== 'email' && facts.emailsToComplainant > 0)
    warnings.push('emailed_despite_preference');
  if (
    facts.callBackAsked &&
    facts.phoneContacts === 0 &&
    facts.workingDaysLeft !== null &&
    facts.workingDaysLeft <= CALL_BACK_WARNING_DAYS
  )
    warnings.push('call_back_missing');
  return warnings;
}

/** A call-back is asked for with call-back times, or by preferring the phone. */
export function callBackAsked(adjustments: readonly Pick<StoredAdjustment, 'kind' | 'value'>[]): boolean {
  return adjustments.some(
    (a) => a.kind === 'call_back' || (a.kind === 'preferred_channel' && a.value === 'phone'),
  );
}

/** The stored rows back as the form's input (what the case page and the next change start from). */
export function adjustmentsInputOf(
  adjustments: readonly Pick<StoredAdjustment, 'kind' | 'value'>[],
): AdjustmentsInput {
  const value = (kind: AdjustmentKind) => adjustments.find((a) => a.kind === kind)?.value;
  return {
    preferredChannel: (value('preferred_channel') as ContactChannel | undefined) ?? null,
    largePrint: value('large_print') === true,
    interpreterLanguage: (value('interpreter') as string | undefined) ?? null,
    callBack: (value('call_back') as AdjustmentsInput['callBack']) ?? null,
    representative: (value('representative') as AdjustmentsInput['representative']) ?? null,
    accessNeeds: (value('access_needs') as AdjustmentsInput['accessNeeds']) ?? null,
  };
}
