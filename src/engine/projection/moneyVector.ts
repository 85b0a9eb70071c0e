/**
 * Money vectors (compiled.ts): per projection year and pair of daily rate and self-payment, whole
 * nights and refundable nights, and how many of them are odd (for the rounding of half-øre
 * refunds). What the stays are, not what they cost: a draw prices them (vectorPrice.ts).
 */

/**
 * A money vector's entries: where it goes (n, the years after a move, for the sums a view weighs
 * later; 0 elsewhere), whose share it is (the lag of the expected use that multiplies it; 0: the
 * whole), the year, the rate and self-payment (value indexes), and four counts.
 */
export const STRIDE = 9;
export const E_N = 0;
export const E_LAG = 1;
export const E_YEAR = 2;
export const E_RATE = 3;
export const E_SELF = 4;
export const E_NIGHTS = 5;
export const E_REFUND = 6;
export const E_ODD_NIGHTS = 7;
export const E_ODD_REFUND = 8;
export type MoneyVector = Float64Array;

/** n, lag and year are below 32 (a horizon is at most 30 years): a key fits a double below 2^53. */
const SLOTS = 32;
/** Below this many distinct amounts, an entry's key is one exact double (SLOTS³ × values² < 2^53). */
const NUMBER_KEYS = 2 ** 19;

/**
 * Sums of stays' nights by n, lag, year and price pair, signed, built once into a vector. A
 * compiled timeline builds hundreds of thousands of small vectors: a builder is taken from a
 * pool (`vectorBuilder`) and goes back to it when built, and finds its entries in an
 * open-addressing table of typed arrays: a vector costs no map and no boxed key, and the arrays a
 * builder grew serve the next vector it builds.
 */
export class VectorBuilder {
  /** The n and lag of what `add` adds. */
  n = 0;
  lag = 0;
  private values = 0;
  private entries = 0;
  private data = new Float64Array(STRIDE * 16);
  private keys = new Float64Array(16);
  /** Entry index + 1 per slot (0: empty); its size a power of two, at most half full. */
  private table = new Int32Array(64);
  /** The slots in use, to empty them again. */
  private used = new Int32Array(32);
  /** Keys of amounts beyond NUMBER_KEYS distinct values, which no double holds exactly. */
  private wide: Map<string, number> | null = null;

  start(values: number): this {
    this.values = values;
    this.n = 0;
    this.lag = 0;
    return this;
  }

  add(t: number, rate: number, self: number, sign: number, nights: number, refund: number): void {
    const slot = (this.n * SLOTS + this.lag) * SLOTS + t;
    const pair = rate * this.values + self;
    const at = STRIDE * this.entry(slot, pair, t, rate, self);
    // After entry(), which may grow the data.
    const d = this.data;
    d[at + E_NIGHTS] += sign * nights;
    d[at + E_REFUND] += sign * refund;
    d[at + E_ODD_NIGHTS] += sign * (nights % 2);
    d[at + E_ODD_REFUND] += sign * (refund % 2);
  }

  /** The vector of the entries with a count, in the order they were first added; frees the builder. */
  build(): MoneyVector {
    const d = this.data;
    const end = this.entries * STRIDE;
    const kept = (i: number) =>
      d[i + E_NIGHTS] !== 0 ||
      d[i + E_REFUND] !== 0 ||
      d[i + E_ODD_NIGHTS] !== 0 ||
      d[i + E_ODD_REFUND] !== 0;
    let size = 0;
    for (let i = 0; i < end; i += STRIDE) if (kept(i)) size += STRIDE;
    const out = new Float64Array(size);
    let at = 0;
    for (let i = 0; i < end; i += STRIDE)
      if (kept(i)) for (let k = 0; k < STRIDE; k++) out[at++] = d[i + k];
    this.clear();
    pool.push(this);
    return out;
  }

  /** The index of the entry of (slot, pair), added with zero counts if new. */
  private entry(slot: number, pair: number, t: number, rate: number, self: number): number {
    let e: number;
    if (this.values >= NUMBER_KEYS) {
      this.wide ??= new Map();
      const key = `${slot}|${pair}`;
      const known = this.wide.get(key);
      if (known !== undefined) return known;
      e = this.append(t, rate, self, NaN);
      this.wide.set(key, e);
      return e;
    }
    const key = slot * this.values * this.values + pair;
    const mask = this.table.length - 1;
    for (let s = hash(slot, pair) & mask; ; s = (s + 1) & mask) {
      const found = this.table[s];
      if (found === 0) {
        e = this.append(t, rate, self, key);
        this.table[s] = e + 1;
        if (this.entries > this.used.length) this.used = grown(this.used, this.used.length * 2);
        this.used[this.entries - 1] = s;
        if (2 * this.entries > this.table.length) this.rehash();
        return e;
      }
      if (this.keys[found - 1] === key) return found - 1;
    }
  }

  private append(t: number, rate: number, self: number, key: number): number {
    const e = this.entries++;
    if (this.entries > this.keys.length) {
      this.keys = grown(this.keys, this.keys.length * 2);
      this.data = grown(this.data, this.data.length * 2);
    }
    this.keys[e] = key;
    const d = this.data;
    const at = e * STRIDE;
    d[at + E_N] = this.n;
    d[at + E_LAG] = this.lag;
    d[at + E_YEAR] = t;
    d[at + E_RATE] = rate;
    d[at + E_SELF] = self;
    d[at + E_NIGHTS] = d[at + E_REFUND] = d[at + E_ODD_NIGHTS] = d[at + E_ODD_REFUND] = 0;
    return e;
  }

  /** A table twice the size, the entries placed again. */
  private rehash(): void {
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    const d = this.data;
    for (let e = 0; e < this.entries; e++) {
      const at = e * STRIDE;
      const slot = (d[at + E_N] * SLOTS + d[at + E_LAG]) * SLOTS + d[at + E_YEAR];
      const pair = d[at + E_RATE] * this.values + d[at + E_SELF];
      let s = hash(slot, pair) & mask;
      while (table[s] !== 0) s = (s + 1) & mask;
      table[s] = e + 1;
      this.used[e] = s;
    }
    this.table = table;
  }

  private clear(): void {
    for (let e = 0; e < this.entries && !this.wide; e++) this.table[this.used[e]] = 0;
    this.entries = 0;
    this.wide = null;
  }
}

/** Builders free to take: a vector's builder goes back here when it is built. */
const pool: VectorBuilder[] = [];

/** A builder for vectors over `values` distinct amounts, empty. */
export const vectorBuilder = (values: number): VectorBuilder =>
  (pool.pop() ?? new VectorBuilder()).start(values);

/** A 32-bit hash of an entry's slot and price pair (the pair may pass 2^32). */
function hash(slot: number, pair: number): number {
  const h = Math.imul(slot + 1, 0x9e3779b1) ^ Math.imul(pair >>> 0, 0x85ebca6b);
  return h ^ Math.floor(pair / 2 ** 32) ^ (h >>> 15);
}

function grown<T extends Float64Array | Int32Array>(array: T, length: number): T {
  const out = new (array.constructor as new (n: number) => T)(length);
  out.set(array);
  return out;
}
