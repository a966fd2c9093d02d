import { describe, expect, test } from 'vitest';
import {
  adjustmentsInputOf,
  adjustmentWarnings,
  CALL_BACK_WARNING_DAYS,
  callBackAsked,
  decideAdjustments,
  type FollowFacts,
  legalBasisFor,
  messageRouteOf,
} from '../../src/domain/index.ts';

const REPRESENTATIVE = {
  name: 'J. de Vries',
  contact: 'j.devries@example.nl',
  authority: 'guardian' as const,
  authorityNote: null,
  authorityDate: '2026-11-01',
  receivesCopies: true,
};

describe('legal basis per kind of adjustment', () => {
  test('reading or hearing needs are health data: explicit consent (art. 9(2)(a))', () => {
    expect(legalBasisFor('access_needs')).toEqual({ basis: 'consent_art9_2a', consentRequired: true });
  });
  test.each(['preferred_channel', 'large_print', 'interpreter', 'call_back', 'representative'] as const)(
    '%s rests on legitimate interest',
    (kind) => {
      expect(legalBasisFor(kind)).toEqual({ basis: 'legitimate_interest_art6_1f', consentRequired: false });
    },
  );
});

describe('decideAdjustments', () => {
  test('stores what is given, with its basis, and names the changed kinds', () => {
    const decided = decideAdjustments([], {
      preferredChannel: 'letter',
      largePrint: true,
      interpreterLanguage: ' ',
    });
    expect(decided).toEqual({
      ok: true,
      rows: [
        {
          kind: 'preferred_channel',
          value: 'letter',
          legalBasis: 'legitimate_interest_art6_1f',
          consent: false,
        },
        { kind: 'large_print', value: true, legalBasis: 'legitimate_interest_art6_1f', consent: false },
      ],
      changed: ['preferred_channel', 'large_print'],
    });
  });

  test('access needs without consent are refused, nothing stored', () => {
    const decided = decideAdjustments([], {
      accessNeeds: { needs: ['hard_of_hearing'], note: null, consentGiven: false },
    });
    expect(decided).toEqual({
      ok: false,
      problems: [{ path: 'accessNeeds.consentGiven', code: 'consent_required' }],
    });
  });

  test('access needs with consent are kept on consent', () => {
    const decided = decideAdjustments([], {
      accessNeeds: { needs: ['deaf'], note: 'Schrijftolk', consentGiven: true },
    });
    expect(decided.ok && decided.rows[0]).toMatchObject({ legalBasis: 'consent_art9_2a', consent: true });
  });

  test('an empty call-back is refused', () => {
    const decided = decideAdjustments([], { callBack: { dayParts: [], note: '  ' } });
    expect(decided.ok).toBe(false);
  });

  test('the same value in another key order is no change (as jsonb gives it back)', () => {
    const { receivesCopies, ...rest } = REPRESENTATIVE;
    const current = [{ kind: 'representative' as const, value: { receivesCopies, ...rest } }];
    expect(decideAdjustments(current, { representative: REPRESENTATIVE })).toMatchObject({
      ok: true,
      changed: [],
    });
  });

  test('unchanged values are not reported; removed ones are', () => {
    const current = [
      { kind: 'preferred_channel' as const, value: 'letter' },
      { kind: 'large_print' as const, value: true },
    ];
    const decided = decideAdjustments(current, {
      preferredChannel: 'letter',
      representative: REPRESENTATIVE,
    });
    expect(decided.ok && decided.changed).toEqual(['large_print', 'representative']);
  });
});

describe('messageRouteOf', () => {
  test('e-mail when nothing was asked', () => {
    expect(messageRouteOf([])).toEqual({ channel: 'email', largePrint: false, copyToRepresentative: false });
  });
  test('follows the preferred channel, large print and copies to the representative', () => {
    expect(
      messageRouteOf([
        { kind: 'preferred_channel', value: 'letter' },
        { kind: 'large_print', value: true },
        { kind: 'representative', value: REPRESENTATIVE },
      ]),
    ).toEqual({ channel: 'letter', largePrint: true, copyToRepresentative: true });
  });
});

describe('adjustmentWarnings', () => {
  const base: FollowFacts = {
    route: { channel: 'email', largePrint: false, copyToRepresentative: false },
    callBackAsked: false,
    emailsToComplainant: 1,
    phoneContacts: 0,
    workingDaysLeft: 0,
  };
  test('nothing asked, nothing to warn about', () => {
    expect(adjustmentWarnings(base)).toEqual([]);
  });
  test('an e-mail to someone who asked for letters', () => {
    expect(adjustmentWarnings({ ...base, route: { ...base.route, channel: 'letter' } })).toEqual([
      'emailed_despite_preference',
    ]);
  });
  test('a call-back is missed only near the end of the term, and not once a phone contact is logged', () => {
    const asked = { ...base, emailsToComplainant: 0, callBackAsked: true };
    expect(adjustmentWarnings({ ...asked, workingDaysLeft: CALL_BACK_WARNING_DAYS + 1 })).toEqual([]);
    expect(adjustmentWarnings({ ...asked, workingDaysLeft: CALL_BACK_WARNING_DAYS })).toEqual([
      'call_back_missing',
    ]);
    expect(adjustmentWarnings({ ...asked, workingDaysLeft: -3 })).toEqual(['call_back_missing']);
    expect(adjustmentWarnings({ ...asked, workingDaysLeft: 0, phoneContacts: 1 })).toEqual([]);
    expect(adjustmentWarnings({ ...asked, workingDaysLeft: null })).toEqual([]);
  });
});

describe('callBackAsked and adjustmentsInputOf', () => {
  test('a call-back is asked by call-back times or by preferring the phone', () => {
    expect(callBackAsked([])).toBe(false);
    expect(callBackAsked([{ kind: 'preferred_channel', value: 'letter' }])).toBe(false);
    expect(callBackAsked([{ kind: 'preferred_channel', value: 'phone' }])).toBe(true);
    expect(callBackAsked([{ kind: 'call_back', value: { dayParts: ['morning'], note: null } }])).toBe(true);
  });
  test('stored rows round-trip to the input they came from', () => {
    const input = { preferredChannel: 'letter' as const, largePrint: true, representative: REPRESENTATIVE };
    const decided = decideAdjustments([], input);
    if (!decided.ok) throw new Error('refused');
    expect(adjustmentsInputOf(decided.rows)).toEqual({
      ...input,
      interpreterLanguage: null,
      callBack: null,
      accessNeeds: null,
    });
  });
});
