/**
 * Deterministic elementary functions: log, exp, log1p, log k! and the Stirling correction, built
 * only from IEEE-754 basic operations (and Math.sqrt/floor/abs/trunc, which are exact), so they
 * give bit-identical results in every JavaScript engine. Everything that feeds a result — the
 * samplers (./samplers.ts), the benefit tables, the engine's logistic and repricing — takes its
 * log/exp from here, never from Math.log/exp/pow (whose last bits differ between engines).
 * No imports: the lowest module of the engine.
 */
// ---------------------------------------------------------------------------------------------
// Portable elementary functions
// ---------------------------------------------------------------------------------------------
//
// ECMAScript does not require Math.log/exp/pow to be correctly rounded, and engines differ in the
// last bit: measured, Node 20 (V8 11.3) and Chromium 156 give different Math.log/exp/pow for the
// same argument. So every log/exp on a path to a sampled value uses these ports of fdlibm 5.3
// (e_log.c, e_exp.c; Sun Microsystems 1993), built only from +, −, ×, ÷ and bit access, which
// IEEE 754 makes bit-identical in every engine. Accuracy < 1 ulp.

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI_WORD = LITTLE_ENDIAN ? 1 : 0;
const LO_WORD = LITTLE_ENDIAN ? 0 : 1;

const LN2_HI = 6.93147180369123816490e-1; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, fdlibm __ieee754_log. Bit-identical in every JS engine. */
export function detLog(x: number): number {
  F64[0] = x;
  let hx = (U32[HI_WORD] as number) | 0;
  const lx = U32[LO_WORD] as number;
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative, or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    F64[0] = x * TWO54;
    hx = (U32[HI_WORD] as number) | 0;
  }
  if (hx >= 0x7ff00000) return x + x; // Inf or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  U32[HI_WORD] = hx | (i ^ 0x3ff00000); // normalize x or x/2
  k += i >> 20;
  const f = (F64[0] as number) - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return k === 0 ? f - (hfsq - s * (hfsq + r)) : dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  return k === 0 ? f - s * (f - r) : dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.45133219101941108420e2;
const INV_LN2 = 1.44269504088896338700;
const TWO_M1000 = 9.33263618503218878990e-302;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x, fdlibm __ieee754_exp. Bit-identical in every JS engine. */
export function detExp(x: number): number {
  F64[0] = x;
  let hx = U32[HI_WORD] as number;
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | (U32[LO_WORD] as number)) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0;
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ½ ln 2: argument reduction
    if (hx < 0x3ff0a2b2) {
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = Math.trunc(INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5));
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    return 1 + x; // |x| < 2^-28
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  F64[0] = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) {
    U32[HI_WORD] = ((U32[HI_WORD] as number) + (k << 20)) >>> 0; // y·2^k
    return F64[0] as number;
  }
  U32[HI_WORD] = ((U32[HI_WORD] as number) + ((k + 1000) << 20)) >>> 0;
  return (F64[0] as number) * TWO_M1000;
}

/** log(1 + x), accurate for small x (Goldberg's trick on top of {@link detLog}). */
export function detLog1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x;
  if (u === Infinity) return Infinity;
  return (detLog(u) * x) / (u - 1);
}

// ---------------------------------------------------------------------------------------------
// log k! and the Stirling correction
// ---------------------------------------------------------------------------------------------

const HALF_LOG_2PI = 0.91893853320467274178; // ½·log(2π)

/**
 * fc(k) = log k! − [(k + ½)·log(k + 1) − (k + 1) + ½·log 2π], Hörmann's Stirling correction.
 * Table for k ≤ 9 (values from the BTRD paper), series for k ≥ 10.
 */
const FC_TABLE = [
  0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,
  0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
  0.009255462182712733, 0.008330563433362871,
];

export function stirlingCorrection(k: number): number {
  if (k < 10) return FC_TABLE[k] as number;
  const z = k + 1;
  const z2 = z * z;
  // 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹); truncation error < 1e-14 at k = 10
  // (the paper stops at z⁻⁵, error ~3e-11 at k = 10 — harmless, but two more terms are free).
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * z2)) / z2) / z2) / z2) / z;
}

/** log k! for k = 0..19 from the exactly-rounded product; Stirling series above. */
const LOG_FACT_SMALL: number[] = (() => {
  const t: number[] = [];
  let f = 1;
  for (let k = 0; k < 20; k++) {
    if (k > 0) f *= k;
    t.push(detLog(f));
  }
  return t;
})();

/** log(k!) for integer k ≥ 0 (absolute error ~1e-15 relative to the value). */
export function logFactorial(k: number): number {
  if (k < 20) return LOG_FACT_SMALL[k] as number;
  return (k + 0.5) * detLog(k + 1) - (k + 1) + HALF_LOG_2PI + stirlingCorrection(k);
}

