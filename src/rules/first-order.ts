/**
 * Zhejiang's "first order" (首接单) liability rule for multi-platform workers under single-type
 * WII (seed 001_bfda1da3fb4197fa.txt l.127–135: 执行单项任务时，由派单单位承担全责；同时履行多平台
 * 任务情形下，则按照初始接单平台划分责任 … 应当以接单时间为准): given the tasks active when the
 * injury happened, which platform is liable.
 */
import { z } from "zod";
import { InputError } from "./input-error.js";

export interface ActiveTask {
  platform: string;
  /** When the order was accepted: an ISO date-time, e.g. "2024-05-01T12:03:00+08:00". */
  acceptedAt: string;
}

export type Liability =
  | { platform: null; rule: "no-task"; reason: string }
  | { platform: string; rule: "single-task" | "first-order"; reason: string }
  | { platform: null; rule: "tie"; tied: string[]; reason: string };

const TaskSchema = z.strictObject({
  platform: z.string({ error: "must be a platform name" }).min(1, { error: "must be a platform name" }),
  acceptedAt: z.string({ error: "must be an ISO date-time" }).refine((s) => !Number.isNaN(Date.parse(s)), { error: "must be an ISO date-time, e.g. 2024-05-01T12:03:00+08:00" }),
});

/** Validates a list of tasks (edge of the pure function below). */
export function parseTasks(input: unknown): ActiveTask[] {
  if (!Array.isArray(input)) throw new InputError("tasks", "must be an array of {platform, acceptedAt}");
  return input.map((t, i) => {
    const r = TaskSchema.safeParse(t);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      if (issue.code === "unrecognized_keys") throw new InputError(`tasks[${i}].${issue.keys[0]}`, "unknown field; allowed fields: platform, acceptedAt");
      throw new InputError(["tasks[" + i + "]", ...issue.path.map(String)].join("."), issue.message);
    }
    return r.data;
  });
}

/** The liable platform: one task → its platform; several → the earliest accepted; none → nobody. */
export function liablePlatform(tasks: readonly ActiveTask[]): Liability {
  if (tasks.length === 0) return { platform: null, rule: "no-task", reason: "no task active at the time of injury: no platform is liable" };
  if (tasks.length === 1) {
    const only = tasks[0]!;
    return { platform: only.platform, rule: "single-task", reason: `one task active: the dispatching platform ${only.platform} is liable` };
  }
  let best = Infinity;
  for (const t of tasks) best = Math.min(best, Date.parse(t.acceptedAt));
  const first = tasks.filter((t) => Date.parse(t.acceptedAt) === best);
  const platforms = [...new Set(first.map((t) => t.platform))];
  if (platforms.length > 1) {
    return { platform: null, rule: "tie", tied: platforms, reason: `orders of ${platforms.join(", ")} were accepted at the same time: the first-order rule does not decide` };
  }
  return { platform: platforms[0]!, rule: "first-order", reason: `${tasks.length} tasks active: the platform whose order was accepted first (${platforms[0]}, ${first[0]!.acceptedAt}) is liable` };
}
