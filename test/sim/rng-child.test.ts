import { describe, expect, it } from "vitest";
import { Xoshiro128ss, fmix32 } from "../../src/sim/rng.js";
import { chiSquareSurvival } from "../helpers/stats-tests.js";

describe("fmix32 (MurmurHash3 finalizer)", () => {
  it("matches the published finalizer on known inputs", () => {
    // Reference values computed by hand from h ^= h>>>16; h *= 0x85ebca6b; h ^= h>>>13; h *= 0xc2b2ae35; h ^= h>>>16
    // (with BigInt, independently of the implementation).
    const ref = (x: number) => {
      let h = BigInt(x);
      const M = 0xffffffffn;
      h ^= h >> 16n;
      h = (h * 0x85ebca6bn) & M;
      h ^= h >> 13n;
      h = (h * 0xc2b2ae35n) & M;
      h ^= h >> 16n;
      return Number(h);
    };
    for (const x of [0, 1, 2, 0xdeadbeef, 0xffffffff, 123456789]) expect(fmix32(x)).toBe(ref(x));
    expect(fmix32(0)).toBe(0);
  });
});

describe("Xoshiro128ss.childOf", () => {
  const parent = Xoshiro128ss.derive(42, "replicate", 7);

  it("is a pure function of the parent state and the keys", () => {
    const a = new Xoshiro128ss(1, 0, 0, 0).childOf(parent, 3, 1);
    const b = new Xoshiro128ss(9, 9, 9, 9).childOf(parent.clone(), 3, 1);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
  });

  it("saveTo / restoreFrom re-seat a stream exactly where it was (the engine re-seats children per option)", () => {
    const words = new Int32Array(8);
    const a = new Xoshiro128ss(1, 0, 0, 0).childOf(parent, 5, 2);
    a.saveTo(words, 4);
    const first = Array.from({ length: 6 }, () => a.uniform());
    const b = new Xoshiro128ss(3, 3, 3, 3).restoreFrom(words, 4);
    expect(Array.from({ length: 6 }, () => b.uniform())).toEqual(first);
    expect(b.getState()).toEqual(a.getState());
  });

  it("gives different streams for different cells, purposes and parents", () => {
    const first = (p: Xoshiro128ss, x: number, y: number) => new Xoshiro128ss(1, 0, 0, 0).childOf(p, x, y).nextUint32();
    const other = Xoshiro128ss.derive(42, "replicate", 8);
    const seen = new Set([first(parent, 0, 1), first(parent, 1, 1), first(parent, 0, 2), first(other, 0, 1)]);
    expect(seen.size).toBe(4);
  });

  it("spreads first outputs of 65 536 sibling streams uniformly (chi-square on 256 bins)", () => {
    const counts = new Float64Array(256);
    const child = new Xoshiro128ss(1, 0, 0, 0);
    for (let c = 0; c < 65536; c++) counts[child.childOf(parent, c, 1).nextUint32() >>> 24]! += 1;
    let stat = 0;
    for (const o of counts) stat += (o - 256) ** 2 / 256;
    expect(chiSquareSurvival(stat, 255)).toBeGreaterThan(0.001);
  });
});
