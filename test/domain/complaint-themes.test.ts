import { describe, expect, test } from 'vitest';
import {
  averageLinkClusters,
  bestMatch,
  findThemes,
  THEME_SETTINGS,
  type ThemeComplaint,
  themesWithoutComplaint,
  themeTrend,
} from '../../src/domain/index.ts';

// Lexemes as PostgreSQL's Dutch dictionary gives them; the words as written.
const complaint = (id: string, words: string, department: string | null = null): ThemeComplaint => ({
  id,
  reference: `K-${id}`,
  tokens: words.split(' ').map((w) => {
    const [word, lexeme] = w.split('/') as [string, string | undefined];
    return { word, lexeme: lexeme ?? word };
  }),
  departmentId: department,
  housingComplexId: null,
});

const mould = (id: string, extra: string) =>
  complaint(id, `schimmel muren/mur badkamer vocht/vocht geschilderd/schilder ${extra}`, 'onderhoud');
const noAnswer = (id: string, extra: string) =>
  complaint(id, `e-mail gestuurd/stur geen antwoord/antwoord gekregen/krijg ${extra}`, 'klantcontact');

const QUARTER: ThemeComplaint[] = [
  mould('a1', 'keuken'),
  mould('a2', 'hal'),
  mould('a3', 'slaapkamer'),
  mould('a4', 'keuken'),
  noAnswer('b1', 'woningruil'),
  noAnswer('b2', 'parkeerplaats'),
  noAnswer('b3', 'dakkapel'),
  noAnswer('b4', 'woningruil'),
  complaint('c1', 'buren harde muziek nacht'),
  complaint('c2', 'vuilnis container flat'),
];
const SMALL = { ...THEME_SETTINGS, minDocumentFrequency: 2 };

