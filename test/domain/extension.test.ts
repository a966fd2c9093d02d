import { describe, expect, test } from 'vitest';
import {
  assessTimeliness,
  type ComplaintTerm,
  decideExtension,
  type ExtensionRequest,
} from '../../src/domain/index.ts';
import { approvalBy, SETTINGS } from './fixtures.ts';

const TERM: ComplaintTerm = {
  termStartDay: '2026-06-08',
  originalDueAt: new Date('2026-06-15T21:59:59.999Z'),
  dueAt: new Date('2026-06-15T21:59:59.999Z'),
  settingsVersion: 1,
  extensions: [],
};

const REQUEST: ExtensionRequest = {
  newDueDay: '2026-06-19',
  reason: 'Wachten op rapport van de aannemer.',
  managerApproval: approvalBy('manager'),
  noticeText: 'We hebben meer tijd nodig; u hoort uiterlijk 19 juni van ons.',
};

describe('extension of the term (policy 2.3)', () => {
  test('policy 2.3: reason + manager approval + notice → new due instant at the end of that day', () => {
    const result = decideExtension(TERM, REQUEST, SETTINGS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.term.dueAt.toISOString()).toBe('2026-06-19T21:59:59.999Z');
    expect(result.term.originalDueAt).toBe(TERM.originalDueAt);
    expect(result.term.extensions).toHaveLength(1);
  });

  test.each([
    { name: 'no reason', request: { ...REQUEST, reason: '' }, reason: 'extension_requires_reason' },
    {
      name: 'no approval',
      request: { ...REQUEST, managerApproval: null },
      reason: 'extension_requires_manager_approval',
    },
    {
      name: 'approval by an employee',
      request: { ...REQUEST, managerApproval: approvalBy('employee') },
      reason: 'extension_requires_manager_approval',
    },
    {
      name: 'no notice to the complainant',
      request: { ...REQUEST, noticeText: '  ' },
      reason: 'extension_requires_complainant_notice',
    },
    {
      name: 'a day not after the current due day',
      request: { ...REQUEST, newDueDay: '2026-06-15' },
      reason: 'extension_must_be_later',
    },
    {
      name: 'a Saturday',
      request: { ...REQUEST, newDueDay: '2026-06-20' },
      reason: 'extension_day_not_working_day',
    },
    {
      name: 'an invalid day',
      request: { ...REQUEST, newDueDay: '2026-06-31' },
      reason: 'extension_day_invalid',
    },
  ])('policy 2.3: extension refused: $name → $reason', ({ request, reason }) => {
    expect(decideExtension(TERM, request, SETTINGS)).toEqual({ ok: false, reason });
  });

  test('policy 2.3: a second extension must go past the first; the original stays', () => {
    const first = decideExtension(TERM, REQUEST, SETTINGS);
    if (!first.ok) throw new Error(first.reason);
    expect(decideExtension(first.term, REQUEST, SETTINGS)).toEqual({
      ok: false,
      reason: 'extension_must_be_later',
    });
    const second = decideExtension(first.term, { ...REQUEST, newDueDay: '2026-06-24' }, SETTINGS);
    expect(second.ok && second.term.extensions.length).toBe(2);
    expect(second.ok && second.term.originalDueAt).toBe(TERM.originalDueAt);
  });
});

describe('on time against the original and the extended term (policy 2.3, 3.2)', () => {
  const extended = decideExtension(TERM, REQUEST, SETTINGS);
  if (!extended.ok) throw new Error(extended.reason);
  test.each([
    {
      name: 'no extension, on time',
      term: TERM,
      at: '2026-06-15T21:59:59.999Z',
      expected: { onTimeOriginal: true, onTimeExtended: null },
    },
    {
      name: 'no extension, late',
      term: TERM,
      at: '2026-06-15T22:00:00.000Z',
      expected: { onTimeOriginal: false, onTimeExtended: null },
    },
    {
      name: 'extended, within the original term',
      term: extended.term,
      at: '2026-06-12T10:00:00Z',
      expected: { onTimeOriginal: true, onTimeExtended: true },
    },
    {
      name: 'extended, late on the original but on time on the extension',
      term: extended.term,
      at: '2026-06-18T10:00:00Z',
      expected: { onTimeOriginal: false, onTimeExtended: true },
    },
    {
      name: 'extended, late on both',
      term: extended.term,
      at: '2026-06-22T10:00:00Z',
      expected: { onTimeOriginal: false, onTimeExtended: false },
    },
  ])('policy 2.3: $name', ({ term, at, expected }) => {
    expect(assessTimeliness(new Date(at), term)).toEqual(expected);
  });
});
