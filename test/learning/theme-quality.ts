// How well found themes recover the planted ones (docs/themes.md): each generated complaint's planted theme is
// the description template it came from (`descriptionTemplateOf`).

export type Quality = {
  themes: number;
  planted: number;
  /** Themes whose largest planted family makes up at least half of them / all themes. */
  precision: number;
  /** Planted families (with at least `minSize` complaints) that are the majority of some theme / all of them. */
  recall: number;
  /** Over pairs of complaints: same theme and same template / same theme; same template and same theme / same template. */
  pairPrecision: number;
  pairRecall: number;
};

const pairs = (n: number) => (n * (n - 1)) / 2;

export function themeQuality(
  themes: readonly { complaintIds: readonly string[] }[],
  labelOf: ReadonlyMap<string, string | null>,
  minSize: number,
): Quality {
  const familySizes = new Map<string, number>();
  for (const label of labelOf.values()) if (label) familySizes.set(label, (familySizes.get(label) ?? 0) + 1);
  const planted = [...familySizes.entries()].filter(([, n]) => n >= minSize).map(([label]) => label);
  const found = new Set<string>();
  let pure = 0;
  let samePairsInThemes = 0;
  let pairsInThemes = 0;
  for (const theme of themes) {
    const counts = new Map<string, number>();
    for (const id of theme.complaintIds) {
      const label = labelOf.get(id) ?? `unplanted:${id}`;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const [label, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (n * 2 >= theme.complaintIds.length && !label.startsWith('unplanted:')) {
      pure++;
      found.add(label);
    }
    pairsInThemes += pairs(theme.complaintIds.length);
    for (const [l, k] of counts) if (!l.startsWith('unplanted:')) samePairsInThemes += pairs(k);
  }
  const samePairs = [...familySizes.values()].reduce((s, n) => s + pairs(n), 0);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    themes: themes.length,
    planted: planted.length,
    precision: themes.length === 0 ? 0 : round(pure / themes.length),
    recall: planted.length === 0 ? 0 : round(planted.filter((l) => found.has(l)).length / planted.length),
    pairPrecision: pairsInThemes === 0 ? 0 : round(samePairsInThemes / pairsInThemes),
    pairRecall: samePairs === 0 ? 0 : round(samePairsInThemes / samePairs),
  };
}
