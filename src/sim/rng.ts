/**
 * Random-number foundation of the Monte Carlo engine.
 *
 * - {@link Xoshiro128ss}: xoshiro128** 1.1 (Blackman & Vigna 2018), period 2^128 − 1,
 *   state in four uint32 words, pure 32-bit integer arithmetic (`Math.imul`, `>>> 0`)
 *   so the same seed gives bit-identical output in Node and in any browser.
 * - {@link Xoshiro128ss.derive} (alias {@link Stream}.derive): deterministic per-(seed, replicate,
 *   cell, …) streams. The 128-bit state is a pure function of the keys, so replicate r / cell c
 *   gets the same draws however the work is split across workers and in whatever order streams
 *   are created.
 *
 * Uniform doubles (see docs/random-numbers.md):
 * - `uniform()`   — 52 random bits from two outputs, (k + 0.5)·2^-52: strictly inside (0, 1),
 *                   min 2^-53, max 1 − 2^-53; so log(u) and log(1 − u) are always finite.
 * - `uniform32()` — one output, (x + 0.5)·2^-32: strictly inside (0, 1), 32-bit resolution,
 *                   for hot loops where 2^-32 granularity is acceptable (e.g. Bernoulli trials).
 *
 * No `node:` imports: this file runs unchanged in browsers and workers.
 */

/** Minimal interface the samplers need. */
export interface Rng {
  /** Next raw 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform double strictly inside (0, 1), 52-bit resolution. */
  uniform(): number;
}

/** Serializable generator state (e.g. to hand a stream to a worker). */
export interface StreamState {
  readonly s: readonly [number, number, number, number];
}

/** A key of a derived stream: a safe integer (seed, replicate, cell…) or a string label. */
export type StreamKey = number | string;

const TWO_POW_M52 = 2 ** -52;
const TWO_POW_M32 = 2 ** -32;
const TWO_POW_26 = 2 ** 26;
const TWO_POW_32 = 2 ** 32;

/** Jump polynomial for 2^64 steps (xoshiro128starstar.c, Blackman & Vigna). */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b] as const;
/** Long-jump polynomial for 2^96 steps. */
const LONG_JUMP = [0xb523952e, 0x0b6f099f, 0xccf5a0ef, 0x1c580662] as const;

function checkWord(name: string, w: number): void {
  if (!(w >= 0 && w <= 0xffffffff && Math.floor(w) === w)) {
    throw new Error(`Xoshiro128ss: ${name} must be an integer in [0, 2^32 - 1], got ${w}`);
  }
}

