import { describe, expect, test } from 'vitest';
import {
  type CommitteeCase,
  findCommitteePrecedent,
  getCommitteeStage,
  recordBoardDecision,
  recordCommitteeFollowUp,
  recordCommitteeReference,
  recordCommitteeRuling,
  startCommitteeCase,
} from '../../src/domain/index.ts';
import { approvalBy, NOW } from './fixtures.ts';

const RULING = {
  at: NOW,
  verdict: 'partly_well_founded',
  summary: 'Deels gegrond: herstel binnen 4 weken.',
} as const;
const DECISION = { approval: approvalBy('board'), adoptsAdvice: true, text: 'Wij nemen het advies over.' };
const FOLLOW_UP = { at: NOW, text: 'Herstel uitgevoerd op 1 juli; klager geïnformeerd.' };

function unwrap(
  result: { ok: true; committee: CommitteeCase } | { ok: false; reason: string },
): CommitteeCase {
  if (!result.ok) throw new Error(result.reason);
  return result.committee;
}

describe('regional complaints committee (policy 1.3)', () => {
  test('policy 1.3: referral → reference → ruling → board decision → follow-up', () => {
    let c = startCommitteeCase(NOW);
    expect(getCommitteeStage(c)).toBe('referred');
    c = unwrap(recordCommitteeReference(c, ' RKC-2026-014 '));
    expect(c.reference).toBe('RKC-2026-014');
    expect(getCommitteeStage(c)).toBe('reference_recorded');
    c = unwrap(recordCommitteeRuling(c, RULING));
    expect(getCommitteeStage(c)).toBe('ruled');
    c = unwrap(recordBoardDecision(c, DECISION));
    expect(getCommitteeStage(c)).toBe('board_decided');
    c = unwrap(recordCommitteeFollowUp(c, FOLLOW_UP));
    expect(getCommitteeStage(c)).toBe('followed_up');
  });

  const referred = startCommitteeCase(NOW);
  const withReference = unwrap(recordCommitteeReference(referred, 'RKC-1'));
  const ruled = unwrap(recordCommitteeRuling(withReference, RULING));
  const decided = unwrap(recordBoardDecision(ruled, DECISION));
  const done = unwrap(recordCommitteeFollowUp(decided, FOLLOW_UP));

  test.each([
    {
      name: 'empty reference',
      run: () => recordCommitteeReference(referred, ' '),
      reason: 'committee_reference_required',
    },
    {
      name: 'reference twice',
      run: () => recordCommitteeReference(withReference, 'RKC-2'),
      reason: 'committee_reference_already_recorded',
    },
    {
      name: 'ruling before the reference',
      run: () => recordCommitteeRuling(referred, RULING),
      reason: 'committee_reference_required',
    },
    {
      name: 'ruling without summary',
      run: () => recordCommitteeRuling(withReference, { ...RULING, summary: '' }),
      reason: 'committee_ruling_summary_required',
    },
    {
      name: 'ruling twice',
      run: () => recordCommitteeRuling(ruled, RULING),
      reason: 'committee_ruling_already_recorded',
    },
    {
      name: 'board decision before the ruling',
      run: () => recordBoardDecision(withReference, DECISION),
      reason: 'committee_ruling_required',
    },
    {
      name: 'board decision by a manager',
      run: () => recordBoardDecision(ruled, { ...DECISION, approval: approvalBy('manager') }),
      reason: 'board_decision_requires_board',
    },
    {
      name: 'board decision without text',
      run: () => recordBoardDecision(ruled, { ...DECISION, text: '' }),
      reason: 'board_decision_text_required',
    },
    {
      name: 'board decision twice',
      run: () => recordBoardDecision(decided, DECISION),
      reason: 'board_decision_already_recorded',
    },
    {
      name: 'follow-up before the board decision',
      run: () => recordCommitteeFollowUp(ruled, FOLLOW_UP),
      reason: 'board_decision_required',
    },
    {
      name: 'follow-up without text',
      run: () => recordCommitteeFollowUp(decided, { ...FOLLOW_UP, text: '' }),
      reason: 'follow_up_text_required',
    },
    {
      name: 'follow-up twice',
      run: () => recordCommitteeFollowUp(done, FOLLOW_UP),
      reason: 'follow_up_already_recorded',
    },
  ])('policy 1.3: $name → $reason', ({ run, reason }) => {
    expect(run()).toEqual({ ok: false, reason });
  });

  test('policy 1.3: the board may also depart from the advice, recorded as such', () => {
    const c = unwrap(
      recordBoardDecision(ruled, { ...DECISION, adoptsAdvice: false, text: 'Wij wijken af, omdat…' }),
    );
    expect(c.boardDecision?.adoptsAdvice).toBe(false);
  });
});

describe('a later complaint on the same matter falls under ground f (policy 2.5 f)', () => {
  const cases = [
    { matterId: 'm-1', committee: { ...startCommitteeCase(new Date('2025-01-01')), reference: 'RKC-OLD' } },
    { matterId: 'm-1', committee: { ...startCommitteeCase(new Date('2026-01-01')), reference: 'RKC-NEW' } },
    { matterId: 'm-2', committee: startCommitteeCase(NOW) },
  ];

  test('policy 2.5 f: the latest committee case on the matter is the precedent', () => {
    expect(findCommitteePrecedent(cases, 'm-1')).toEqual({
      reference: 'RKC-NEW',
      stage: 'reference_recorded',
    });
    expect(findCommitteePrecedent(cases, 'm-2')).toEqual({ reference: null, stage: 'referred' });
  });

  test('policy 2.5 f: no committee case on the matter → no precedent', () => {
    expect(findCommitteePrecedent(cases, 'm-3')).toBeNull();
  });
});
