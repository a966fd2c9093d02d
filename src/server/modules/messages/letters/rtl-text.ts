import bidiModule, { type Bidi, type EmbeddingLevels } from 'bidi-js';

// Issue 21 (decision 028): letters on paper in Arabic. Policy 1.1: "laagdrempelig … toegankelijk voor alle
// huurders" — a tenant who reads Arabic gets their letter in Arabic. The PDF engine draws glyphs left to right
// as given, without Arabic shaping or the Unicode bidi algorithm, so the text arrives here in logical order
// and leaves as what is printed: contextual presentation forms (Unicode's Arabic Presentation Forms-B), lines
// wrapped to a width, each line in visual order (UAX #9, bidi-js). Pure: the caller measures with its font.

type Forms = Readonly<{ isolated: number; final: number; initial?: number; medial?: number }>;

/** Dual-joining letters (they join on both sides): the four forms follow each other in Forms-B. */
function dual(isolated: number): Forms {
  return { isolated, final: isolated + 1, initial: isolated + 2, medial: isolated + 3 };
}
/** Right-joining letters (only to the letter before them): isolated and final. */
function right(isolated: number): Forms {
  return { isolated, final: isolated + 1 };
}

// Unicode ArabicShaping.txt joining types with the Forms-B code points. Alef maksura is dual-joining in
// Unicode, but Arabic writes it at the end of a word and Forms-B has no Arabic initial/medial form for it.
const FORMS: ReadonlyMap<number, Forms> = new Map<number, Forms>([
  [0x0621, { isolated: 0xfe80, final: 0xfe80 }], // hamza: joins to nothing
  [0x0622, right(0xfe81)], // alef with madda
  [0x0623, right(0xfe83)], // alef with hamza above
  [0x0624, right(0xfe85)], // waw with hamza
  [0x0625, right(0xfe87)], // alef with hamza below
  [0x0626, dual(0xfe89)], // yeh with hamza
  [0x0627, right(0xfe8d)], // alef
  [0x0628, dual(0xfe8f)], // beh
  [0x0629, right(0xfe93)], // teh marbuta
  [0x062a, dual(0xfe95)], // teh
  [0x062b, dual(0xfe99)], // theh
  [0x062c, dual(0xfe9d)], // jeem
  [0x062d, dual(0xfea1)], // hah
  [0x062e, dual(0xfea5)], // khah
  [0x062f, right(0xfea9)], // dal
  [0x0630, right(0xfeab)], // thal
  [0x0631, right(0xfead)], // reh
  [0x0632, right(0xfeaf)], // zain
  [0x0633, dual(0xfeb1)], // seen
  [0x0634, dual(0xfeb5)], // sheen
  [0x0635, dual(0xfeb9)], // sad
  [0x0636, dual(0xfebd)], // dad
  [0x0637, dual(0xfec1)], // tah
  [0x0638, dual(0xfec5)], // zah
  [0x0639, dual(0xfec9)], // ain
  [0x063a, dual(0xfecd)], // ghain
  [0x0641, dual(0xfed1)], // feh
  [0x0642, dual(0xfed5)], // qaf
  [0x0643, dual(0xfed9)], // kaf
  [0x0644, dual(0xfedd)], // lam
  [0x0645, dual(0xfee1)], // meem
  [0x0646, dual(0xfee5)], // noon
  [0x0647, dual(0xfee9)], // heh
  [0x0648, right(0xfeed)], // waw
  [0x0649, right(0xfeef)], // alef maksura
  [0x064a, dual(0xfef1)], // yeh
]);

const TATWEEL = 0x0640; // the joining stroke: joins on both sides and keeps its one form
const LAM = 0x0644;
/** Lam followed by one of these alefs is one ligature: isolated form, final form is the next code point. */
const LAM_ALEF: ReadonlyMap<number, number> = new Map([
  [0x0622, 0xfef5],
  [0x0623, 0xfef7],
  [0x0625, 0xfef9],
  [0x0627, 0xfefb],
]);

/** Combining marks (harakat, tanween, shadda, superscript alef…): transparent to joining. */
function isMark(code: number): boolean {
  return (code >= 0x064b && code <= 0x065f) || code === 0x0670 || (code >= 0x06d6 && code <= 0x06ed);
}
function joinsForward(code: number | undefined): boolean {
  if (code === undefined) return false;
  return code === TATWEEL || FORMS.get(code)?.initial !== undefined;
}
function joinsBackward(code: number | undefined): boolean {
  if (code === undefined) return false;
  return code === TATWEEL || (FORMS.has(code) && code !== 0x0621);
}

/**
 * Arabic letters in their contextual forms (isolated, initial, medial, final) and lam-alef as one ligature;
 * everything else unchanged. Logical order in, logical order out.
 */
