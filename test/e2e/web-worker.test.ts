/**
 * The engine in a real Web Worker in Chromium (the bundle the data loader
 * src/data/engine-worker.js.ts builds): rows arrive in chunks, equal Node's to the bit, a run can
 * be cancelled between chunks, and a malformed request or scenario comes back as an error message
 * naming the field.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { serve, useBrowser } from "./browser.js";
import { parseScenarioText } from "../../src/sim/scenario.js";
import { compile, runPlan } from "../../src/sim/run.js";

const scenarioText = readFileSync(new URL("../fixtures/small-gonghuibao.json", import.meta.url), "utf-8");
const shared = useBrowser();
let page: Page;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  const bundle = execFileSync("npx", ["tsx", "src/data/engine-worker.js.ts"], { maxBuffer: 64 * 1024 * 1024 });
  const dir = mkdtempSync(join(tmpdir(), "puhui-worker-"));
  writeFileSync(join(dir, "engine-worker.js"), bundle);
  writeFileSync(join(dir, "index.html"), "<!doctype html><link rel=icon href='data:,'><title>worker</title>");
  server = await serve(dir);
  page = await shared.browser.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${server.origin}/`);
  await page.evaluate(() => {
    const w = window as unknown as { engine: Worker };
    w.engine = new Worker("./engine-worker.js", { type: "module" });
    w.engine.onerror = (e) => console.error(`worker error: ${e.message}`);
  });
});

afterAll(async () => {
  await page?.context().close();
  await server?.close();
});

/** Posts a message and waits until a terminal reply (done, cancelled, error) for `id` arrives. */
async function exchange(message: unknown, id: number, cancelAfterFirstRows = false): Promise<any[]> {
  return page.evaluate(
    ([msg, wanted, cancelEarly]) =>
      new Promise<any[]>((resolve) => {
        const w = window as unknown as { engine: Worker };
        const got: any[] = [];
        w.engine.addEventListener("message", function listener(e: MessageEvent) {
          const reply = e.data;
          if (reply.id !== wanted && reply.id !== -1) return;
          got.push(reply);
          if (cancelEarly && reply.type === "rows" && got.length === 1) w.engine.postMessage({ type: "cancel", id: wanted });
          if (reply.type !== "rows") {
            w.engine.removeEventListener("message", listener);
            resolve(got);
          }
        });
        w.engine.postMessage(msg);
      }),
    [message, id, cancelAfterFirstRows] as const,
  );
}

it("streams rows in chunks that equal Node's run bit for bit", async () => {
  const job = { scenarioText, mode: "fast", replicates: 60, seed: 42, uncertainty: true, range: [0, 60] };
  const replies = await exchange({ type: "run", id: 1, job, chunk: 20 }, 1);
  expect(replies.map((r) => r.type)).toEqual(["rows", "rows", "rows", "done"]);
  expect(replies.slice(0, 3).map((r) => r.done)).toEqual([20, 40, 60]);
  const rows = replies.slice(0, 3).flatMap((r) => r.rows);
  const { scenario, options } = parseScenarioText(scenarioText);
  const inNode = runPlan(compile(scenario, options, "fast"), { mode: "fast", replicates: 60, seed: 42 });
  expect(JSON.stringify(rows)).toBe(JSON.stringify(inNode));
});

it("stops at a chunk boundary when cancelled", async () => {
  const job = { scenarioText, mode: "exact", replicates: 2000, seed: 1, uncertainty: true, range: [0, 2000] };
  const replies = await exchange({ type: "run", id: 2, job, chunk: 10 }, 2, true);
  const last = replies.at(-1);
  expect(last.type).toBe("cancelled");
  expect(last.done).toBeLessThan(2000);
});

it("answers a malformed request or a bad scenario with an error naming the field", async () => {
  const bad = await exchange({ type: "run", id: 3, job: { scenarioText, mode: "warp" } }, 3);
  expect(bad.at(-1)).toMatchObject({ type: "error", field: expect.stringContaining("request.job") });
  const broken = scenarioText.replace('"count": 60000', '"count": -1');
  const job = { scenarioText: broken, mode: "fast", replicates: 5, seed: 1, uncertainty: true, range: [0, 5] };
  const replies = await exchange({ type: "run", id: 4, job }, 4);
  expect(replies.at(-1)).toMatchObject({ type: "error", field: "scenario.population.cells[0].count" });
});
