/**
 * The engine in a browser Web Worker (module worker), so dashboards never freeze: a page posts a
 * run request (a SimulationJob: scenario text, mode, replicates, seed …); the worker compiles the
 * plan (kept while the scenario text and mode stay the same, so benefit tables stay warm), runs
 * the replicates in chunks and posts rows after each chunk — quick results first, refined as more
 * arrive — and stops at the next chunk boundary when asked to cancel. Messages are validated with
 * zod on the way in; errors come back as messages naming the field (InputError) or as internal
 * errors. Bundled into one file by the data loader src/data/engine-worker.js.ts.
 */
import { z } from "zod";
import { InputError } from "../rules/input-error.js";
import { compile, MODES, runPlan, type Plan, type TableCache } from "./run.js";
import { parseScenarioText } from "./scenario.js";
import type { EngineReply } from "./engine-protocol.js";
import { solvePremium } from "./solve-premium.js";
import { sensitivity } from "./sensitivity.js";
import { MAX_REPLICATES } from "./limits.js";

const requestSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("run"),
    id: z.number().int(),
    job: z.strictObject({
      scenarioText: z.string(),
      mode: z.enum(MODES as unknown as [string, ...string[]]),
      replicates: z.number().int().min(1).max(MAX_REPLICATES),
      seed: z.number().int().min(0).max(2 ** 53 - 1),
      uncertainty: z.boolean(),
      range: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    }),
    /** Replicates per posted chunk (default 50). */
    chunk: z.number().int().min(1).max(100_000).default(50),
  }),
  z.strictObject({ type: z.literal("cancel"), id: z.number().int() }),
  /** Premium lab: solve the premium for a target loss ratio (and confidence). */
  z.strictObject({
    type: z.literal("solve"),
    id: z.number().int(),
    scenarioText: z.string(),
    option: z.string(),
    targetLossRatio: z.number(),
    confidence: z.number().optional(),
    replicates: z.number().int().min(10).max(100_000),
    seed: z.number().int().min(0).max(2 ** 53 - 1),
  }),
  /** Premium lab: which assumptions drive the spread (tornado, first-order indices). */
  z.strictObject({
    type: z.literal("sensitivity"),
    id: z.number().int(),
    scenarioText: z.string(),
    option: z.string(),
    replicates: z.number().int().min(4).max(100_000),
    seed: z.number().int().min(0).max(2 ** 53 - 1),
  }),
]);

interface WorkerScope {
  postMessage(message: EngineReply): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
let cached: { key: string; plan: Plan } | undefined;
/** Benefit tables survive scenario edits that do not touch the rules (sliders on assumptions). */
const tables: TableCache = new Map();
const cancelled = new Set<number>();

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(request: Extract<z.output<typeof requestSchema>, { type: "run" }>): Promise<void> {
  const { id, job, chunk } = request;
  const mode = job.mode as Plan["mode"];
  const key = `${mode}\u0000${job.scenarioText}`;
  const started = performance.now();
  if (cached?.key !== key) {
    const { scenario, options } = parseScenarioText(job.scenarioText, "scenario");
    if (tables.size > 20000) tables.clear();
    cached = { key, plan: compile(scenario, options, mode, {}, tables) };
  }
  const plan = cached.plan;
  const [from, to] = job.range;
  for (let a = from; a < to; a += chunk) {
    if (cancelled.has(id)) {
      cancelled.delete(id);
      scope.postMessage({ type: "cancelled", id, done: a - from });
      return;
    }
    const b = Math.min(to, a + chunk);
    const rows = runPlan(plan, { mode, replicates: job.replicates, seed: job.seed, uncertainty: job.uncertainty, range: [a, b] });
    scope.postMessage({ type: "rows", id, rows, done: b - from, total: to - from, elapsedMs: performance.now() - started });
    await nextTask(); // let a cancel message in
  }
  scope.postMessage({ type: "done", id, elapsedMs: performance.now() - started });
}

scope.onmessage = (event) => {
  const parsed = requestSchema.safeParse(event.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const raw = event.data as { id?: unknown } | null;
    const id = typeof raw?.id === "number" ? raw.id : -1;
    scope.postMessage({ type: "error", id, field: `request.${issue.path.join(".")}`, message: `request.${issue.path.join(".")}: ${issue.message}` });
    return;
  }
  const request = parsed.data;
  if (request.type === "cancel") {
    cancelled.add(request.id);
    return;
  }
  if (request.type === "solve" || request.type === "sensitivity") {
    try {
      const { scenario, options } = parseScenarioText(request.scenarioText, "scenario");
      const onProgress = (done: number, total: number) => scope.postMessage({ type: "progress", id: request.id, done, total });
      const result =
        request.type === "solve"
          ? solvePremium({ scenario, options, option: request.option, targetLossRatio: request.targetLossRatio, ...(request.confidence === undefined ? {} : { confidence: request.confidence }), replicates: request.replicates, seed: request.seed, mode: "fast", onProgress })
          : sensitivity({ scenario, options, option: request.option, replicates: request.replicates, seed: request.seed, onProgress });
      scope.postMessage({ type: "result", id: request.id, result });
    } catch (error) {
      if (error instanceof InputError) scope.postMessage({ type: "error", id: request.id, field: error.field, message: error.message });
      else scope.postMessage({ type: "error", id: request.id, message: `internal error: ${error instanceof Error ? error.message : String(error)}` });
    }
    return;
  }
  run(request).catch((error: unknown) => {
    if (error instanceof InputError) scope.postMessage({ type: "error", id: request.id, field: error.field, message: error.message });
    else scope.postMessage({ type: "error", id: request.id, message: `internal error: ${error instanceof Error ? error.message : String(error)}` });
  });
};
