import { describe, expect, test } from 'vitest';
import {
  addWorkingDays,
  CALL_BACK_WITHIN_WORKING_DAYS,
  type CallBackRequest,
  callBackTopicOf,
  DEFAULT_CALENDAR_SETTINGS,
  getEndOfLocalDay,
  getNextWorkingDay,
  listAdjustmentSteps,
  openCallBackTask,
  representativeCopyMarker,
  representativeCopyRouteOf,
  toInstant,
} from '../../src/domain/index.ts';

// Issue 26 (decision 053): copies to a representative, call-back tasks and warnings as next steps.

const representative = (contact: string, receivesCopies = true) => [
  {
    kind: 'representative' as const,
    value: {
      name: 'Ayse Horend',
      contact,
      authority: 'guardian',
      authorityNote: null,
      authorityDate: '2026-11-01',
      receivesCopies,
    },
  },
];

describe('where the representative’s copy goes', () => {
  test('an e-mail address: by e-mail', () => {
    expect(representativeCopyRouteOf(representative('ayse@example.nl'))).toEqual({
      channel: 'email',
      name: 'Ayse Horend',
      email: 'ayse@example.nl',
    });
  });

  test('a postal address (with a postcode): a copy letter with its lines', () => {
    expect(representativeCopyRouteOf(representative('Hofweg 12, 3155 AB Maasland'))).toEqual({
      channel: 'letter',
      name: 'Ayse Horend',
      addressLines: ['Hofweg 12', '3155 AB Maasland'],
    });
  });

  test('a telephone number reaches no one by post or mail; no copies asked: no copy at all', () => {
    expect(representativeCopyRouteOf(representative('06 12345678'))).toEqual({
      channel: 'none',
      name: 'Ayse Horend',
    });
    expect(representativeCopyRouteOf(representative('ayse@example.nl', false))).toBeNull();
    expect(representativeCopyRouteOf([])).toBeNull();
  });

  test('the marker names the representative and whose message it copies', () => {
    expect(representativeCopyMarker('Ayse Horend', 'Henk Horend').nl).toBe(
      'Kopie voor Ayse Horend (vertegenwoordiger). Dit is een kopie van ons bericht aan Henk Horend.',
    );
  });
});

describe('the call-back task', () => {
  const settings = DEFAULT_CALENDAR_SETTINGS;
  // a Monday that is a working day, and the moments of that day
  const monday = '2026-12-07';
  const at = (day: string, hour: number) =>
    toInstant({ date: day, hour, minute: 0, second: 0, millisecond: 0 });
  const request = (day: string, hour: number, topic: CallBackRequest['topic']): CallBackRequest => ({
    at: at(day, hour),
    topic,
  });

  test('each message topic maps to what the call discusses', () => {
    expect(callBackTopicOf('acknowledgement_without_answer')).toBe('acknowledgement');
    expect(callBackTopicOf('last_response')).toBe('answer');
    expect(callBackTopicOf('board_track')).toBe('explanation');
    expect(callBackTopicOf('extension_notice')).toBe('extension');
    expect(callBackTopicOf('progress_closed')).toBe('progress');
  });

  test('open after a message; due the next working day; late after that by the server clock', () => {
    const requests = [request(monday, 10, 'acknowledgement'), request(monday, 11, 'answer')];
    const dueOn = addWorkingDays(monday, CALL_BACK_WITHIN_WORKING_DAYS, settings);
    const open = openCallBackTask(requests, [], at(monday, 12), settings);
    expect(open).toEqual({
      since: at(monday, 10),
      topics: ['acknowledgement', 'answer'],
      dueOn,
      late: false,
    });
    expect(openCallBackTask(requests, [], getEndOfLocalDay(dueOn), settings)?.late).toBe(false);
    const dayAfter = getNextWorkingDay(dueOn, settings);
    expect(openCallBackTask(requests, [], at(dayAfter, 9), settings)?.late).toBe(true);
  });

  test('a phone contact after the messages closes it; a message after the call opens a new one', () => {
    const requests = [request(monday, 10, 'acknowledgement')];
    expect(openCallBackTask(requests, [at(monday, 14)], at(monday, 15), settings)).toBeNull();
    // a call before the message does not count
    expect(openCallBackTask(requests, [at(monday, 9)], at(monday, 15), settings)).not.toBeNull();
    const later = [...requests, request(monday, 16, 'answer')];
    expect(openCallBackTask(later, [at(monday, 14)], at(monday, 17), settings)?.topics).toEqual(['answer']);
  });
});

describe('the adjustments in the next steps', () => {
  const base = {
    warnings: [] as const,
    callBack: null,
    callBackTimes: { dayParts: ['morning' as const, 'afternoon' as const], note: 'niet op woensdag' },
    preferredChannel: 'phone' as const,
  };

  test('nothing open: no step', () => {
    expect(listAdjustmentSteps(base)).toEqual([]);
  });

  test('an open call-back reads as an action with when and what about', () => {
    const steps = listAdjustmentSteps({
      ...base,
      callBack: { since: new Date(), topics: ['answer'], dueOn: '2026-12-08', late: false },
    });
    expect(steps).toEqual([
      {
        code: 'call_back_complainant',
        nl: 'Bel klager terug: ochtend, middag (niet op woensdag) — antwoord bespreken',
        en: 'Call the complainant back: morning, afternoon (niet op woensdag) — discuss the answer',
        urgent: false,
      },
    ]);
  });

  test('the warnings become urgent steps: call back before the term ends, follow the channel asked for', () => {
    const steps = listAdjustmentSteps({
      ...base,
      preferredChannel: 'letter',
      warnings: ['emailed_despite_preference', 'call_back_missing'],
    });
    expect(steps.map((s) => [s.code, s.urgent])).toEqual([
      ['call_back_complainant', true],
      ['follow_preferred_channel', true],
    ]);
    expect(steps[0]?.nl).toMatch(/^Bel klager terug: ochtend, middag .*dringend/);
    expect(steps[1]?.nl).toBe(
      'De klager vroeg om een brief, maar kreeg een e-mail: breng het bericht via een brief over',
    );
  });
});
