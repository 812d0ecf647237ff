/** Section "rng": raw generator throughput, xoshiro128** vs Math.random. */
import { Stream } from "../../src/sim/rng.js";
import { bench } from "./framework.js";

const S = "rng";
const BASE = "Math.random()";

bench(S, BASE, (n) => {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += Math.random();
  return acc;
});

bench(
  S,
  "xoshiro128** nextUint32()",
  (n) => {
    const g = Stream.derive(1);
    let acc = 0;
    for (let i = 0; i < n; i++) acc ^= g.nextUint32();
    return acc;
  },
  { baseline: BASE },
);

bench(
  S,
  "xoshiro128** uniform32()",
  (n) => {
    const g = Stream.derive(2);
    let acc = 0;
    for (let i = 0; i < n; i++) acc += g.uniform32();
    return acc;
  },
  { baseline: BASE, note: "32-bit, 1 output" },
);

bench(
  S,
  "xoshiro128** uniform()",
  (n) => {
    const g = Stream.derive(3);
    let acc = 0;
    for (let i = 0; i < n; i++) acc += g.uniform();
    return acc;
  },
  { baseline: BASE, note: "52-bit, 2 outputs" },
);

const BUF = 4096;
const u32 = new Uint32Array(BUF);
const f64 = new Float64Array(BUF);

bench(
  S,
  "xoshiro128** fillUint32 (per value)",
  (n) => {
    const g = Stream.derive(4);
    let acc = 0;
    for (let done = 0; done < n; done += BUF) {
      g.fillUint32(u32);
      acc ^= u32[BUF - 1] as number;
    }
    return acc;
  },
  { baseline: BASE },
);

bench(
  S,
  "xoshiro128** fillUniform32 (per value)",
  (n) => {
    const g = Stream.derive(5);
    let acc = 0;
    for (let done = 0; done < n; done += BUF) {
      g.fillUniform32(f64);
      acc += f64[BUF - 1] as number;
    }
    return acc;
  },
  { baseline: BASE },
);

bench(
  S,
  "xoshiro128** fillUniform (per value)",
  (n) => {
    const g = Stream.derive(6);
    let acc = 0;
    for (let done = 0; done < n; done += BUF) {
      g.fillUniform(f64);
      acc += f64[BUF - 1] as number;
    }
    return acc;
  },
  { baseline: BASE },
);

bench(S, "Stream.derive(seed, r, c)", (n) => {
  let acc = 0;
  for (let i = 0; i < n; i++) acc ^= Stream.derive(2024, i, 7).nextUint32();
  return acc;
});
