import { afterEach, describe, expect, test } from 'vitest';
import {
  formatDay,
  formatDayTime,
  LOCALE_LIST,
  messagesFor,
} from '../../src/server/modules/portal/i18n/messages.ts';

// Issue 24: a date format holds ICU objects outside the JavaScript heap; made per call (once per event on a
// status page) they drove the server's resident memory from 220 to 540 MB. The portal makes them once per
// language, so formatting dates makes none.

const RealDateTimeFormat = Intl.DateTimeFormat;
afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

describe("the portal's date formats", () => {
  test('formatting a thousand dates in every language makes no new date format', () => {
    let made = 0;
    Intl.DateTimeFormat = new Proxy(RealDateTimeFormat, {
      construct(target, args) {
        made += 1;
        return Reflect.construct(target, args);
      },
      apply(target, self, args) {
        made += 1;
        return Reflect.apply(target, self, args);
      },
    });
    for (let i = 0; i < 1_000; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000);
      for (const locale of LOCALE_LIST) {
        formatDay(locale, at);
        formatDayTime(locale, at.toISOString());
      }
    }
    expect(made).toBe(0);
  });

  test.each(LOCALE_LIST)('%s: the same text as a format made for the call', (locale) => {
    const at = '2026-12-03T14:05:00Z';
    const dateLocale = messagesFor(locale).dateLocale;
    const zone = 'Europe/Amsterdam';
    expect(formatDay(locale, at)).toBe(
      new RealDateTimeFormat(dateLocale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: zone,
      }).format(new Date(at)),
    );
    expect(formatDayTime(locale, new Date(at))).toBe(
      new RealDateTimeFormat(dateLocale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
      }).format(new Date(at)),
    );
  });

  test('Dutch day in Dutch time', () => {
    expect(formatDay('nl', '2026-12-03T23:30:00Z')).toBe('vrijdag 4 december 2026');
  });
});