describe('theme finder', () => {
  test('groups hand-made complaints into their two themes, named after their top terms', () => {
    const result = findThemes(QUARTER, SMALL);
    expect(result.complaints).toBe(10);
    expect(result.themes.map((t) => [...t.complaintIds].sort())).toEqual([
      ['b1', 'b2', 'b3', 'b4'],
      ['a1', 'a2', 'a3', 'a4'],
    ]);
    // equal sizes: ordered by key ("antwoord+…" before "badkamer+…")
    const [second, first] = result.themes;
    // the surface word, not the lexeme: "muren", not "mur"
    expect(first?.terms.map((t) => t.word)).toContain('muren');
    expect(first?.name.split(' · ')).toHaveLength(3);
    expect(first?.departments).toEqual([{ id: 'onderhoud', count: 4 }]);
    expect(second?.departments).toEqual([{ id: 'klantcontact', count: 4 }]);
    // the "why": weights descending, each between 0 and 1
    const weights = first?.terms.map((t) => t.weight) ?? [];
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
    expect(Math.max(...weights)).toBeLessThanOrEqual(1);
    // "keuken" occurs in two mould complaints only: it is in the vocabulary but does not name the theme
    expect(first?.name).not.toContain('keuken');
  });

  test('the same complaints in any order give the same themes (determinism)', () => {
    const once = findThemes(QUARTER, SMALL);
    const shuffled = [...QUARTER].reverse();
    shuffled.push(shuffled.shift() as ThemeComplaint);
    expect(findThemes(shuffled, SMALL)).toEqual(once);
    expect(findThemes(QUARTER, SMALL)).toEqual(once);
  });

  test('a word used by fewer complaints than the minimum neither counts nor names a theme', () => {
    const result = findThemes(QUARTER, { ...SMALL, minDocumentFrequency: 3 });
    for (const theme of result.themes) {
      for (const term of theme.terms) expect(['keuken', 'woningruil']).not.toContain(term.lexeme);
    }
  });

  test('groups below the minimum size are no theme; the complaint cap is reported', () => {
    expect(findThemes(QUARTER, { ...SMALL, minSize: 5 }).themes).toEqual([]);
    const capped = findThemes(QUARTER, { ...SMALL, maxComplaints: 6 });
    expect(capped.complaints).toBe(6);
    expect(capped.leftOut).toBe(4);
    expect(findThemes([], SMALL)).toEqual({ complaints: 0, leftOut: 0, vocabulary: 0, themes: [] });
  });

  test('average link: merges while the mean similarity reaches the threshold, ties to the lowest index', () => {
    // 0–1 alike (0.9), 2 close to 0 (0.6) but not to 1 (0.1): the average 0.35 stays apart at 0.4, joins at 0.3
    const s = (m: number[][]) => Float64Array.from(m.flat());
    const matrix = [
      [1, 0.9, 0.6, 0],
      [0.9, 1, 0.1, 0],
      [0.6, 0.1, 1, 0],
      [0, 0, 0, 1],
    ];
    expect(averageLinkClusters(s(matrix), 4, 0.4)).toEqual([[0, 1], [2], [3]]);
    expect(averageLinkClusters(s(matrix), 4, 0.3)).toEqual([[0, 1, 2], [3]]);
    // three equally alike: the first two merge first, the result is one group either way
    const tie = [
      [1, 0.5, 0.5],
      [0.5, 1, 0.5],
      [0.5, 0.5, 1],
    ];
    expect(averageLinkClusters(s(tie), 3, 0.5)).toEqual([[0, 1, 2]]);
  });

  test('matching across quarters and the trend arrow', () => {
    const [answerTheme, mouldTheme] = findThemes(QUARTER, SMALL).themes;
    const others = ['lift kapot', 'lift stil', 'trap vies', 'trap glad'].map((w, i) => complaint(`e${i}`, w));
    const later = findThemes(
      [mould('d1', 'wc'), mould('d2', 'berging'), mould('d3', 'hal'), ...others],
      SMALL,
    ).themes.find((t) => t.complaintIds.includes('d1'));
    expect(later).toBeDefined();
    expect(bestMatch(later as never, [answerTheme, mouldTheme] as never[])).toBe(mouldTheme);
    expect(bestMatch({ terms: [{ lexeme: 'lift', weight: 1 }] }, [mouldTheme] as never[])).toBeNull();
    expect(themeTrend(4, null)).toBe('new');
    expect(themeTrend(10, 6)).toBe('up');
    expect(themeTrend(4, 8)).toBe('down');
    expect(themeTrend(7, 6)).toBe('level');
    expect(themeTrend(3, 2)).toBe('level');
  });
});

describe('an erased complaint leaves a stored run (decision 049)', () => {
  const theme = (key: string, complaintIds: string[], complexes: { id: string; count: number }[]) => ({
    key,
    name: key,
    size: complaintIds.length,
    cohesion: 0.4,
    terms: [{ lexeme: key, word: key, weight: 1 }],
    complaintIds,
    departments: [{ id: 'd1', count: complaintIds.length }],
    complexes,
  });
  const erased = { id: 'x', departmentId: 'd1', housingComplexId: 'h1' };

  test('its id, size and counts go; a theme below three members goes; others stay as they were', () => {
    const kept = theme('tuin', ['a', 'b', 'c'], []);
    expect(
      themesWithoutComplaint(
        [
          theme(
            'schimmel',
            ['a', 'x', 'b', 'c'],
            [
              { id: 'h1', count: 1 },
              { id: 'h2', count: 3 },
            ],
          ),
          theme('lift', ['x', 'd', 'e'], [{ id: 'h1', count: 3 }]),
          kept,
        ],
        erased,
      ),
    ).toEqual([
      {
        ...theme('schimmel', ['a', 'b', 'c'], [{ id: 'h2', count: 3 }]),
        departments: [{ id: 'd1', count: 3 }],
      },
      kept,
    ]);
  });

  test('a run without the complaint is unchanged', () => {
    const themes = [theme('tuin', ['a', 'b', 'c'], [])];
    expect(themesWithoutComplaint(themes, erased)).toEqual(themes);
  });
});
