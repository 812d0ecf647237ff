/**
 * `npm start` serves the dashboards: the preview server (observable preview) starts offline,
 * prints its loopback address, and the overview loads cleanly from it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkPage, problems, useBrowser } from "./browser.js";

let preview: ChildProcess;
const shared = useBrowser();
let origin = "";

beforeAll(async () => {
  const port = 3900 + Math.floor(Math.random() * 90);
  preview = spawn("npx", ["observable", "preview", "--no-open", "--port", String(port)], {
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  origin = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`preview did not print its address:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0].replace(/\/$/, ""));
      }
    };
    preview.stdout!.on("data", onData);
    preview.stderr!.on("data", onData);
  });
});

afterAll(async () => {
  if (preview?.pid) process.kill(-preview.pid, "SIGTERM");
});

it("serves the overview on loopback with no external request", async () => {
  const report = await checkPage(shared.browser, `${origin}/`);
  try {
    // The preview server's live-reload socket closing at teardown is not a page problem.
    expect(problems(report)).toEqual([]);
    expect(await report.page.textContent("main")).toContain("668万");
  } finally {
    await report.page.context().close();
  }
});
