/** Section "poisson": PTRS / inversion vs d3-random's randomPoisson (same source). */
import { randomPoisson } from "d3-random";
import { Stream } from "../../src/sim/rng.js";
import { poisson } from "../../src/sim/samplers.js";
import { bench } from "./framework.js";

const S = "poisson";

function pair(mean: number, label: string): void {
  const d3name = `d3 randomPoisson(${mean})`;
  bench(S, d3name, (iters) => {
    const g = Stream.derive(21, String(mean));
    const draw = randomPoisson.source(() => g.uniform())(mean);
    let acc = 0;
    for (let i = 0; i < iters; i++) acc += draw();
    return acc;
  });
  bench(
    S,
    `poisson(${mean})`,
    (iters) => {
      const g = Stream.derive(22, String(mean));
      let acc = 0;
      for (let i = 0; i < iters; i++) acc += poisson(g, mean);
      return acc;
    },
    { baseline: d3name, note: label },
  );
}

pair(5, "inversion");
pair(50, "PTRS");
pair(10_000, "PTRS");
