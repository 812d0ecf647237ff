import { describe, expect, it } from "vitest";
import { deriveState, splitmix64Next, Stream, Xoshiro128ss } from "../../src/sim/rng.js";
import { chiSquareSurvival } from "../helpers/stats-tests.js";

// ---------------------------------------------------------------------------------------------
// Independent reference: xoshiro128** 1.1 transcribed from the published C code
// (https://prng.di.unimi.it/xoshiro128starstar.c) in BigInt arithmetic.
// ---------------------------------------------------------------------------------------------
const M32 = 0xffffffffn;
const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M32;

function refNext(s: bigint[]): bigint {
  const [s0, s1, s2, s3] = s as [bigint, bigint, bigint, bigint];
  const result = (rotl((s1 * 5n) & M32, 7n) * 9n) & M32;
  const t = (s1 << 9n) & M32;
  let n2 = s2 ^ s0;
  let n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  n2 ^= t;
  n3 = rotl(n3, 11n);
  s[0] = n0;
  s[1] = n1;
  s[2] = n2;
  s[3] = n3;
  return result;
}

const toBig = (w: readonly number[]): bigint[] => w.map((x) => BigInt(x));

describe("xoshiro128** against the published algorithm", () => {
  it("state (1, 2, 3, 4) gives 11520, 0, 5927040 (worked by hand from the C code)", () => {
    const g = new Xoshiro128ss(1, 2, 3, 4);
    expect([g.nextUint32(), g.nextUint32(), g.nextUint32()]).toEqual([11520, 0, 5927040]);
    const ref = toBig([1, 2, 3, 4]);
    expect([refNext(ref), refNext(ref), refNext(ref)]).toEqual([11520n, 0n, 5927040n]);
  });

  it("matches a BigInt transcription for 10 000 outputs from several states", () => {
    const states = [
      [1, 2, 3, 4],
      [0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff],
      [0x9e3779b9, 0, 0, 0],
      [0, 0, 0, 1],
      [0xdeadbeef, 0x01234567, 0x89abcdef, 0xfedcba98],
    ];
    for (const st of states) {
      const g = new Xoshiro128ss(st[0]!, st[1]!, st[2]!, st[3]!);
      const ref = toBig(st);
      for (let i = 0; i < 2000; i++) {
        expect(g.nextUint32()).toBe(Number(refNext(ref)));
      }
      expect(g.getState().s).toEqual(ref.map(Number));
    }
  });

  it("fillUint32 / fillUniform / fillUniform32 reproduce the scalar calls exactly", () => {
    const a = Stream.derive(7, 1, 2);
    const b = a.clone();
    const bulk = a.fillUint32(new Uint32Array(1001));
    for (let i = 0; i < bulk.length; i++) expect(bulk[i]).toBe(b.nextUint32());
    expect(a.getState()).toEqual(b.getState());
    const u = a.fillUniform(new Float64Array(777));
    for (let i = 0; i < u.length; i++) expect(u[i]).toBe(b.uniform());
    const u32 = a.fillUniform32(new Float64Array(555));
    for (let i = 0; i < u32.length; i++) expect(u32[i]).toBe(b.uniform32());
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it("uniform() is (hi26(x1)·2^26 + hi26(x2) + ½)·2^-52 of two reference outputs", () => {
    const st = [0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321];
    const g = new Xoshiro128ss(st[0]!, st[1]!, st[2]!, st[3]!);
    const ref = toBig(st);
    for (let i = 0; i < 1000; i++) {
      const x1 = refNext(ref) >> 6n;
      const x2 = refNext(ref) >> 6n;
      const expected = (Number((x1 << 26n) | x2) + 0.5) / 2 ** 52;
      expect(g.uniform()).toBe(expected);
    }
    const x = refNext(ref);
    expect(g.uniform32()).toBe((Number(x) + 0.5) / 2 ** 32);
  });

  it("uniforms are strictly inside (0, 1) even at the extreme outputs", () => {
    // s1 = 0 and s2 = s0 makes the next two outputs 0 → smallest possible uniform.
    expect(new Xoshiro128ss(1, 0, 1, 0).uniform()).toBe(2 ** -53);
    expect(new Xoshiro128ss(1, 0, 1, 0).uniform32()).toBe(2 ** -33);
    // Output 0xffffffff needs rotl(s1·5, 7)·9 ≡ −1 (mod 2^32): invert the scrambler.
    const inv = (a: bigint): bigint => {
      // Newton iteration for the inverse of an odd number mod 2^32
      let x = a;
      for (let i = 0; i < 5; i++) x = (x * (2n - a * x)) & M32;
      return x;
    };
    const y = (M32 * inv(9n)) & M32; // rotl(s1·5, 7)
    const m = ((y >> 7n) | (y << 25n)) & M32; // rotr 7
    const s1 = Number((m * inv(5n)) & M32);
    const top = new Xoshiro128ss(0, s1, 0, 0);
    expect(top.clone().nextUint32()).toBe(0xffffffff);
    const u = top.uniform();
    expect(u).toBe(1 - 2 ** -53);
    expect(u).toBeLessThan(1);
    expect(new Xoshiro128ss(0, s1, 0, 0).uniform32()).toBe(1 - 2 ** -33);
  });

  it("rejects an all-zero or malformed state", () => {
    expect(() => new Xoshiro128ss(0, 0, 0, 0)).toThrow(/all zero/);
    expect(() => new Xoshiro128ss(-1, 0, 0, 1)).toThrow(/s0 must be an integer in \[0, 2\^32 - 1\]/);
    expect(() => new Xoshiro128ss(1, 2 ** 32, 0, 1)).toThrow(/s1/);
  });
});

// ---------------------------------------------------------------------------------------------
// jump() checked against T^(2^64) computed independently as a 128×128 matrix over GF(2).
// ---------------------------------------------------------------------------------------------
function packState(s: readonly bigint[]): bigint {
  return s[0]! | (s[1]! << 32n) | (s[2]! << 64n) | (s[3]! << 96n);
}
function unpackState(v: bigint): bigint[] {
  return [v & M32, (v >> 32n) & M32, (v >> 64n) & M32, (v >> 96n) & M32];
}
function refTransition(v: bigint): bigint {
  const s = unpackState(v);
  refNext(s);
  return packState(s);
}
/** Linear map as 128 column images. */
function apply(cols: bigint[], v: bigint): bigint {
  let r = 0n;
  for (let i = 0; v > 0n; i++, v >>= 1n) if (v & 1n) r ^= cols[i]!;
  return r;
}
function powerOfTwoSteps(log2: number): bigint[] {
  let cols = Array.from({ length: 128 }, (_, i) => refTransition(1n << BigInt(i)));
  for (let k = 0; k < log2; k++) cols = cols.map((c) => apply(cols, c));
  return cols;
}

describe("jump() and longJump()", () => {
  it("jump() equals 2^64 reference steps; longJump() equals 2^96", () => {
    const st = [0x01234567, 0x89abcdef, 0xdeadbeef, 0x0badf00d];
    const t64 = powerOfTwoSteps(64);
    const expected = unpackState(apply(t64, packState(toBig(st)))).map(Number);
    const g = new Xoshiro128ss(st[0]!, st[1]!, st[2]!, st[3]!).jump();
    expect(g.getState().s).toEqual(expected);

    let t96 = t64;
    for (let k = 64; k < 96; k++) t96 = t96.map((c) => apply(t96, c));
    const expectedLong = unpackState(apply(t96, packState(toBig(st)))).map(Number);
    const h = new Xoshiro128ss(st[0]!, st[1]!, st[2]!, st[3]!).longJump();
    expect(h.getState().s).toEqual(expectedLong);
  });

  it("the GF(2) machinery itself agrees with plain stepping (2^10 steps)", () => {
    const st = toBig([5, 6, 7, 8]);
    const viaMatrix = unpackState(apply(powerOfTwoSteps(10), packState(st)));
    const s = [...st];
    for (let i = 0; i < 1024; i++) refNext(s);
    expect(viaMatrix).toEqual(s);
  });
});

// ---------------------------------------------------------------------------------------------
// Stream derivation
// ---------------------------------------------------------------------------------------------
const M64 = (1n << 64n) - 1n;
function refSplitmix64(state: bigint): [bigint, bigint] {
  const s = (state + 0x9e3779b97f4a7c15n) & M64;
  let z = s;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return [z ^ (z >> 31n), s];
}

describe("Stream.derive", () => {
  it("its 64-bit arithmetic reproduces SplitMix64 (BigInt reference; seed 0 → 0xe220a8397b1dcdaf)", () => {
    expect(refSplitmix64(0n)[0]).toBe(0xe220a8397b1dcdafn);
    const g = new Xoshiro128ss(1, 2, 3, 4);
    for (let i = 0; i < 2000; i++) {
      const hi = g.nextUint32();
      const lo = g.nextUint32();
      const [ohi, olo, shi, slo] = splitmix64Next(hi, lo);
      const [out, st] = refSplitmix64((BigInt(hi) << 32n) | BigInt(lo));
      expect((BigInt(ohi) << 32n) | BigInt(olo)).toBe(out);
      expect((BigInt(shi) << 32n) | BigInt(slo)).toBe(st);
    }
    const [h0, l0] = splitmix64Next(0, 0);
    expect((BigInt(h0) << 32n) | BigInt(l0)).toBe(0xe220a8397b1dcdafn);
  });

  it("same (seed, keys) ⇒ identical sequence; different keys ⇒ different streams", () => {
    const a = Stream.derive(2024, 3, 17);
    const b = Stream.derive(2024, 3, 17);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
    const firsts = (g: Xoshiro128ss): number[] => [g.nextUint32(), g.nextUint32(), g.nextUint32()];
    const base = firsts(Stream.derive(2024, 3, 17));
    for (const other of [
      Stream.derive(2025, 3, 17),
      Stream.derive(2024, 17, 3),
      Stream.derive(2024, 3, 18),
      Stream.derive(2024, 3),
      Stream.derive(2024, 3, 17, 0),
      Stream.derive(2024, 317),
      Stream.derive("2024", 3, 17),
      Stream.derive(2024, -3, 17),
      Stream.derive(2024, 3 + 2 ** 32, 17),
    ]) {
      expect(firsts(other)).not.toEqual(base);
    }
  });

  it("is a pure function of its keys: independent of creation and consumption order", () => {
    const R = 40;
    const C = 5;
    const draw = (r: number, c: number): number[] => {
      const g = Stream.derive(99, r, c);
      return [g.nextUint32(), g.nextUint32(), g.uniform()];
    };
    const sequential: number[][] = [];
    for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) sequential[r * C + c] = draw(r, c);
    // "Workers": three interleaved partitions processed in reverse order, streams created early.
    const split: number[][] = [];
    const pending = [] as Array<[number, Xoshiro128ss]>;
    for (let w = 2; w >= 0; w--) {
      for (let idx = R * C - 1 - w; idx >= 0; idx -= 3) {
        pending.push([idx, Stream.derive(99, Math.floor(idx / C), idx % C)]);
      }
    }
    for (const [idx, g] of pending.reverse()) split[idx] = [g.nextUint32(), g.nextUint32(), g.uniform()];
    expect(split).toEqual(sequential);
  });

  it("never produces an all-zero state and gives distinct 128-bit states for 200 000 keys", () => {
    const seen = new Set<bigint>();
    let zero = 0;
    for (let r = 0; r < 2000; r++) {
      for (let c = 0; c < 100; c++) {
        const s = deriveState(1, [r, c]);
        if ((s[0] | s[1] | s[2] | s[3]) === 0) zero++;
        // the first 64 bits alone already have to be distinct
        seen.add(BigInt(s[0]) * 4294967296n + BigInt(s[1]));
      }
    }
    expect(zero).toBe(0);
    expect(seen.size).toBe(200000);
  });

  it("first outputs of consecutive replicate streams are uniform and uncorrelated", () => {
    const N = 100000;
    const buckets = new Float64Array(100);
    let sx = 0;
    let sy = 0;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    let prev = Stream.derive(7, 0, 0).uniform();
    for (let r = 1; r <= N; r++) {
      const u = Stream.derive(7, r, 0).uniform();
      buckets[Math.floor(u * 100)]! += 1;
      // correlation with the previous replicate's stream
      sx += prev;
      sy += u;
      sxy += prev * u;
      sxx += prev * prev;
      syy += u * u;
      prev = u;
    }
    let chi = 0;
    for (const b of buckets) chi += ((b - N / 100) ** 2) / (N / 100);
    const p = chiSquareSurvival(chi, 99);
    expect(p).toBeGreaterThan(0.001);
    const cov = sxy / N - (sx / N) * (sy / N);
    const corr = cov / Math.sqrt((sxx / N - (sx / N) ** 2) * (syy / N - (sy / N) ** 2));
    expect(Math.abs(corr)).toBeLessThan(4 / Math.sqrt(N));
  });

  it("rejects keys that are not safe integers or strings", () => {
    expect(() => Stream.derive(1.5)).toThrow(/key 0 must be a safe integer/);
    expect(() => Stream.derive(1, 2 ** 53)).toThrow(/key 1 must be a safe integer/);
    expect(() => Stream.derive(1, 2, NaN)).toThrow(/key 2/);
  });
});

describe("uniform() distribution", () => {
  it("1e6 uniforms pass chi-square on 1000 cells and have mean ½, variance 1/12", () => {
    const g = Stream.derive(123);
    const N = 1_000_000;
    const u = g.fillUniform(new Float64Array(N));
    const cells = new Float64Array(1000);
    let sum = 0;
    let sum2 = 0;
    let outside = 0;
    for (const x of u) {
      if (!(x > 0 && x < 1)) outside++;
      cells[Math.floor(x * 1000)]! += 1;
      sum += x;
      sum2 += x * x;
    }
    expect(outside).toBe(0);
    let chi = 0;
    for (const c of cells) chi += ((c - N / 1000) ** 2) / (N / 1000);
    expect(chiSquareSurvival(chi, 999)).toBeGreaterThan(0.001);
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(sum2 / N - (sum / N) ** 2 - 1 / 12)).toBeLessThan(0.001);
  });
});
