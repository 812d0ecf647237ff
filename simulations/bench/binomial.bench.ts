/** Section "binomial": hand-written BTRD / inversion vs d3-random's randomBinomial (same source). */
import { randomBinomial } from "d3-random";
import { Stream } from "../../src/sim/rng.js";
import { binomial, binomialBtrd } from "../../src/sim/samplers.js";
import { bench } from "./framework.js";

const S = "binomial";

function pair(n: number, p: number, label: string): void {
  const d3name = `d3 randomBinomial(${n}, ${p})`;
  bench(S, d3name, (iters) => {
    const g = Stream.derive(11, n, String(p));
    const draw = randomBinomial.source(() => g.uniform())(n, p);
    let acc = 0;
    for (let i = 0; i < iters; i++) acc += draw();
    return acc;
  });
  bench(
    S,
    `binomial(${n}, ${p})`,
    (iters) => {
      const g = Stream.derive(12, n, String(p));
      let acc = 0;
      for (let i = 0; i < iters; i++) acc += binomial(g, n, p);
      return acc;
    },
    { baseline: d3name, note: label },
  );
}

pair(200, 0.06, "BTRD");
pair(1_000_000, 0.3, "BTRD");
pair(84_000_000, 0.02, "BTRD");
pair(100, 0.05, "inversion");

// Setup-cost check (is a per-(n, p) setup cache worth it?): the parameters change on every call,
// as when each cell of a grid has its own (n, p).
const NS = Float64Array.from({ length: 1024 }, (_, i) => 150 + (i % 97));
const PS = Float64Array.from({ length: 1024 }, (_, i) => 0.055 + (i % 89) * 1e-4);
bench(
  S,
  "binomial(≈200, ≈0.06), (n, p) new every call",
  (iters) => {
    const g = Stream.derive(13);
    let acc = 0;
    for (let i = 0; i < iters; i++) acc += binomial(g, NS[i & 1023] as number, PS[i & 1023] as number);
    return acc;
  },
  { baseline: "binomial(200, 0.06)", note: "BTRD" },
);
bench(
  S,
  "BTRD core (200, 0.06), no validation",
  (iters) => {
    const g = Stream.derive(14);
    let acc = 0;
    for (let i = 0; i < iters; i++) acc += binomialBtrd(g, 200, 0.06);
    return acc;
  },
  { baseline: "binomial(200, 0.06)" },
);
