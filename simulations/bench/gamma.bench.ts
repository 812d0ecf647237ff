/** Section "gamma": Marsaglia–Tsang gamma and the ziggurat normal vs d3-random (same source). */
import { randomGamma, randomNormal } from "d3-random";
import { Stream } from "../../src/sim/rng.js";
import { beta, gamma, standardNormal } from "../../src/sim/samplers.js";
import { bench } from "./framework.js";

const S = "gamma";

function pair(shape: number): void {
  const d3name = `d3 randomGamma(${shape})`;
  bench(S, d3name, (iters) => {
    const g = Stream.derive(31, String(shape));
    const draw = randomGamma.source(() => g.uniform())(shape);
    let acc = 0;
    for (let i = 0; i < iters; i++) acc += draw();
    return acc;
  });
  bench(
    S,
    `gamma(${shape}, 1)`,
    (iters) => {
      const g = Stream.derive(32, String(shape));
      let acc = 0;
      for (let i = 0; i < iters; i++) acc += gamma(g, shape, 1);
      return acc;
    },
    { baseline: d3name },
  );
}

pair(2.5);
pair(0.3);

bench(S, "d3 randomNormal()", (iters) => {
  const g = Stream.derive(33);
  const draw = randomNormal.source(() => g.uniform())(0, 1);
  let acc = 0;
  for (let i = 0; i < iters; i++) acc += draw();
  return acc;
});
bench(
  S,
  "standardNormal (ziggurat)",
  (iters) => {
    const g = Stream.derive(34);
    let acc = 0;
    for (let i = 0; i < iters; i++) acc += standardNormal(g);
    return acc;
  },
  { baseline: "d3 randomNormal()" },
);
bench(S, "beta(2, 5)", (iters) => {
  const g = Stream.derive(35);
  let acc = 0;
  for (let i = 0; i < iters; i++) acc += beta(g, 2, 5);
  return acc;
});
