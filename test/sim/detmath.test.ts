/**
 * The portable log/exp used by every sampler (ports of fdlibm e_log.c / e_exp.c): within 1 ulp of
 * the engine's Math.log/Math.exp over the whole double range, and IEEE special cases.
 * (On Node 20 — whose V8 also ports fdlibm — they agree bit for bit; that is not asserted, since
 * the point of the ports is not to depend on the engine's libm.)
 */
import { describe, expect, it } from "vitest";
import { Stream } from "../../src/sim/rng.js";
import { detExp, detLog, detLog1p } from "../../src/sim/detmath.js";

function ulpDistance(a: number, b: number): number {
  if (a === b) return 0;
  const buf = new Float64Array([a, b]);
  const v = new BigInt64Array(buf.buffer);
  const toOrdered = (x: bigint): bigint => (x < 0n ? -(x & 0x7fffffffffffffffn) : x);
  const d = toOrdered(v[0]!) - toOrdered(v[1]!);
  return Number(d < 0n ? -d : d);
}

describe("detLog / detExp / detLog1p", () => {
  it("detLog is within 1 ulp of Math.log from subnormals to 1e308", () => {
    const g = Stream.derive(51);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = 2 ** ((g.uniform() - 0.5) * 2100) * (1 + g.uniform()); // includes subnormals
      if (x === 0 || x === Infinity) continue;
      worst = Math.max(worst, ulpDistance(detLog(x), Math.log(x)));
    }
    // uniforms near 1 (the samplers' typical arguments)
    for (let i = 0; i < 100_000; i++) {
      const x = g.uniform();
      worst = Math.max(worst, ulpDistance(detLog(x), Math.log(x)), ulpDistance(detLog(1 - x), Math.log(1 - x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("detExp is within 1 ulp of Math.exp on [−745, 709.78] (incl. subnormal results)", () => {
    const g = Stream.derive(52);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = -745 + g.uniform() * (709.78 + 745);
      const e = Math.exp(x);
      // subnormal results: compare absolutely (1 ulp of the smallest subnormal spacing)
      worst = Math.max(worst, ulpDistance(detExp(x), e));
    }
    for (let i = 0; i < 50_000; i++) {
      const x = (g.uniform() - 0.5) * 2e-6;
      worst = Math.max(worst, ulpDistance(detExp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("detLog1p is within 2 ulp of Math.log1p, including tiny arguments", () => {
    const g = Stream.derive(53);
    let worst = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = (g.uniform() - 0.5) * 2 * 10 ** (-20 * g.uniform());
      worst = Math.max(worst, ulpDistance(detLog1p(x), Math.log1p(x)));
    }
    expect(worst).toBeLessThanOrEqual(2);
    expect(detLog1p(1e-300)).toBe(1e-300);
    expect(detLog1p(-1)).toBe(-Infinity);
  });

  it("special values", () => {
    expect(detLog(1)).toBe(0);
    expect(detLog(2)).toBe(0.6931471805599453);
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(NaN)).toBeNaN();
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detLog(Number.MIN_VALUE)).toBeCloseTo(-744.4400719213812, 12);
    expect(detExp(0)).toBe(1);
    expect(detExp(-Infinity)).toBe(0);
    expect(detExp(Infinity)).toBe(Infinity);
    expect(detExp(NaN)).toBeNaN();
    expect(detExp(710)).toBe(Infinity);
    expect(detExp(-746)).toBe(0);
    expect(detExp(-745)).toBe(5e-324);
    expect(detExp(detLog(10))).toBeCloseTo(10, 14);
  });
});
