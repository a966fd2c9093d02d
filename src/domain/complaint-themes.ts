// Recurring themes per quarter (policy 3.1 "leren van klachten", 3.2; issue 26, decision 049): the quarter's
// complaints grouped by their words. Explainable on purpose: TF-IDF vectors over PostgreSQL's Dutch lexemes,
// cosine similarity, average-link agglomerative clustering cut at a fixed similarity. Every tie is broken by the
// complaint's id, so the same complaints always give the same themes. No I/O here: the worker job reads the
// lexemes (`ts_debug('dutch', …)`) and stores the result.

/** One word of a complaint: its lexeme (the Dutch stem) and the word as the complainant wrote it. */
export type ThemeToken = Readonly<{ lexeme: string; word: string }>;

export type ThemeComplaint = Readonly<{
  id: string;
  reference: string;
  tokens: readonly ThemeToken[];
  departmentId: string | null;
  housingComplexId: string | null;
}>;

export type ThemeTerm = Readonly<{ lexeme: string; word: string; weight: number }>;

export type Theme = Readonly<{
  /** The top lexemes joined by '+': stable across runs on the same complaints. */
  key: string;
  /** The top 2–3 terms as written most often: "schimmel · muren · geschilderd". */
  name: string;
  size: number;
  /** Mean cosine similarity of the members to the theme's centre (0–1): how alike its complaints are. */
  cohesion: number;
  /** The "why": the centre's heaviest terms with their weights. */
  terms: readonly ThemeTerm[];
  /** Every member, most typical first (ties by id). */
  complaintIds: readonly string[];
  departments: readonly { id: string; count: number }[];
  complexes: readonly { id: string; count: number }[];
}>;

export type ThemeSettings = Readonly<{
  /** Two complaints (or groups) merge while their average similarity is at least this. */
  threshold: number;
  /** A group smaller than this is not a theme. */
  minSize: number;
  /** A lexeme used by fewer complaints is left out (it cannot explain a group, nor name one complaint). */
  minDocumentFrequency: number;
  /** A lexeme used by more than this share of the complaints says nothing about a group. */
  maxDocumentShare: number;
  /** At most this many lexemes (the most used) and complaints (the first by id) per quarter: bounded cost. */
  maxVocabulary: number;
  maxComplaints: number;
  /** Terms kept per theme (the "why"), and terms in its name. */
  termsPerTheme: number;
  nameTerms: number;
}>;

export const THEME_SETTINGS: ThemeSettings = {
  threshold: 0.3,
  minSize: 3,
  minDocumentFrequency: 3,
  maxDocumentShare: 0.5,
  maxVocabulary: 3000,
  maxComplaints: 2500,
  termsPerTheme: 8,
  nameTerms: 3,
};

export type ThemeResult = Readonly<{
  complaints: number;
  /** Complaints left out because the quarter had more than `maxComplaints` (the first by id are kept). */
  leftOut: number;
  vocabulary: number;
  themes: readonly Theme[];
}>;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A sparse, L2-normalised vector: term indexes ascending with their weights. */
type Vector = { terms: Int32Array; weights: Float64Array };

function dot(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i] as number;
    const tb = b.terms[j] as number;
    if (ta === tb) {
      sum += (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (ta < tb) i++;
    else j++;
  }
  return sum;
}

/** The vocabulary and each complaint's TF-IDF vector (tf = 1 + ln count, idf = ln(N / df)). */
function vectorize(complaints: readonly ThemeComplaint[], settings: ThemeSettings) {
  const documentFrequency = new Map<string, number>();
  for (const complaint of complaints) {
    for (const lexeme of new Set(complaint.tokens.map((t) => t.lexeme))) {
      documentFrequency.set(lexeme, (documentFrequency.get(lexeme) ?? 0) + 1);
    }
  }
  const maxDf = Math.max(settings.minDocumentFrequency, settings.maxDocumentShare * complaints.length);
  const vocabulary = [...documentFrequency.entries()]
    .filter(([, df]) => df >= settings.minDocumentFrequency && df <= maxDf)
    .sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))
    .slice(0, settings.maxVocabulary)
    .map(([lexeme]) => lexeme)
    .sort(byString);
  const index = new Map(vocabulary.map((lexeme, i) => [lexeme, i]));
  const idf = vocabulary.map((lexeme) => Math.log(complaints.length / (documentFrequency.get(lexeme) ?? 1)));
  const vectors = complaints.map((complaint): Vector => {
    const counts = new Map<number, number>();
    for (const token of complaint.tokens) {
      const i = index.get(token.lexeme);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const entries = [...counts.entries()].sort((a, b) => a[0] - b[0]);
    const weights = entries.map(([i, n]) => (1 + Math.log(n)) * (idf[i] as number));
    const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0)) || 1;
    return {
      terms: Int32Array.from(entries.map(([i]) => i)),
      weights: Float64Array.from(weights.map((w) => w / norm)),
    };
  });
  return { vocabulary, vectors };
}