/** xoshiro128** 1.1 generator. */
export class Xoshiro128ss implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * Create a generator from an explicit 128-bit state (four uint32 words, `s[0]` first as in the
   * reference C code). Prefer {@link Xoshiro128ss.derive} for seeding.
   */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    checkWord("s0", s0);
    checkWord("s1", s1);
    checkWord("s2", s2);
    checkWord("s3", s3);
    if ((s0 | s1 | s2 | s3) === 0) {
      throw new Error("Xoshiro128ss: state must not be all zero");
    }
    // Stored as int32 (`| 0`): small integers stay unboxed in V8; uint32 values ≥ 2^31 would be
    // boxed heap numbers and make every step allocate (measured ~10× slower).
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  /**
   * Deterministic stream for (seed, ...keys), e.g. `derive(seed, replicate, cell)`.
   * The keys are absorbed into two independent 64-bit SplitMix64-style lanes
   * (see {@link deriveState}); the 128-bit result is never all zero.
   */
  static derive(seed: StreamKey, ...keys: StreamKey[]): Xoshiro128ss {
    const s = deriveState(seed, keys);
    return new Xoshiro128ss(s[0], s[1], s[2], s[3]);
  }

  /** Restore a generator from {@link Xoshiro128ss.getState}. */
  static fromState(state: StreamState): Xoshiro128ss {
    return new Xoshiro128ss(state.s[0], state.s[1], state.s[2], state.s[3]);
  }

  getState(): StreamState {
    return { s: [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0] };
  }

  clone(): Xoshiro128ss {
    return new Xoshiro128ss(this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0);
  }

  /** Next 32-bit output, unsigned. */
  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    this.s0 = s0 ^ s3;
    this.s1 = s1 ^ s2;
    this.s2 = s2 ^ (s1 << 9);
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Uniform in (0, 1): 52 bits from two outputs, (k + 0.5)·2^-52. Never 0, never 1. */
  uniform(): number {
    const a = this.nextUint32() >>> 6; // high 26 bits of the first output
    const b = this.nextUint32() >>> 6; // high 26 bits of the second output
    return (a * TWO_POW_26 + b + 0.5) * TWO_POW_M52;
  }

  /** Uniform in (0, 1) with 32-bit resolution from one output: (x + 0.5)·2^-32. */
  uniform32(): number {
    return (this.nextUint32() + 0.5) * TWO_POW_M32;
  }

  /** Fill `out` with successive 32-bit outputs (same sequence as repeated `nextUint32()`). */
  fillUint32(out: Uint32Array): Uint32Array {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const n = out.length;
    for (let i = 0; i < n; i++) {
      const m = Math.imul(s1, 5);
      out[i] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return out;
  }

  /** Fill `out` with uniforms identical to repeated `uniform()` calls (two outputs each). */
  fillUniform(out: Float64Array): Float64Array {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const n = out.length;
    for (let i = 0; i < n; i++) {
      let m = Math.imul(s1, 5);
      const a = Math.imul((m << 7) | (m >>> 25), 9) >>> 6;
      let t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      m = Math.imul(s1, 5);
      const b = Math.imul((m << 7) | (m >>> 25), 9) >>> 6;
      t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      out[i] = (a * TWO_POW_26 + b + 0.5) * TWO_POW_M52;
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return out;
  }

  /** Fill `out` with uniforms identical to repeated `uniform32()` calls (one output each). */
  fillUniform32(out: Float64Array): Float64Array {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const n = out.length;
    for (let i = 0; i < n; i++) {
      const m = Math.imul(s1, 5);
      out[i] = ((Math.imul((m << 7) | (m >>> 25), 9) >>> 0) + 0.5) * TWO_POW_M32;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return out;
  }

  /**
   * Re-seeds this generator, in place, as the child stream (a, b) of `parent`'s current state:
   * each state word is the parent's word mixed with the keys through the MurmurHash3 finalizer
   * (full avalanche). A pure function of (parent state, a, b) costing a few nanoseconds — the
   * engine derives one parent per replicate with {@link Xoshiro128ss.derive} and a child per
   * (cell, purpose), so streams never depend on how work is split.
   */
  childOf(parent: Xoshiro128ss, a: number, b: number): this {
    const k = fmix32((Math.imul(a >>> 0, 0x9e3779b1) ^ Math.imul(b >>> 0, 0x85ebca77) ^ 0x27d4eb2f) >>> 0);
    const s0 = fmix32((parent.s0 ^ k) >>> 0);
    const s1 = fmix32((parent.s1 ^ Math.imul(k, 0xc2b2ae3d) ^ 0x165667b1) >>> 0);
    const s2 = fmix32((parent.s2 ^ Math.imul(k, 0x27d4eb2f) ^ 0x9e3779b1) >>> 0);
    const s3 = fmix32((parent.s3 ^ Math.imul(k, 0x85ebca77) ^ 0xc2b2ae3d) >>> 0);
    if ((s0 | s1 | s2 | s3) === 0) {
      this.s0 = 1;
      this.s1 = this.s2 = this.s3 = 0;
    } else {
      this.s0 = s0;
      this.s1 = s1;
      this.s2 = s2;
      this.s3 = s3;
    }
    return this;
  }

  /** Writes the state as four int32 words into `out` at `offset` (see {@link restoreFrom}). */
  saveTo(out: Int32Array, offset: number): void {
    out[offset] = this.s0;
    out[offset + 1] = this.s1;
    out[offset + 2] = this.s2;
    out[offset + 3] = this.s3;
  }

  /**
   * Re-seats this generator, in place, at a state written by {@link saveTo}: the same stream
   * continues from there (the engine re-seats a cell's child stream for each policy option
   * instead of deriving it again).
   */
  restoreFrom(words: Int32Array, offset: number): this {
    this.s0 = words[offset]!;
    this.s1 = words[offset + 1]!;
    this.s2 = words[offset + 2]!;
    this.s3 = words[offset + 3]!;
    return this;
  }

  /** Advance by 2^64 steps: 2^64 non-overlapping subsequences of length 2^64. */
  jump(): this {
    return this.applyJump(JUMP);
  }

  /** Advance by 2^96 steps. */
  longJump(): this {
    return this.applyJump(LONG_JUMP);
  }

  private applyJump(poly: readonly [number, number, number, number]): this {
    let j0 = 0;
    let j1 = 0;
    let j2 = 0;
    let j3 = 0;
    for (let i = 0; i < 4; i++) {
      const word = poly[i as 0 | 1 | 2 | 3];
      for (let b = 0; b < 32; b++) {
        if ((word >>> b) & 1) {
          j0 ^= this.s0;
          j1 ^= this.s1;
          j2 ^= this.s2;
          j3 ^= this.s3;
        }
        this.nextUint32();
      }
    }
    this.s0 = j0;
    this.s1 = j1;
    this.s2 = j2;
    this.s3 = j3;
    return this;
  }
}

/** The engine-facing name: `Stream.derive(seed, replicate, cell)`. */
export { Xoshiro128ss as Stream };

/** MurmurHash3's 32-bit finalizer: a bijection on uint32 with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Stream derivation: 64-bit SplitMix64 arithmetic emulated on (hi, lo) uint32 pairs.
// ---------------------------------------------------------------------------------------------

/** High 32 bits of the 64-bit product of two uint32 values. */
function mulhi32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const p11 = a1 * b1;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (p11 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) >>> 0;
}

// Scratch registers for the 64-bit helpers (module-local, synchronous use only). A typed array,
// not `let` bindings: storing uint32 values ≥ 2^31 into module variables boxes a heap number.
const REG = new Uint32Array(6);
const HI = 0;
const LO = 1;
const AH = 2;
const AL = 3;
const BH = 4;
const BL = 5;

/** (HI, LO) ← (hi, lo) · (chi, clo) mod 2^64. */
function mul64(hi: number, lo: number, chi: number, clo: number): void {
  const l = Math.imul(lo, clo) >>> 0;
  const h = (mulhi32(lo >>> 0, clo >>> 0) + Math.imul(hi, clo) + Math.imul(lo, chi)) >>> 0;
  REG[HI] = h;
  REG[LO] = l;
}

/**
 * SplitMix64 finaliser (Steele, Lea & Flood 2014; constants from Stafford's "Mix13"):
 * z ^= z >> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >> 27; z *= 0x94d049bb133111eb; z ^= z >> 31.
 * A bijection on 64 bits. Result in (HI, LO).
 */
function mix64(hi: number, lo: number): void {
  // z ^= z >>> 30
  lo = (lo ^ ((lo >>> 30) | (hi << 2))) >>> 0;
  hi = (hi ^ (hi >>> 30)) >>> 0;
  mul64(hi, lo, 0xbf58476d, 0x1ce4e5b9);
  hi = REG[HI] as number;
  lo = REG[LO] as number;
  // z ^= z >>> 27
  lo = (lo ^ ((lo >>> 27) | (hi << 5))) >>> 0;
  hi = (hi ^ (hi >>> 27)) >>> 0;
  mul64(hi, lo, 0x94d049bb, 0x133111eb);
  hi = REG[HI] as number;
  lo = REG[LO] as number;
  // z ^= z >>> 31
  lo = (lo ^ ((lo >>> 31) | (hi << 1))) >>> 0;
  hi = (hi ^ (hi >>> 31)) >>> 0;
  REG[HI] = hi;
  REG[LO] = lo;
}

/** (HI, LO) ← (hi, lo) + (chi, clo) mod 2^64. */
function add64(hi: number, lo: number, chi: number, clo: number): void {
  const l = lo + clo;
  const carry = l >= TWO_POW_32 ? 1 : 0;
  REG[LO] = l;
  REG[HI] = hi + chi + carry;
}

/** SplitMix64 increment ("golden gamma") 0x9e3779b97f4a7c15. */
const GAMMA_HI = 0x9e3779b9;
const GAMMA_LO = 0x7f4a7c15;

/** Exposed for tests: one SplitMix64 output for a given 64-bit state, as [hi, lo]. */
export function splitmix64Next(hi: number, lo: number): [number, number, number, number] {
  add64(hi, lo, GAMMA_HI, GAMMA_LO);
  const nhi = REG[HI] as number;
  const nlo = REG[LO] as number;
  mix64(nhi, nlo);
  return [REG[HI] as number, REG[LO] as number, nhi, nlo]; // output hi, lo, new state hi, lo
}

/**
 * Two absorbing lanes, A and B, each a 64-bit value. Absorbing a 64-bit word w:
 *   A ← mix64(A ⊕ w) + γ,   B ← mix64(B ⊕ rotl32-swap(w)) + γ'
 * (mix64 is a bijection, so each step is injective in w for a fixed prefix; the lanes start from
 * different constants and see the word with its halves swapped, so a collision of the 128-bit
 * result needs two independent 64-bit collisions). The number of words is absorbed last, then
 * each lane is finalised with mix64 to give (s0, s1) and (s2, s3).
 */
function absorb(hi: number, lo: number): void {
  mix64(((REG[AH] as number) ^ hi) >>> 0, ((REG[AL] as number) ^ lo) >>> 0);
  add64(REG[HI] as number, REG[LO] as number, GAMMA_HI, GAMMA_LO);
  REG[AH] = REG[HI] as number;
  REG[AL] = REG[LO] as number;
  mix64(((REG[BH] as number) ^ lo) >>> 0, ((REG[BL] as number) ^ hi) >>> 0);
  add64(REG[HI] as number, REG[LO] as number, 0xd1b54a32, 0xd192ed03); // a second odd Weyl constant (Steele & Vigna 2021)
  REG[BH] = REG[HI] as number;
  REG[BL] = REG[LO] as number;
}

function absorbKey(key: StreamKey, index: number): number {
  if (typeof key === "number") {
    if (!Number.isSafeInteger(key)) {
      throw new Error(
        `Stream.derive: key ${index} must be a safe integer (|k| ≤ 2^53 - 1) or a string, got ${key}`,
      );
    }
    // One word: the 54-bit two's complement of the integer (hi keeps 22 bits), tagged 01 in the
    // top two bits. Strings start with a header word tagged 10; the encoding is prefix-free.
    const hi = Math.floor(key / TWO_POW_32);
    const lo = key - hi * TWO_POW_32;
    absorb(((hi & 0x3fffff) | 0x40000000) >>> 0, lo >>> 0);
    return 1;
  }
  if (typeof key === "string") {
    absorb(0x80000000, key.length >>> 0);
    let words = 1;
    for (let i = 0; i < key.length; i += 4) {
      const c0 = key.charCodeAt(i);
      const c1 = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
      const c2 = i + 2 < key.length ? key.charCodeAt(i + 2) : 0;
      const c3 = i + 3 < key.length ? key.charCodeAt(i + 3) : 0;
      absorb(((c0 << 16) | c1) >>> 0, ((c2 << 16) | c3) >>> 0);
      words++;
    }
    return words;
  }
  throw new Error(`Stream.derive: key ${index} must be a number or a string, got ${typeof key}`);
}

/**
 * The 128-bit xoshiro state for (seed, ...keys) as four uint32 words. Pure function of its
 * arguments; never all zero.
 */
export function deriveState(
  seed: StreamKey,
  keys: readonly StreamKey[] = [],
): [number, number, number, number] {
  // Lane initial values: arbitrary fixed constants (hex digits of π and e).
  REG[AH] = 0x243f6a88;
  REG[AL] = 0x85a308d3;
  REG[BH] = 0xb7e15162;
  REG[BL] = 0x8aed2a6a;
  let words = absorbKey(seed, 0);
  for (let i = 0; i < keys.length; i++) {
    words += absorbKey(keys[i] as StreamKey, i + 1);
  }
  absorb(0xc0000000, words >>> 0);
  mix64(REG[AH] as number, REG[AL] as number);
  const s0 = REG[LO] as number;
  const s1 = REG[HI] as number;
  mix64(REG[BH] as number, REG[BL] as number);
  const s2 = REG[LO] as number;
  const s3 = REG[HI] as number;
  if ((s0 | s1 | s2 | s3) === 0) return [1, 0, 0, 0]; // probability 2^-128, but never all zero
  return [s0, s1, s2, s3];
}
