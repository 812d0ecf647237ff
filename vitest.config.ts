import { defineConfig } from "vitest/config";

export default defineConfig({
  // Components import packages the way pages do ("npm:d3"); in Node they resolve to node_modules.
  resolve: { alias: [{ find: /^npm:(.*)$/, replacement: "$1" }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "node_modules/**"],
          environment: "node",
          // Timeouts guard against hangs, never against slowness: sized for a loaded 2-core machine.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          expect: { poll: { timeout: 60_000, interval: 100 } },
          // Test files in one worker share the modules they import (transformed and evaluated once).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          // One Chromium and one server on dist/ for the whole run (test/e2e/global-setup.ts).
          globalSetup: ["test/e2e/global-setup.ts"],
          // Two files at a time, one per core (so two pages load at once at most); a worker imports
          // playwright and the engine once for all the files it runs.
          fileParallelism: true,
          maxWorkers: 2,
          isolate: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // expect.poll waits 1 s by default — a speed check in disguise that failed on a loaded
          // machine (a recompute took longer); 60 s is a hang guard, as the timeouts above.
          expect: { poll: { timeout: 60_000, interval: 100 } },
        },
      },
    ],
  },
});
