/**
 * The engine's side of the worker protocol (src/sim/engine-protocol.ts), one implementation for
 * both kinds of worker: the browser's Web Worker (src/sim/web-worker.ts) and the command line's
 * worker threads (simulations/cli/worker.ts). A host receives requests — run a job's replicates,
 * cancel a run, solve a premium, rank the assumptions — validates them with zod, and posts
 * replies: a run compiles the plan (kept while the scenario text and mode stay the same, so
 * benefit tables stay warm), runs the replicates in chunks and posts the rows after each chunk,
 * and stops at the next chunk boundary when cancelled. Errors come back as replies naming the
 * field (InputError) or as internal errors. No DOM and no `node:` imports.
 */
import { z } from "zod";
import { InputError } from "../rules/input-error.js";
import type { EngineReply, EngineRequest } from "./engine-protocol.js";
import { MAX_REPLICATES, MAX_SEED, MIN_SENSITIVITY_REPLICATES } from "./limits.js";
import { compile, MODES, runPlan, type Plan, type TableCache } from "./run.js";
import { parseScenarioText } from "./scenario.js";
import { sensitivity } from "./sensitivity.js";
import { solvePremium } from "./solve-premium.js";

/** Fewest replicates the premium solver accepts from a page (its loss-ratio quantiles need some). */
const MIN_SOLVE_REPLICATES = 10;

const seed = z.number().int().min(0).max(MAX_SEED);

const requestSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("run"),
    id: z.number().int(),
    job: z.strictObject({
      scenarioText: z.string(),
      mode: z.enum(MODES as unknown as [string, ...string[]]),
      replicates: z.number().int().min(1).max(MAX_REPLICATES),
      seed,
      uncertainty: z.boolean(),
      range: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    }),
    /** Replicates per posted chunk (default 50). */
    chunk: z.number().int().min(1).max(MAX_REPLICATES).default(50),
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
    replicates: z.number().int().min(MIN_SOLVE_REPLICATES).max(MAX_REPLICATES),
    seed,
  }),
  /** Premium lab: which assumptions drive the spread (tornado, first-order indices). */
  z.strictObject({
    type: z.literal("sensitivity"),
    id: z.number().int(),
    scenarioText: z.string(),
    option: z.string(),
    replicates: z.number().int().min(MIN_SENSITIVITY_REPLICATES).max(MAX_REPLICATES),
    seed,
  }),
]);

/** A request as validated (EngineRequest, with defaults filled in). */
type Request = z.output<typeof requestSchema> & EngineRequest;

/** The reply for an error: an InputError names its field; anything else is an internal error. */
export function errorReply(id: number, error: unknown): Extract<EngineReply, { type: "error" }> {
  if (error instanceof InputError) return { type: "error", id, field: error.field, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return { type: "error", id, message: `internal error: ${e.message}`, ...(e.stack ? { stack: e.stack } : {}) };
}

export interface EngineHost {
  /** Handles one message from the other side (validated here). */
  receive(data: unknown): void;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A host that posts its replies with `post`. */
export function createEngineHost(post: (reply: EngineReply) => void): EngineHost {
  let cached: { key: string; plan: Plan } | undefined;
  /** Benefit tables survive scenario edits that do not touch the rules (sliders on assumptions). */
  const tables: TableCache = new Map();
  const cancelled = new Set<number>();

  async function run(request: Extract<Request, { type: "run" }>): Promise<void> {
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
        post({ type: "cancelled", id, done: a - from });
        return;
      }
      const b = Math.min(to, a + chunk);
      const rows = runPlan(plan, { mode, replicates: job.replicates, seed: job.seed, uncertainty: job.uncertainty, range: [a, b] });
      post({ type: "rows", id, rows, done: b - from, total: to - from, elapsedMs: performance.now() - started });
      await nextTask(); // let a cancel message in
    }
    post({ type: "done", id, elapsedMs: performance.now() - started });
  }

  function task(request: Extract<Request, { type: "solve" | "sensitivity" }>): void {
    try {
      const { scenario, options } = parseScenarioText(request.scenarioText, "scenario");
      const onProgress = (done: number, total: number) => post({ type: "progress", id: request.id, done, total });
      const result =
        request.type === "solve"
          ? solvePremium({ scenario, options, option: request.option, targetLossRatio: request.targetLossRatio, ...(request.confidence === undefined ? {} : { confidence: request.confidence }), replicates: request.replicates, seed: request.seed, mode: "fast", onProgress })
          : sensitivity({ scenario, options, option: request.option, replicates: request.replicates, seed: request.seed, onProgress });
      post({ type: "result", id: request.id, result });
    } catch (error) {
      post(errorReply(request.id, error));
    }
  }

  return {
    receive(data) {
      const parsed = requestSchema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const raw = data as { id?: unknown } | null;
        const id = typeof raw?.id === "number" ? raw.id : -1;
        const field = `request.${issue.path.join(".")}`;
        post({ type: "error", id, field, message: `${field}: ${issue.message}` });
        return;
      }
      const request = parsed.data as Request;
      if (request.type === "cancel") cancelled.add(request.id);
      else if (request.type === "solve" || request.type === "sensitivity") task(request);
      else run(request).catch((error: unknown) => post(errorReply(request.id, error)));
    },
  };
}
