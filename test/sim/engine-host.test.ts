/**
 * The engine host (src/sim/engine-host.ts), the one worker body behind the browser's Web Worker
 * and the CLI's worker threads, driven directly: a run posts its rows chunk by chunk and then
 * done, the rows equal runJob's; a cancel stops the run at a chunk boundary; bad requests and bad
 * scenarios come back as error replies naming the field; internal errors say so.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngineHost, errorReply } from "../../src/sim/engine-host.js";
import type { EngineReply } from "../../src/sim/engine-protocol.js";
import { runJob, type SimulationJob } from "../../src/sim/parallel.js";
import { InputError } from "../../src/rules/input-error.js";

const scenarioText = readFileSync(new URL("../fixtures/small-gonghuibao.json", import.meta.url), "utf-8");
const job: SimulationJob = { scenarioText, mode: "fast", replicates: 12, seed: 42, uncertainty: true, range: [0, 12] };

/** A host whose replies are collected; `until` resolves at the first reply of a type. */
function host() {
  const replies: EngineReply[] = [];
  const waiting: [(r: EngineReply) => boolean, (r: EngineReply) => void][] = [];
  const h = createEngineHost((reply) => {
    replies.push(reply);
    for (const [test, resolve] of waiting) if (test(reply)) resolve(reply);
  });
  const until = (type: EngineReply["type"], id: number) =>
    new Promise<EngineReply>((resolve) => {
      const found = replies.find((r) => r.type === type && r.id === id);
      if (found) resolve(found);
      else waiting.push([(r) => r.type === type && r.id === id, resolve]);
    });
  return { h, replies, until };
}

describe("engine host", () => {
  it("runs a job in chunks: rows, then done; the rows are runJob's", async () => {
    const { h, replies, until } = host();
    h.receive({ type: "run", id: 7, job, chunk: 5 });
    await until("done", 7);
    const chunks = replies.filter((r) => r.type === "rows");
    expect(chunks.map((r) => (r.type === "rows" ? r.done : -1))).toEqual([5, 10, 12]);
    const rows = chunks.flatMap((r) => (r.type === "rows" ? r.rows : []));
    expect(rows).toEqual(runJob(job));
  });

  it("a cancel stops the run at the next chunk boundary", async () => {
    const { h, replies, until } = host();
    h.receive({ type: "run", id: 1, job, chunk: 1 });
    h.receive({ type: "cancel", id: 1 });
    const reply = await until("cancelled", 1);
    expect(reply).toMatchObject({ type: "cancelled", id: 1, done: 1 });
    expect(replies.some((r) => r.type === "done")).toBe(false);
  });

  it("a malformed request is an error naming the field", () => {
    const { h, replies } = host();
    h.receive({ type: "run", id: 3, job: { ...job, replicates: 0 } });
    expect(replies).toEqual([{ type: "error", id: 3, field: "request.job.replicates", message: expect.stringMatching(/^request\.job\.replicates: /) }]);
  });

  it("a bad scenario is an InputError reply; anything else an internal error with its stack", async () => {
    const { h, until } = host();
    h.receive({ type: "run", id: 4, job: { ...job, scenarioText: "{" } });
    expect(await until("error", 4)).toMatchObject({ type: "error", id: 4, field: "scenario", message: expect.stringMatching(/^scenario: /) });
    expect(errorReply(5, new InputError("x.y", "bad"))).toEqual({ type: "error", id: 5, field: "x.y", message: "x.y: bad" });
    expect(errorReply(6, new Error("boom"))).toMatchObject({ type: "error", id: 6, message: "internal error: boom", stack: expect.stringContaining("boom") });
  });
});
