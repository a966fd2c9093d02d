import { toLocalDate } from './business-time.ts';
import type { CalendarSettings } from './calendar-settings.ts';
import type { AdjustmentKind, DayPart, StoredAdjustment } from './complainant-adjustments.ts';
import type { LocalDate } from './local-date.ts';
import { addWorkingDays } from './working-day-calendar.ts';

// Issue 26 (decision 053): the adjustments followed through. A representative who receives copies gets a copy
// of every message the complainant gets; a complainant who prefers the phone (or gave call-back times) gets a
// call-back from the handler for every message that would have gone to them.

type Adjustments = readonly Pick<StoredAdjustment, 'kind' | 'value'>[];
const storedValue = (adjustments: Adjustments, kind: AdjustmentKind) =>
  adjustments.find((a) => a.kind === kind)?.value;

/** Where the representative's copy goes: their e-mail address, or a postal address to print on a letter. */
export type RepresentativeCopyRoute =
  | Readonly<{ channel: 'email'; name: string; email: string }>
  | Readonly<{ channel: 'letter'; name: string; addressLines: readonly string[] }>
  | Readonly<{ channel: 'none'; name: string }>;

const EMAIL = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;
// A Dutch postcode (1234 AB) makes a contact a postal address; a telephone number alone cannot carry a letter
const POSTCODE = /\b[1-9]\d{3}\s?[A-Za-z]{2}\b/;

/**
 * The copy of a message for the representative, when their authority says they receive copies (null: no copy).
 * Their contact is an e-mail address (a copy by e-mail), or a postal address with a postcode (a copy letter,
 * lines split on commas or new lines); anything else (a telephone number) reaches no one: `none`.
 */
export function representativeCopyRouteOf(adjustments: Adjustments): RepresentativeCopyRoute | null {
  const representative = storedValue(adjustments, 'representative') as
    | { name?: string; contact?: string; receivesCopies?: boolean }
    | undefined;
  if (representative?.receivesCopies !== true) return null;
  const name = representative.name?.trim() ?? '';
  const contact = representative.contact?.trim() ?? '';
  if (EMAIL.test(contact)) return { channel: 'email', name, email: contact };
  if (POSTCODE.test(contact)) {
    const addressLines = contact
      .split(/\r?\n|,/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    return { channel: 'letter', name, addressLines };
  }
  return { channel: 'none', name };
}

/** The line above a copy: whom it is for and whose message it copies (never the status link, decision 053). */
export function representativeCopyMarker(
  representativeName: string,
  complainantName: string,
): Readonly<{ nl: string; en: string }> {
  const rep = representativeName.trim() || 'de vertegenwoordiger';
  const complainant = complainantName.trim();
  return {
    nl: `Kopie voor ${rep} (vertegenwoordiger). Dit is een kopie van ons bericht aan ${complainant || 'de klager'}.`,
    en: `Copy for ${representativeName.trim() || 'the representative'} (representative). This is a copy of our message to ${complainant || 'the complainant'}.`,
  };
}

// ---- Call-back tasks -------------------------------------------------------------------------------------

/** What the call-back is about: the message that would have gone to the complainant. */
export const CALL_BACK_TOPICS = {
  acknowledgement: { nl: 'ontvangst van de klacht bespreken', en: 'discuss the receipt of the complaint' },
  progress: { nl: 'voortgang bespreken', en: 'discuss the progress' },
  extension: { nl: 'verlenging van de termijn bespreken', en: 'discuss the extended term' },
  answer: { nl: 'antwoord bespreken', en: 'discuss the answer' },
  explanation: { nl: 'uitleg bespreken', en: 'discuss the explanation' },
} as const;
export type CallBackTopic = keyof typeof CALL_BACK_TOPICS;

/** The message kind (templates/message-kinds) → what the call-back discusses. */
export function callBackTopicOf(messageKind: string): CallBackTopic {
  if (messageKind.startsWith('acknowledgement')) return 'acknowledgement';
  if (['answer', 'stand_by_decision', 'last_response'].includes(messageKind)) return 'answer';
  if (['explanation', 'board_track'].includes(messageKind)) return 'explanation';
  if (messageKind === 'extension_notice') return 'extension';
  return 'progress';
}

/** A message that would have gone to a complainant who asked to be phoned: one call-back to make. */
export type CallBackRequest = Readonly<{ at: Date; topic: CallBackTopic }>;

/** The call-back still to make: since the first message not yet followed by a phone contact. */
export type CallBackTask = Readonly<{
  since: Date;
  topics: readonly CallBackTopic[];
  /** The day by which the call should be made: the next working day after the first message. */
  dueOn: LocalDate;
  /** Past `dueOn` by the server clock and the domain calendar. */
  late: boolean;
}>;

/** Working days after the message within which the handler calls back. */
export const CALL_BACK_WITHIN_WORKING_DAYS = 1;

/**
 * The call-back task, or null when there is none: every request after the last phone contact logged on the
 * case is open; one call covers them all. Due the next working day after the first open request; late after.
 */
export function openCallBackTask(
  requests: readonly CallBackRequest[],
  phoneContactsAt: readonly Date[],
  now: Date,
  settings: CalendarSettings,
): CallBackTask | null {
  const lastCall = phoneContactsAt.reduce<number | null>(
    (max, at) => (max === null || at.getTime() > max ? at.getTime() : max),
    null,
  );
  const open = requests
    .filter((r) => lastCall === null || r.at.getTime() > lastCall)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = open[0];
  if (first === undefined) return null;
  const topics = [...new Set(open.map((r) => r.topic))];
  const dueOn = addWorkingDays(toLocalDate(first.at), CALL_BACK_WITHIN_WORKING_DAYS, settings);
  return { since: first.at, topics, dueOn, late: toLocalDate(now) > dueOn };
}

const DAY_PART_WORDS: Record<DayPart, { nl: string; en: string }> = {
  morning: { nl: 'ochtend', en: 'morning' },
  afternoon: { nl: 'middag', en: 'afternoon' },
  evening: { nl: 'avond', en: 'evening' },
};

/**
 * "Bel klager terug: ochtend, middag (niet op woensdag) — antwoord bespreken": when to call (the call-back
 * times, if given) and what about; `urgent` when it is late or the answer term nearly ends.
 */
export function describeCallBack(
  topics: readonly CallBackTopic[],
  callBack: Readonly<{ dayParts: readonly DayPart[]; note: string | null }> | null,
  urgent: boolean,
): Readonly<{ nl: string; en: string }> {
  const when = (lang: 'nl' | 'en') => {
    const parts = (callBack?.dayParts ?? []).map((p) => DAY_PART_WORDS[p][lang]).join(', ');
    const note = callBack?.note?.trim() ? callBack.note.trim() : '';
    const text = parts && note ? `${parts} (${note})` : parts || note;
    return text ? `: ${text}` : '';
  };
  const about = (lang: 'nl' | 'en') =>
    topics.length === 0 ? '' : ` — ${topics.map((t) => CALL_BACK_TOPICS[t][lang]).join(', ')}`;
  return {
    nl: `Bel klager terug${when('nl')}${about('nl')}${urgent ? ' (dringend: te laat of de termijn loopt bijna af)' : ''}`,
    en: `Call the complainant back${when('en')}${about('en')}${urgent ? ' (urgent: overdue or the term nearly ends)' : ''}`,
  };
}