export function shapeArabic(text: string): string {
  const codes = Array.from(text, (c) => c.codePointAt(0) ?? 0);
  const neighbour = (from: number, step: 1 | -1) => {
    let i = from + step;
    while (i >= 0 && i < codes.length && isMark(codes[i] ?? 0)) i += step;
    return { index: i, code: codes[i] };
  };
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    const forms = FORMS.get(code);
    if (forms === undefined) {
      out.push(code);
      continue;
    }
    const joinedBefore = joinsForward(neighbour(i, -1).code);
    const next = neighbour(i, 1);
    const ligature = code === LAM && next.code !== undefined ? LAM_ALEF.get(next.code) : undefined;
    if (ligature !== undefined) {
      out.push(joinedBefore ? ligature + 1 : ligature);
      // the marks between lam and alef stay with the ligature
      for (let m = i + 1; m < next.index; m++) out.push(codes[m] ?? 0);
      i = next.index;
      continue;
    }
    const joinedAfter = forms.initial !== undefined && joinsBackward(next.code);
    if (joinedBefore && joinedAfter) out.push(forms.medial ?? forms.final);
    else if (joinedBefore) out.push(forms.final);
    else if (joinedAfter) out.push(forms.initial ?? forms.isolated);
    else out.push(forms.isolated);
  }
  return String.fromCodePoint(...out);
}

// bidi-js is CommonJS with types that declare an ES default export: Node hands over the factory itself
const bidiFactory = ((bidiModule as { default?: unknown }).default ?? bidiModule) as () => Bidi;
const bidi = bidiFactory();

/**
 * One line of a paragraph (inclusive indexes) in visual order: left to right as printed (UAX #9 L1–L4).
 * A mark on an Arabic letter ends up just left of it, as Arabic fonts expect (their marks reach right).
 */
function reorderLine(text: string, embedding: EmbeddingLevels, start: number, end: number): string {
  const mirrored = bidi.getMirroredCharactersMap(text, embedding.levels, start, end);
  // the indexes of the whole text come back, with this line's part reordered
  const visual = bidi.getReorderedIndices(text, embedding, start, end).slice(start, end + 1);
  return visual.map((index) => mirrored.get(index) ?? text[index] ?? '').join('');
}

export type ParagraphDirection = 'rtl' | 'ltr';

/** A single line (a label, a heading) shaped and in visual order; it is not wrapped. */
export function visualLine(text: string, direction: ParagraphDirection = 'rtl'): string {
  const shaped = shapeArabic(text.replace(/\s+/g, ' ').trim());
  if (shaped === '') return '';
  return reorderLine(shaped, bidi.getEmbeddingLevels(shaped, direction), 0, shaped.length - 1);
}

/** The width of a string of shaped text as printed, in points (the caller's font and size). */
export type MeasureText = (text: string) => number;

/** Word ranges [start, end] (inclusive) of one line each, greedy, no line wider than `width`. */
function wrapRanges(text: string, width: number, measure: MeasureText): Array<[number, number]> {
  const words = [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length - 1] as const);
  const lines: Array<[number, number]> = [];
  let line: [number, number] | null = null;
  for (const [start, end] of words) {
    if (line !== null && measure(text.slice(line[0], end + 1)) <= width) {
      line[1] = end;
      continue;
    }
    if (line !== null) lines.push(line);
    line = [start, end];
    // a word wider than the line (a long link) is cut where it no longer fits
    while (measure(text.slice(line[0], line[1] + 1)) > width && line[1] > line[0]) {
      let cut = line[0];
      while (cut < line[1] && measure(text.slice(line[0], cut + 1)) <= width) cut++;
      const piece: [number, number] = [line[0], Math.max(line[0], cut - 1)];
      lines.push(piece);
      line = [piece[1] + 1, end];
    }
  }
  if (line !== null) lines.push(line);
  return lines;
}

/**
 * A paragraph as printed lines: shaped, wrapped in logical order to `width` (so a line break never tears the
 * reading order), then each line reordered with the paragraph's embedding levels. Hard line breaks stay.
 * Numbers, dates, links and codes in the text stay left to right.
 */
export function visualLines(
  paragraph: string,
  width: number,
  measure: MeasureText,
  direction: ParagraphDirection = 'rtl',
): string[] {
  return paragraph.split('\n').flatMap((hardLine) => {
    const shaped = shapeArabic(hardLine.replace(/\s+/g, ' ').trim());
    if (shaped === '') return [''];
    const embedding = bidi.getEmbeddingLevels(shaped, direction);
    return wrapRanges(shaped, width, measure).map(([start, end]) =>
      reorderLine(shaped, embedding, start, end),
    );
  });
}
