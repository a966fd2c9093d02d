import { describe, expect, test } from 'vitest';
import { SEARCH_COUNT_CAP } from '../../src/server/modules/complaints/complaint-search.repository.ts';
import { en } from '../../src/web/i18n/messages.en.ts';
import { nl } from '../../src/web/i18n/messages.nl.ts';

// Decision 038: a search counts at most SEARCH_COUNT_CAP matches of each kind; the queue says so in words.
describe('a capped search count on the work queue', () => {
  test('at the cap: "meer dan 1.000 resultaten" / "more than 1,000 results"', () => {
    expect(nl.work.countsMoreThan(SEARCH_COUNT_CAP)).toBe('meer dan 1.000 resultaten');
    expect(en.work.countsMoreThan(SEARCH_COUNT_CAP)).toBe('more than 1,000 results');
  });

  test('a capped search filtered below the cap is a lower bound, not "more than"', () => {
    expect(nl.work.countsMoreThan(12)).toBe('minstens 12');
    expect(en.work.countsMoreThan(12)).toBe('at least 12');
    expect(nl.work.countAtLeast(1000)).toBe('1.000+');
    expect(en.work.countAtLeast(1000)).toBe('1,000+');
  });
});
