/**
 * A seeded pseudo-random generator (xoshiro128**, seeded through splitmix32): the same seed gives the
 * same sequence on every machine and Node version, which `Math.random` does not. Not for secrets.
 */
export class Random {
  readonly #state: Uint32Array;

  constructor(seed: number | string) {
    let mix = typeof seed === 'number' ? seed >>> 0 : hash32(seed);
    this.#state = new Uint32Array(4);
    for (let i = 0; i < 4; i += 1) {
      mix = (mix + 0x9e3779b9) >>> 0;
      this.#state[i] = splitmix32(mix);
    }
    // An all-zero state would only ever give zeros; splitmix32 makes that practically impossible.
    if (this.#state.every((word) => word === 0)) this.#state[0] = 1;
  }

  /** An independent generator for a named part (one story, one entity), stable whatever else is drawn. */
  static derive(seed: number, label: string): Random {
    return new Random(`${seed >>> 0}/${label}`);
  }

  /** The next 32 random bits. */
  nextUint32(): number {
    const s = this.#state;
    const s0 = s[0] ?? 0;
    const s1 = s[1] ?? 0;
    const s2 = s[2] ?? 0;
    const s3 = s[3] ?? 0;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s[2] = s2 ^ s0;
    s[3] = s3 ^ s1;
    s[1] = s1 ^ (s[2] ?? 0);
    s[0] = s0 ^ (s[3] ?? 0);
    s[2] = (s[2] ?? 0) ^ t;
    s[3] = rotl(s[3] ?? 0, 11);
    return result;
  }

  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): bounds must be integers with min <= max`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new RangeError('pick from an empty list');
    return values[Math.floor(this.next() * values.length)] as T;
  }

  /** One of the keys, with probability proportional to its weight (weights need not sum to 1). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = (Object.entries(weights) as [K, number][]).filter(([, weight]) => weight > 0);
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    if (entries.length === 0 || !(total > 0)) throw new RangeError('weighted: no positive weight');
    let draw = this.next() * total;
    for (const [key, weight] of entries) {
      draw -= weight;
      if (draw < 0) return key;
    }
    return (entries.at(-1) as [K, number])[0];
  }

  /** `count` digits as text, each 0-9. */
  digits(count: number): string {
    let text = '';
    for (let i = 0; i < count; i += 1) text += String(this.int(0, 9));
    return text;
  }
}

function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

function splitmix32(input: number): number {
  let z = input >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over UTF-16 code units, finished with a splitmix round: labels to seeds. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return splitmix32(hash);
}