/**
 * Average-link agglomerative clustering by the nearest-neighbour chain (O(n²) time and memory), cut where the
 * average similarity drops below the threshold. Average link is reducible, so the merges at or above the
 * threshold are exactly those of the greedy algorithm. Ties go to the lowest index (complaints sorted by id).
 */
export function averageLinkClusters(similarity: Float64Array, n: number, threshold: number): number[][] {
  const size = new Array<number>(n).fill(1);
  const active = new Array<boolean>(n).fill(true);
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    return root;
  };
  let remaining = n;
  const chain: number[] = [];
  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(true));
    const top = chain[chain.length - 1] as number;
    const previous = chain.length > 1 ? (chain[chain.length - 2] as number) : -1;
    let best = previous;
    let bestSimilarity = previous >= 0 ? (similarity[top * n + previous] as number) : -Infinity;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === top || k === previous) continue;
      const s = similarity[top * n + k] as number;
      if (s > bestSimilarity || (s === bestSimilarity && best !== previous && k < best)) {
        best = k;
        bestSimilarity = s;
      }
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const [into, from] = top < previous ? [top, previous] : [previous, top];
    const sInto = size[into] as number;
    const sFrom = size[from] as number;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === into || k === from) continue;
      const merged =
        ((similarity[into * n + k] as number) * sInto + (similarity[from * n + k] as number) * sFrom) /
        (sInto + sFrom);
      similarity[into * n + k] = merged;
      similarity[k * n + into] = merged;
    }
    size[into] = sInto + sFrom;
    active[from] = false;
    remaining--;
    if (bestSimilarity >= threshold) parent[find(from)] = find(into);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(i);
    groups.set(root, group);
  }
  return [...groups.values()];
}

function countBy(values: readonly (string | null)[]) {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || byString(a.id, b.id));
}

/** The word written most often for each lexeme (ties: alphabetical), so names read as Dutch. */
function surfaceWords(complaints: readonly ThemeComplaint[]) {
  const counts = new Map<string, Map<string, number>>();
  for (const complaint of complaints) {
    for (const { lexeme, word } of complaint.tokens) {
      const words = counts.get(lexeme) ?? new Map<string, number>();
      const lower = word.toLowerCase();
      words.set(lower, (words.get(lower) ?? 0) + 1);
      counts.set(lexeme, words);
    }
  }
  return (lexeme: string) =>
    [...(counts.get(lexeme)?.entries() ?? [])].sort((a, b) => b[1] - a[1] || byString(a[0], b[0]))[0]?.[0] ??
    lexeme;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The quarter's themes, largest first (ties by key). Pure and deterministic: input order does not matter. */
export function findThemes(
  input: readonly ThemeComplaint[],
  settings: ThemeSettings = THEME_SETTINGS,
): ThemeResult {
  const sorted = [...input].sort((a, b) => byString(a.id, b.id));
  const complaints = sorted.slice(0, settings.maxComplaints);
  const { vocabulary, vectors } = vectorize(complaints, settings);
  const n = complaints.length;
  const similarity = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = dot(vectors[i] as Vector, vectors[j] as Vector);
      similarity[i * n + j] = s;
      similarity[j * n + i] = s;
    }
  }
  const groups = n < 2 ? [] : averageLinkClusters(similarity, n, settings.threshold);
  const wordOf = surfaceWords(complaints);
  const themes: Theme[] = [];
  for (const members of groups) {
    if (members.length < settings.minSize) continue;
    const centre = new Float64Array(vocabulary.length);
    for (const m of members) {
      const v = vectors[m] as Vector;
      for (let k = 0; k < v.terms.length; k++) {
        centre[v.terms[k] as number] = (centre[v.terms[k] as number] as number) + (v.weights[k] as number);
      }
    }
    const norm = Math.sqrt(centre.reduce((s, w) => s + w * w, 0)) || 1;
    const terms = [...centre.entries()]
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || byString(vocabulary[a[0]] as string, vocabulary[b[0]] as string))
      .slice(0, settings.termsPerTheme)
      .map(([i, w]) => ({
        lexeme: vocabulary[i] as string,
        word: wordOf(vocabulary[i] as string),
        weight: round(w / norm),
      }));
    const typicality = members.map((m) => {
      const v = vectors[m] as Vector;
      let s = 0;
      for (let k = 0; k < v.terms.length; k++) {
        s += (v.weights[k] as number) * ((centre[v.terms[k] as number] as number) / norm);
      }
      return { id: (complaints[m] as ThemeComplaint).id, s };
    });
    typicality.sort((a, b) => b.s - a.s || byString(a.id, b.id));
    const named = terms.slice(0, settings.nameTerms);
    const memberComplaints = members.map((m) => complaints[m] as ThemeComplaint);
    themes.push({
      key: named.map((t) => t.lexeme).join('+'),
      name: named.map((t) => t.word).join(' · '),
      size: members.length,
      cohesion: round(typicality.reduce((s, t) => s + t.s, 0) / members.length),
      terms,
      complaintIds: typicality.map((t) => t.id),
      departments: countBy(memberComplaints.map((c) => c.departmentId)),
      complexes: countBy(memberComplaints.map((c) => c.housingComplexId)),
    });
  }
  themes.sort((a, b) => b.size - a.size || byString(a.key, b.key));
  return { complaints: n, leftOut: sorted.length - n, vocabulary: vocabulary.length, themes };
}

