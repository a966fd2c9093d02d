// A small seeded PRNG (sfc32, seeded through splitmix32): the generator must give the same data for the
// same seed on every machine, which Math.random and crypto cannot.

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  readonly seed: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    const init = splitmix32(this.seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** An independent stream for one part of the data, so adding draws in one part never shifts another. */
  fork(label: string): Random {
    return new Random((this.seed ^ hashLabel(label)) >>> 0);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks a key by relative weight: `{ email: 35, phone: 25 }`. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return (entries.at(-1) as [K, number])[0];
  }

  /** A version-4 UUID from this stream: ids are known before insert and the same on every run. */
  uuid(): string {
    // Straight from four draws (no byte arrays): the national set needs millions of ids.
    const a = this.nextUint32();
    const b = this.nextUint32();
    const c = this.nextUint32();
    const d = this.nextUint32();
    const hex = (n: number) =>
      `${HEX[n >>> 24]}${HEX[(n >>> 16) & 0xff]}${HEX[(n >>> 8) & 0xff]}${HEX[n & 0xff]}`;
    const version = (b & 0xffff & 0x0fff) | 0x4000; // bytes 6–7: version 4
    const variant = (((c >>> 16) & 0x3fff) | 0x8000) >>> 0; // bytes 8–9: RFC 4122 variant
    const h2 = hex(b);
    const h3 = hex(c);
    return `${hex(a)}-${h2.slice(0, 4)}-${version.toString(16).padStart(4, '0')}-${variant.toString(16)}-${h3.slice(4)}${hex(d)}`;
  }
}
