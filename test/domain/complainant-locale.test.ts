import { describe, expect, test } from 'vitest';
import {
  type ComplainantLocaleChange,
  decideComplainantLocaleChange,
  type TenantLocale,
} from '../../src/domain/index.ts';

describe('staff change the language the complainant is written to in (issue 21, policy 1.1)', () => {
  test.each<[unknown, TenantLocale, ComplainantLocaleChange]>([
    ['nl', 'tr', { ok: true, from: 'nl', to: 'tr' }],
    ['en', 'nl', { ok: true, from: 'en', to: 'nl' }],
    ['ar', 'pl', { ok: true, from: 'ar', to: 'pl' }],
    // a column from before the stored language reads as Dutch (decision 028)
    [null, 'en', { ok: true, from: 'nl', to: 'en' }],
    ['nl', 'nl', { ok: false, reason: 'complainant_locale_unchanged' }],
    ['ar', 'ar', { ok: false, reason: 'complainant_locale_unchanged' }],
    [null, 'nl', { ok: false, reason: 'complainant_locale_unchanged' }],
  ])('from %s to %s', (current, next, expected) => {
    expect(decideComplainantLocaleChange(current, next)).toEqual(expected);
  });
});
