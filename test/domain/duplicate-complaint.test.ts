import { describe, expect, it } from 'vitest';
import {
  assessDuplicate,
  DUPLICATE_WINDOW_DAYS,
  type DuplicateCandidate,
  decideMerge,
  findLikelyDuplicates,
  type MergeSide,
  textSimilarity,
} from '../../src/domain/index.ts';

// Issue 22 (decision 035): the same complaint received twice, and when it may be merged.

const LEAK = 'De monteur is drie keer niet gekomen voor de lekkage in de badkamer, niemand belde af.';
const AGAIN = 'Lekkage badkamer: de monteur is al drie keer niet gekomen en niemand belde áf!';
/** Three of its five significant words are in AGAIN: similar, less so than LEAK. */
const PARTLY = 'Monteur niet gekomen voor de lekkage, wel voor de verwarming.';
const NOISE = 'De buren maken elke nacht herrie met harde muziek.';
const at = (day: string) => new Date(`${day}T10:00:00+01:00`);

const subject = { id: null, complainantId: 'p1', receivedAt: at('2026-12-07'), description: AGAIN };
const candidate = (changes: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id: 'a',
  complainantId: 'p1',
  receivedAt: at('2026-12-01'),
  description: LEAK,
  status: 'in_progress',
  ...changes,
});

describe('text similarity', () => {
  it('ignores case, accents, punctuation and stop words', () => {
    expect(textSimilarity(LEAK, AGAIN)).toBeGreaterThanOrEqual(0.5);
    expect(textSimilarity('Lekkage!', 'lékkage')).toBe(1);
    expect(textSimilarity(LEAK, NOISE)).toBeLessThan(0.2);
    expect(textSimilarity('de het een', LEAK)).toBe(0);
  });
});

describe('a likely duplicate', () => {
  it('same complainant, similar text, within the window', () => {
    expect(assessDuplicate(subject, candidate())).toMatchObject({ id: 'a', daysApart: 6 });
  });

  it.each<[string, Partial<DuplicateCandidate>]>([
    ['another complainant', { complainantId: 'p2' }],
    ['another story', { description: NOISE }],
    ['received too long before', { receivedAt: at('2026-11-22') }],
    ['already merged', { status: 'merged' }],
    ['closed', { status: 'closed' }],
    ['itself', { id: 'b' }],
  ])('not: %s', (_name, changes) => {
    expect(assessDuplicate({ ...subject, id: 'b' }, candidate(changes))).toBeNull();
  });

  it('the window counts calendar days either way, its last day included', () => {
    const edge = at('2026-12-07');
    edge.setDate(edge.getDate() - DUPLICATE_WINDOW_DAYS);
    expect(assessDuplicate(subject, candidate({ receivedAt: edge }))).not.toBeNull();
    expect(assessDuplicate(subject, candidate({ receivedAt: at('2026-12-20') }))).not.toBeNull();
  });

  it('without a complainant nothing is a duplicate', () => {
    expect(
      assessDuplicate({ ...subject, complainantId: null }, candidate({ complainantId: null })),
    ).toBeNull();
  });

  it('most similar first, then closest in time', () => {
    const found = findLikelyDuplicates(subject, [
      candidate({ id: 'far', description: PARTLY, receivedAt: at('2026-11-25') }),
      candidate({ id: 'near', description: PARTLY, receivedAt: at('2026-12-06') }),
      candidate({ id: 'same', receivedAt: at('2026-11-24') }),
      candidate({ id: 'noise', description: NOISE }),
    ]);
    expect(found.map((f) => f.id)).toEqual(['same', 'near', 'far']);
  });
});

describe('deciding a merge of B into A', () => {
  const b: MergeSide = { id: 'b', status: 'new', mergedIntoId: null, complainantId: 'p1' };
  const a: MergeSide = { id: 'a', status: 'in_progress', mergedIntoId: null, complainantId: 'p1' };

  it('allowed while B is at its start and A goes on', () => {
    expect(decideMerge(b, a)).toEqual({ ok: true, repeat: false });
    expect(decideMerge({ ...b, status: 'in_progress' }, { ...a, status: 'answered' })).toMatchObject({
      ok: true,
    });
  });

  it('the same merge again is a repeat, not an error', () => {
    expect(decideMerge({ ...b, status: 'merged', mergedIntoId: 'a' }, a)).toEqual({ ok: true, repeat: true });
  });

  it.each<[string, MergeSide, MergeSide, string]>([
    ['into itself', b, { ...b }, 'merge_into_itself'],
    ['B merged elsewhere', { ...b, status: 'merged', mergedIntoId: 'c' }, a, 'already_merged'],
    ['A merged itself', b, { ...a, status: 'merged', mergedIntoId: 'c' }, 'merge_target_merged'],
    ['B answered', { ...b, status: 'answered' }, a, 'merge_not_possible_in_status'],
    ['B with the committee', { ...b, status: 'with_committee' }, a, 'merge_not_possible_in_status'],
    ['A closed', b, { ...a, status: 'closed' }, 'merge_target_ended'],
    ['A withdrawn', b, { ...a, status: 'withdrawn' }, 'merge_target_ended'],
    ['another complainant', b, { ...a, complainantId: 'p2' }, 'merge_other_complainant'],
    [
      'no complainant',
      { ...b, complainantId: null },
      { ...a, complainantId: null },
      'merge_other_complainant',
    ],
  ])('refused: %s', (_name, duplicate, survivor, reason) => {
    expect(decideMerge(duplicate, survivor)).toEqual({ ok: false, reason });
  });
});
