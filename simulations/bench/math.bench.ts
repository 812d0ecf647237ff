/** Section "math": cost of the portable (engine-independent) log/exp used by the samplers. */
import { Stream } from "../../src/sim/rng.js";
import { detExp, detLog } from "../../src/sim/detmath.js";
import { bench } from "./framework.js";

const S = "math";
const xs = Stream.derive(41).fillUniform(new Float64Array(4096));

bench(S, "Math.log", (n) => {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += Math.log(xs[i & 4095] as number);
  return acc;
});
bench(
  S,
  "detLog (fdlibm port)",
  (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += detLog(xs[i & 4095] as number);
    return acc;
  },
  { baseline: "Math.log" },
);
bench(S, "Math.exp", (n) => {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += Math.exp(-20 * (xs[i & 4095] as number));
  return acc;
});
bench(
  S,
  "detExp (fdlibm port)",
  (n) => {
    let acc = 0;
    for (let i = 0; i < n; i++) acc += detExp(-20 * (xs[i & 4095] as number));
    return acc;
  },
  { baseline: "Math.exp" },
);
