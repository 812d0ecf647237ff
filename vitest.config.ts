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
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