/** How alike two themes' term profiles are (cosine over their weighted terms, 0–1). */
export function themeSimilarity(
  a: readonly { lexeme: string; weight: number }[],
  b: readonly { lexeme: string; weight: number }[],
): number {
  const weights = new Map(b.map((t) => [t.lexeme, t.weight]));
  const product = a.reduce((s, t) => s + t.weight * (weights.get(t.lexeme) ?? 0), 0);
  const norm = (terms: readonly { weight: number }[]) =>
    Math.sqrt(terms.reduce((s, t) => s + t.weight ** 2, 0));
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : product / denominator;
}

/** Two themes (of different quarters, or a theme and an action's source theme) are the same from here on. */
export const THEME_MATCH = 0.5;

/** The theme of another quarter (or action) that best matches, if any reaches `THEME_MATCH` (ties: first). */
export function bestMatch<T extends { terms: readonly { lexeme: string; weight: number }[] }>(
  theme: { terms: readonly { lexeme: string; weight: number }[] },
  candidates: readonly T[],
): T | null {
  let best: T | null = null;
  let bestSimilarity = THEME_MATCH;
  for (const candidate of candidates) {
    const s = themeSimilarity(theme.terms, candidate.terms);
    if (s > bestSimilarity || (best === null && s === bestSimilarity)) {
      best = candidate;
      bestSimilarity = s;
    }
  }
  return best;
}

export type ThemeTrend = 'new' | 'up' | 'down' | 'level';

/** Against the previous quarter: new when it had no matching theme; up or down past a quarter's difference. */
export function themeTrend(size: number, previousSize: number | null): ThemeTrend {
  if (previousSize === null) return 'new';
  if (size >= previousSize * 1.25 && size - previousSize >= 2) return 'up';
  if (size <= previousSize * 0.75 && previousSize - size >= 2) return 'down';
  return 'level';
}

/** Where an erased complaint was counted: its department and complex when the run was made. */
export type ErasedThemeMember = Readonly<{
  id: string;
  departmentId: string | null;
  housingComplexId: string | null;
}>;

function withoutOne(
  counts: readonly { id: string; count: number }[],
  id: string | null,
): { id: string; count: number }[] {
  return counts
    .map((c) => (c.id === id ? { id: c.id, count: c.count - 1 } : { ...c }))
    .filter((c) => c.count > 0);
}

/**
 * A stored run's themes without a complaint that was erased (retention, erasure on request; decision 049): the
 * member id goes, the size and the department and complex counts drop by one, and a theme left smaller than the
 * minimum is no theme any more. Names and terms stay: a term is shared by at least `minDocumentFrequency`
 * complaints, so it never stood for this one complaint alone. Themes the complaint was not in are unchanged.
 */
export function themesWithoutComplaint(
  themes: readonly Theme[],
  erased: ErasedThemeMember,
  settings: ThemeSettings = THEME_SETTINGS,
): Theme[] {
  return themes.flatMap((theme) => {
    if (!theme.complaintIds.includes(erased.id)) return [theme];
    const complaintIds = theme.complaintIds.filter((id) => id !== erased.id);
    if (complaintIds.length < settings.minSize) return [];
    return [
      {
        ...theme,
        size: complaintIds.length,
        complaintIds,
        departments: withoutOne(theme.departments, erased.departmentId),
        complexes: withoutOne(theme.complexes, erased.housingComplexId),
      },
    ];
  });
}
